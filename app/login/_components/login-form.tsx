"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { signInAction } from "../actions";

/** The sign-in form: labelled fields, a clear error, the e-mail kept after a failure. */
export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <InputField id="email" label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ""} key={state.values?.email ?? ""} />
      <InputField id="password" label="Password" name="password" type="password" autoComplete="current-password" required />
      <Alert reserve testId="login-error">
        {state.error}
      </Alert>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
