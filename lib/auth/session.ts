/**
 * Signing in and out, behind our own helpers so Auth.js can be replaced (v5 never left beta
 * and is in maintenance mode).
 */
import { env } from "@/lib/env";
import "server-only";
import { cookies } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { normalizeEmail } from "./credentials";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, deviceToken } from "./device";
import { auth, signIn, signOut } from "./nextauth";
import { endSession } from "./sessions";
import { countOf } from "@/lib/text/count";

export type SignInOutcome = { ok: true } | { ok: false; error: string };

export const INVALID_CREDENTIALS = "Invalid email or password.";

/** Formats a wait for people: "1 minute", "12 minutes". */
function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return countOf(m, "minute", "minutes");
}

/**
 * Signs in with e-mail and password and sets the session cookie. Never redirects: the caller
 * sends the user on with a relative path.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    // Remember this browser as a known device for the account (see lib/auth/device.ts).
    (await cookies()).set(DEVICE_COOKIE, deviceToken(normalizeEmail(email)), {
      httpOnly: true,
      sameSite: "lax",
      secure: (env().SITE_URL ?? "").startsWith("https://"),
      maxAge: DEVICE_COOKIE_MAX_AGE,
      path: "/",
    });
    return { ok: true };
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const wait = /^rate_limited:(\d+)$/.exec(e.code ?? "");
      if (wait) return { ok: false, error: `Too many failed sign-in attempts. Try again in ${minutes(Number(wait[1]))}.` };
      return { ok: false, error: INVALID_CREDENTIALS };
    }
    if (e instanceof AuthError) return { ok: false, error: "Sign-in failed. Please try again." };
    throw e;
  }
}

/** Ends this session on the server (a copy of the cookie stops working too), then clears the cookie. */
export async function signOutViewer(): Promise<void> {
  const session = await auth();
  if (session?.sessionId) await endSession(session.sessionId);
  await signOut({ redirect: false });
}
