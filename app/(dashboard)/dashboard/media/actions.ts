"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deskCall, type FormState } from "@/lib/actions";
import { deleteMedia, updateMedia } from "@/lib/media/library";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";

/**
 * Saves a photo's alt text, caption, credit and usage notes (stories using it are re-rendered).
 * Called directly by the photo details form with the photo's id and the typed values.
 */
export const updateMediaAction = deskCall("updateMediaAction", async (viewer, id: string, values: Record<string, string>): Promise<FormState> => {
  const { affectsReaders } = await updateMedia(viewer, id, values);
  if (affectsReaders) await expireAfterSiteChange();
  // No revalidatePath here: this action is also called from the story editor, and revalidating
  // a path in an action re-renders the page it came from — after the editor's first save
  // (/dashboard/stories/new → /dashboard/stories/<id>) that remounts the editor and drops edits
  // not yet saved. Desk pages are rendered per request, so the library shows the change anyway.
  return { ok: true, message: "Photo details saved." };
});

/** Deletes a photo that no story uses, then returns to the library. */
export const deleteMediaAction = deskCall("deleteMediaAction", async (viewer, id: string): Promise<FormState> => {
  await deleteMedia(viewer, id);
  revalidatePath("/dashboard/media");
  redirect("/dashboard/media?deleted=1");
});
