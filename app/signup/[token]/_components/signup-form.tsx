"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { setPasswordAction } from "../actions";

/** Choose a password (twice). */
export function SignupForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <InputField id="password" label="New password" hint="At least 10 characters." name="password" type="password" autoComplete="new-password" minLength={10} required />
      <InputField id="confirm" label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required />
      <Alert reserve testId="signup-error">
        {state.error}
      </Alert>
      <Button type="submit" disabled={pending}>
        Set password and sign in
      </Button>
    </form>
  );
}
