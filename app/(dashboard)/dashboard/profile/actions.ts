"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deskAction, formFields, formText, type FormState } from "@/lib/actions";
import { redirect } from "next/navigation";
import { signInWithPassword, signOutViewer } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/sessions";
import { requireViewer } from "@/lib/auth/viewer";
import { changeOwnPassword, updateOwnName } from "@/lib/users/profile";
import { saveMailPreferences } from "@/lib/review/prefs";

/** Saves the viewer's display name. Any other field sent (a role, say) is ignored. */
export const updateNameAction = deskAction(
  z.object({ name: formText }),
  async ({ name }, viewer): Promise<FormState> => {
    await updateOwnName(viewer, name);
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Name saved." };
  },
  { name: "updateNameAction" },
);

/** Changes the password, then signs this browser in again with it (other sessions end). */
export const changePasswordAction = deskAction(
  z
    .object({ current: formText, next: formText, confirm: formText })
    .refine((f) => f.next === f.confirm, { message: "The new passwords do not match.", path: ["confirm"] }),
  async ({ current, next }, viewer): Promise<FormState> => {
    await changeOwnPassword(viewer, current, next);
    await signInWithPassword(viewer.email, next);
    return { ok: true, message: "Password changed. Other sessions have been signed out." };
  },
  { name: "changePasswordAction" },
);

/** Saves what comes by mail (each kind: immediately, daily digest or off) and the digest's hour. */
export const saveMailPreferencesAction = deskAction(
  formFields,
  async (fields, viewer, values): Promise<FormState> => {
    await saveMailPreferences(viewer, fields);
    return { ok: true, message: "Mail preferences saved.", values };
  },
  { name: "saveMailPreferencesAction", keepValues: true },
);

/**
 * Ends every session of the viewer, on every device (a lost phone, a shared computer), this
 * one included, and goes to the sign-in page.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  await endAllSessions(viewer.id);
  await signOutViewer();
  redirect("/login");
}
