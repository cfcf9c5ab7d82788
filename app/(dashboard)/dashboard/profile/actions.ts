"use server";

import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/actions";
import { signInWithPassword } from "@/lib/auth/session";
import { requireViewer } from "@/lib/auth/viewer";
import { changeOwnPassword, updateOwnName } from "@/lib/users/profile";

export type ProfileState = { ok?: boolean; message?: string; error?: string };

/** Saves the viewer's display name. Any other field sent (a role, say) is ignored. */
export async function updateNameAction(_: ProfileState, form: FormData): Promise<ProfileState> {
  try {
    const viewer = await requireViewer();
    await updateOwnName(viewer, String(form.get("name") ?? ""));
    revalidatePath("/dashboard", "layout");
    return { ok: true, message: "Name saved." };
  } catch (e) {
    return { error: toActionFailure(e, "updateNameAction").error };
  }
}

/** Changes the password, then signs this browser in again with it (other sessions end). */
export async function changePasswordAction(_: ProfileState, form: FormData): Promise<ProfileState> {
  try {
    const viewer = await requireViewer();
    const next = String(form.get("next") ?? "");
    if (next !== String(form.get("confirm") ?? "")) return { error: "The new passwords do not match." };
    await changeOwnPassword(viewer, String(form.get("current") ?? ""), next);
    await signInWithPassword(viewer.email, next);
    return { ok: true, message: "Password changed. Other sessions have been signed out." };
  } catch (e) {
    return { error: toActionFailure(e, "changePasswordAction").error };
  }
}
