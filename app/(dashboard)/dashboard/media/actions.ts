"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { deleteMedia, updateMedia } from "@/lib/media/library";
import { expireReaderPagesNow } from "@/lib/publishing/scheduler";
import { expireReaderCaches } from "@/lib/site/reader-cache";

export type MediaFormState = { ok?: boolean; error?: string; fields?: Record<string, string>; message?: string };

/** Saves a photo's alt text, caption, credit and usage notes (stories using it are re-rendered). */
export async function updateMediaAction(id: string, values: Record<string, string>): Promise<MediaFormState> {
  try {
    const { affectsReaders } = await updateMedia(await requireViewer(), id, values);
    if (affectsReaders && !(await expireReaderPagesNow())) expireReaderCaches();
    revalidatePath("/dashboard/media");
    return { ok: true, message: "Photo details saved." };
  } catch (e) {
    const f = toActionFailure(e, "updateMediaAction");
    return { ok: false, error: f.error, fields: f.fields };
  }
}

/** Deletes a photo that no story uses, then returns to the library. */
export async function deleteMediaAction(id: string): Promise<MediaFormState> {
  try {
    await deleteMedia(await requireViewer(), id);
  } catch (e) {
    const f = toActionFailure(e, "deleteMediaAction");
    return { ok: false, error: f.error };
  }
  revalidatePath("/dashboard/media");
  redirect("/dashboard/media?deleted=1");
}
