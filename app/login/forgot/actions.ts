"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { formText, publicAction, type FormState } from "@/lib/actions";
import { clientIp } from "@/lib/auth/nextauth";
import { acceptResetRequest, issuePasswordReset, RESET_REQUEST_ANSWER } from "@/lib/users/password-reset";

/**
 * "Forgot password?": checks the address and the limits, answers the same for every address,
 * and only then (after the answer has gone) looks the address up and queues the mail, so
 * neither the words nor the time of the answer tell whether an account uses the address
 * (OWASP Forgot Password Cheat Sheet). A malformed address comes back as a field error; a
 * held request as the limit's message. The typed address is kept in the field.
 */
export const forgotPasswordAction = publicAction(
  z.object({ email: formText }),
  async ({ email }): Promise<FormState> => {
    const ip = clientIp(await headers());
    const accepted = await acceptResetRequest({ email }, ip);
    after(async () => {
      try {
        await issuePasswordReset(accepted.email, ip);
      } catch (e) {
        console.error("[forgotPasswordAction] the reset link could not be issued:", e);
      }
    });
    return { ok: true, message: RESET_REQUEST_ANSWER, values: { email } };
  },
  { name: "forgotPasswordAction", keepValues: true },
);
