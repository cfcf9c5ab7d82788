"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import { setPasswordAction, type SignupState } from "../actions";

/** Choose a password (twice). */
export function SignupForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<SignupState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <Field id="password" label="New password" hint="At least 10 characters.">
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={10} required />
      </Field>
      <Field id="confirm" label="Repeat the password">
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Alert reserve testId="signup-error">
        {state.error}
      </Alert>
      <Button type="submit" disabled={pending}>
        Set password and sign in
      </Button>
    </form>
  );
}
