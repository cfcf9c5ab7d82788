"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deskCall, type FormState } from "@/lib/actions";
import { deleteMedia, updateMedia } from "@/lib/media/library";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";

/**
 * Saves a photo's alt text, caption, credit and usage notes (stories using it are re-rendered).
 * Called directly by the photo details form with the photo's id and the typed values; from the
 * story editor also with the open story and the version it holds. When that story got a new
 * version from exactly that one, `storyVersion` names it: the change was the editor's own, so
 * the editor builds on it rather than meeting its own change as a conflict.
 */
export const updateMediaAction = deskCall("updateMediaAction", async (viewer, id: string, values: Record<string, string>, open?: { storyId: string; version: number }): Promise<FormState<{ storyVersion: number }>> => {
  const { affectsReaders, revised } = await updateMedia(viewer, id, values);
  const own = open ? revised.find((r) => r.storyId === open.storyId && r.version === open.version + 1) : undefined;
  if (affectsReaders) await expireAfterSiteChange();
  // No revalidatePath here: this action is also called from the story editor, and revalidating
  // a path in an action re-renders the page it came from — after the editor's first save
  // (/dashboard/stories/new → /dashboard/stories/<id>) that remounts the editor and drops edits
  // not yet saved. Desk pages are rendered per request, so the library shows the change anyway.
  return { ok: true, message: "Photo details saved.", ...(own ? { data: { storyVersion: own.version } } : {}) };
});

/** Deletes a photo that no story uses, then returns to the library. */
export const deleteMediaAction = deskCall("deleteMediaAction", async (viewer, id: string): Promise<FormState> => {
  await deleteMedia(viewer, id);
  revalidatePath("/dashboard/media");
  redirect("/dashboard/media?deleted=1");
});
