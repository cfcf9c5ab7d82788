"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deskAction, formFields, formFlag, formText, type FormState } from "@/lib/actions";
import { createByline, mergeBylines, setBylineRetired, updateByline } from "@/lib/bylines/admin";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";

/** Creates a byline, then lists bylines. */
export const createBylineAction = deskAction(
  formFields,
  async (input, viewer): Promise<FormState> => {
    await createByline(viewer, input);
    revalidatePath("/dashboard/bylines");
    redirect("/dashboard/bylines");
  },
  { name: "createBylineAction", keepValues: true },
);

/** Saves a byline's profile (and its slug, leaving a redirect). */
export const updateBylineAction = deskAction(
  z.looseObject({ id: formText }),
  async (input, viewer, values): Promise<FormState> => {
    await updateByline(viewer, input.id, input);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/bylines");
    return { ok: true, message: "Byline saved.", values };
  },
  { name: "updateBylineAction", keepValues: true },
);

/** Retires or restores a byline. */
export const retireBylineAction = deskAction(
  z.object({ id: formText, retired: formFlag("true") }),
  async ({ id, retired }, viewer): Promise<FormState> => {
    await setBylineRetired(viewer, id, retired);
    revalidatePath("/dashboard/bylines");
    return { ok: true, message: retired ? "Byline retired." : "Byline restored." };
  },
  { name: "retireBylineAction" },
);

/** Merges this byline into another, then lists bylines. */
export const mergeBylineAction = deskAction(
  z.object({ id: formText, intoId: formText }),
  async ({ id, intoId }, viewer): Promise<FormState> => {
    await mergeBylines(viewer, id, intoId);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/bylines");
    redirect("/dashboard/bylines");
  },
  { name: "mergeBylineAction" },
);
