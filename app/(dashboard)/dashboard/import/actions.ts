"use server";

import { revalidatePath } from "next/cache";
import { deskCall, type FormState } from "@/lib/actions";
import { resumeRun, stopRun } from "@/lib/import/runs";

/** Stops a running import after its current item. */
export const stopImportAction = deskCall("stopImportAction", async (viewer, id: string): Promise<FormState> => {
  await stopRun(viewer, id);
  return { ok: true };
});

/** Resumes a stopped, failed or interrupted import. */
export const resumeImportAction = deskCall("resumeImportAction", async (viewer, id: string): Promise<FormState> => {
  await resumeRun(viewer, id);
  revalidatePath("/dashboard/import");
  return { ok: true };
});
