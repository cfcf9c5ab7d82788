"use server";

import { revalidatePath } from "next/cache";
import { deskAction, formFields, toActionFailure, type FormState } from "@/lib/actions";
import { isAppError } from "@/lib/errors";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";
import { updateSiteSettings } from "@/lib/site/settings-admin";

/**
 * Saves the site settings; the public site shows them at once. Values typed are echoed back,
 * the ticked editions as one space-separated `editionLanguages` value (a repeated field
 * would echo its last value only, and none at all when every box is clear).
 */
export const saveSettingsAction = deskAction(
  formFields,
  async (input, viewer, typed): Promise<FormState> => {
    const editions = input.editionLanguages;
    const values = { ...typed, editionLanguages: (Array.isArray(editions) ? editions : editions ? [editions] : []).map(String).join(" ") };
    try {
      await updateSiteSettings(viewer, input);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { ...toActionFailure(e, "saveSettingsAction"), values };
    }
    await expireAfterSiteChange();
    revalidatePath("/dashboard/settings");
    // The bar's expiry is a timed change of every page: aim the timer at it.
    await rearmScheduler().catch(() => {});
    return { ok: true, message: "Settings saved. The public site shows them now.", values };
  },
  { name: "saveSettingsAction", keepValues: true },
);
