"use server";

import { revalidatePath } from "next/cache";
import { deskAction, formFields, type FormState } from "@/lib/actions";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";
import { updateSiteSettings } from "@/lib/site/settings-admin";

/** Saves the site settings; the public site shows them at once. Values typed are echoed back. */
export const saveSettingsAction = deskAction(
  formFields,
  async (input, viewer, values): Promise<FormState> => {
    await updateSiteSettings(viewer, input);
    await expireAfterSiteChange();
    revalidatePath("/dashboard/settings");
    // The bar's expiry is a timed change of every page: aim the timer at it.
    await rearmScheduler().catch(() => {});
    return { ok: true, message: "Settings saved. The public site shows them now.", values };
  },
  { name: "saveSettingsAction", keepValues: true },
);
