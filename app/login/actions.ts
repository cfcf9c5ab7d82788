"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, formText, publicAction, type FormState } from "@/lib/actions";
import { safeReturnPath } from "@/lib/auth/paths";
import { signInWithPassword } from "@/lib/auth/session";

/**
 * Signs in with e-mail and password, then sends the user to a relative dashboard path
 * (never to an absolute callback URL). Rate limits and "no enumeration" live in lib/auth.
 * A failure keeps the e-mail typed (`values.email`), never the password.
 */
export const signInAction = publicAction(
  z.object({ email: formText.transform((v) => v.trim()), password: formText, next: formText }),
  async ({ email, password, next }): Promise<FormState> => {
    const values = { email };
    if (!email || !password) return failure("Enter your email and password.", { values });
    if (email.length > 320 || password.length > 512) return failure("Invalid email or password.", { values });
    const result = await signInWithPassword(email, password);
    if (!result.ok) return failure(result.error, { code: "unauthorized", values });
    redirect(safeReturnPath(next));
  },
  { name: "signInAction" },
);
