"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, formText, publicAction, type FormState } from "@/lib/actions";
import { clientIp } from "@/lib/auth/nextauth";
import { signInWithPassword } from "@/lib/auth/session";
import { redeemToken } from "@/lib/users/invites";

/** Sets the password through a one-time link, signs in, and opens the desk. */
export const setPasswordAction = publicAction(
  z
    .object({ token: formText, password: formText, confirm: formText })
    .refine((f) => f.password === f.confirm, { message: "The two passwords do not match.", path: ["confirm"] }),
  async ({ token, password }): Promise<FormState> => {
    const email = await redeemToken(token, password, new Date(), clientIp(await headers()));
    const signedIn = await signInWithPassword(email, password);
    if (!signedIn.ok) return failure(`Your password is set, but signing in failed: ${signedIn.error}`);
    redirect("/dashboard");
  },
  { name: "setPasswordAction" },
);
