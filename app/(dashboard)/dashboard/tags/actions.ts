"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deskAction, formFlag, formText, type FormState } from "@/lib/actions";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";
import { createTag, mergeTags, updateTag } from "@/lib/tags/admin";
import { setSectionEditors } from "@/lib/review/section-editors";

/** A tag form's fields go to lib as typed; the section box is on or off. */
const tagFields = z.looseObject({ isSection: formFlag() });

/** Creates a tag (editors and admins). The form empties on success. */
export const createTagAction = deskAction(
  tagFields,
  async (input, viewer, values): Promise<FormState> => {
    await createTag(viewer, input);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/tags");
    return { ok: true, message: `Tag "${values.name}" created.` };
  },
  { name: "createTagAction", keepValues: true },
);

/** Saves a tag (a new slug leaves a redirect). */
export const updateTagAction = deskAction(
  tagFields.extend({ id: formText }),
  async (input, viewer, values): Promise<FormState> => {
    await updateTag(viewer, input.id, input);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/tags");
    return { ok: true, message: "Tag saved.", values };
  },
  { name: "updateTagAction", keepValues: true },
);

/** Merges this tag into another, then lists tags. */
export const mergeTagAction = deskAction(
  z.object({ id: formText, intoId: formText }),
  async ({ id, intoId }, viewer): Promise<FormState> => {
    await mergeTags(viewer, id, intoId);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/tags");
    redirect("/dashboard/tags");
  },
  { name: "mergeTagAction" },
);

/** Sets the editors a section's stories go to for review (admins); none: every editor. */
export const setSectionEditorsAction = deskAction(
  z.object({ id: formText, userIds: z.union([z.string(), z.array(z.string())]).optional() }),
  async ({ id, userIds }, viewer): Promise<FormState> => {
    const ids = userIds === undefined ? [] : Array.isArray(userIds) ? userIds : [userIds];
    const saved = await setSectionEditors(viewer, id, { userIds: ids });
    revalidatePath(`/dashboard/tags/${id}`);
    return { ok: true, message: saved.length ? "Section editors saved." : "Section editors saved: stories go to every editor." };
  },
  { name: "setSectionEditorsAction" },
);
