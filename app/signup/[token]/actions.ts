"use server";

import { redirect } from "next/navigation";
import { toActionFailure } from "@/lib/actions";
import { signInWithPassword } from "@/lib/auth/session";
import { redeemToken } from "@/lib/users/invites";

export type SignupState = { error?: string };

/** Sets the password through a one-time link, signs in, and opens the desk. */
export async function setPasswordAction(_: SignupState, form: FormData): Promise<SignupState> {
  const password = String(form.get("password") ?? "");
  if (password !== String(form.get("confirm") ?? "")) return { error: "The two passwords do not match." };
  let email: string;
  try {
    email = await redeemToken(String(form.get("token") ?? ""), password);
  } catch (e) {
    return { error: toActionFailure(e, "setPasswordAction").error };
  }
  const signedIn = await signInWithPassword(email, password);
  if (!signedIn.ok) return { error: `Your password is set, but signing in failed: ${signedIn.error}` };
  redirect("/dashboard");
}
