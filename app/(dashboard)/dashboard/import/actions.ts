"use server";

import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { resumeRun, stopRun } from "@/lib/import/runs";

/** Stops a running import after its current item. */
export async function stopImportAction(id: string): Promise<{ error?: string }> {
  try {
    await stopRun(await requireViewer(), id);
    return {};
  } catch (e) {
    return { error: toActionFailure(e, "stopImportAction").error };
  }
}

/** Resumes a stopped, failed or interrupted import. */
export async function resumeImportAction(id: string): Promise<{ error?: string }> {
  try {
    await resumeRun(await requireViewer(), id);
    revalidatePath("/dashboard/import");
    return {};
  } catch (e) {
    return { error: toActionFailure(e, "resumeImportAction").error };
  }
}
