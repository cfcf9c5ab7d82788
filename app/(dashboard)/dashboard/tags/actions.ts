"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deskAction, formFlag, formText, type FormState } from "@/lib/actions";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";
import { createTag, mergeTags, updateTag } from "@/lib/tags/admin";

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
