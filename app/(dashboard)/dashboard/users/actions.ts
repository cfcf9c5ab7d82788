"use server";

import { revalidatePath } from "next/cache";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { setUserActive, setUserRole } from "@/lib/users/admin";

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
