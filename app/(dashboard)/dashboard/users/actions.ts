"use server";

import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { setUserActive, setUserRole } from "@/lib/users/admin";
import { createResetLink, inviteUser } from "@/lib/users/invites";

export type UserAdminState = { ok?: boolean; message?: string; error?: string };

/** Changes a user's role (admins only; checked in lib). */
export async function setRoleAction(_: UserAdminState, form: FormData): Promise<UserAdminState> {
  try {
    const viewer = await requireViewer();
    await setUserRole(viewer, String(form.get("userId") ?? ""), form.get("role"));
    revalidatePath("/dashboard/users");
    return { ok: true, message: "Role saved." };
  } catch (e) {
    return { error: toActionFailure(e, "setRoleAction").error };
  }
}

/** Deactivates or reactivates a user (admins only; checked in lib). */
export async function setActiveAction(_: UserAdminState, form: FormData): Promise<UserAdminState> {
  try {
    const viewer = await requireViewer();
    await setUserActive(viewer, String(form.get("userId") ?? ""), form.get("active") === "true");
    revalidatePath("/dashboard/users");
    return { ok: true, message: form.get("active") === "true" ? "Account reactivated." : "Account deactivated." };
  } catch (e) {
    return { error: toActionFailure(e, "setActiveAction").error };
  }
}

export type InviteState = { error?: string; fields?: Record<string, string>; values?: Record<string, string>; link?: string; message?: string };

/** Creates an account and returns its one-time invitation link (path; the page adds the origin). */
export async function inviteAction(_: InviteState, form: FormData): Promise<InviteState> {
  const values = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$")).map(([k, v]) => [k, String(v)]));
  try {
    const viewer = await requireViewer();
    const { token, email } = await inviteUser(viewer, { ...values, withByline: form.get("withByline") === "on" });
    revalidatePath("/dashboard/users");
    return { link: `/signup/${token}`, message: `Invitation ready for ${email}. Send them this link; it works once, for 7 days.` };
  } catch (e) {
    const f = toActionFailure(e, "inviteAction");
    return { error: f.error, fields: f.fields, values };
  }
}

/** A one-time password-reset link for a user. */
export async function resetLinkAction(_: InviteState, form: FormData): Promise<InviteState> {
  try {
    const viewer = await requireViewer();
    const token = await createResetLink(viewer, String(form.get("userId") ?? ""));
    return { link: `/signup/${token}`, message: "Reset link ready: it works once, for 24 hours." };
  } catch (e) {
    return { error: toActionFailure(e, "resetLinkAction").error };
  }
}
