"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { changePasswordAction, updateNameAction } from "../actions";

function Feedback({ state }: { state: FormState }) {
  if (state.error) return <Alert>{state.error}</Alert>;
  if (state.message) return <p role="status" className="text-sm text-green-800">{state.message}</p>;
  return null;
}

/** One of the profile's forms, in a card: heading, fields, feedback, submit button. */
function FormCard(props: { action: (form: FormData) => void; title: string; state: FormState; pending: boolean; submit: string; children: React.ReactNode }) {
  return (
    <form action={props.action} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
      <h2 className="font-semibold">{props.title}</h2>
      {props.children}
      <Feedback state={props.state} />
      <Button type="submit" disabled={props.pending} className="self-start text-sm">
        {props.submit}
      </Button>
    </form>
  );
}

/** The viewer's own name and password. */
export function ProfileForms({ name }: { name: string }) {
  const [nameState, nameAction, namePending] = useActionState<FormState, FormData>(updateNameAction, {});
  const [pwState, pwAction, pwPending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <FormCard action={nameAction} title="Name" state={nameState} pending={namePending} submit="Save name">
        <InputField id="name" label="Display name" name="name" defaultValue={name} required maxLength={120} />
      </FormCard>
      <FormCard action={pwAction} title="Password" state={pwState} pending={pwPending} submit="Change password">
        <InputField id="current" label="Current password" name="current" type="password" autoComplete="current-password" required />
        <InputField id="next" label="New password" name="next" type="password" autoComplete="new-password" minLength={10} required />
        <InputField id="confirm" label="Repeat new password" name="confirm" type="password" autoComplete="new-password" required />
      </FormCard>
    </div>
  );
}
