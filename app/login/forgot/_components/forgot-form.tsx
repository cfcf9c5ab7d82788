"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { Alert, FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { forgotPasswordAction } from "../actions";

/** The address to send a reset link to: one labelled field, the answer or the refusal below it. */
export function ForgotForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  const email = state.values?.email ?? "";
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <InputField
        id="email"
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        required
        defaultValue={email}
        key={`${email}:${state.fields?.email ?? ""}`}
        error={state.fields?.email}
        errorId="email-error"
        aria-invalid={state.fields?.email ? true : undefined}
        aria-describedby={state.fields?.email ? "email-error" : undefined}
      />
      {state.ok ? <FormStatus message={state.message} testId="forgot-answer" /> : <Alert reserve testId="forgot-error">{state.fields?.email ? "" : state.error}</Alert>}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
