"use server";

import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/paths";
import { signInWithPassword } from "@/lib/auth/session";

export type LoginState = { error?: string; email?: string };

/**
 * Signs in with e-mail and password, then sends the user to a relative dashboard path
 * (never to an absolute callback URL). Rate limits and "no enumeration" live in lib/auth.
 */
export async function signInAction(_: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  if (email.length > 320 || password.length > 512) return { error: "Invalid email or password.", email };
  const result = await signInWithPassword(email, password);
  if (!result.ok) return { error: result.error, email };
  redirect(safeReturnPath(String(form.get("next") ?? "")));
}
