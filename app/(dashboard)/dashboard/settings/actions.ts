"use server";

import { expireReaderCaches } from "@/lib/site/reader-cache";
import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { expireReaderPagesNow, rearmScheduler } from "@/lib/publishing/scheduler";
import { updateSiteSettings } from "@/lib/site/settings-admin";

export type SettingsState = { ok?: boolean; message?: string; error?: string; fields?: Record<string, string>; values?: Record<string, string> };

/** Saves the site settings; the public site shows them at once. */
export async function saveSettingsAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  try {
    const viewer = await requireViewer();
    await updateSiteSettings(viewer, values);
    if (!(await expireReaderPagesNow())) expireReaderCaches();
    revalidatePath("/dashboard/settings");
    // The bar's expiry is a timed change of every page: aim the timer at it.
    await rearmScheduler().catch(() => {});
    return { ok: true, message: "Settings saved. The public site shows them now.", values };
  } catch (e) {
    const f = toActionFailure(e, "saveSettingsAction");
    return { error: f.error, fields: f.fields, values };
  }
}
