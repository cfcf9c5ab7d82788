"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import { changePasswordAction, updateNameAction, type ProfileState } from "../actions";

function Feedback({ state }: { state: ProfileState }) {
  if (state.error) return <Alert>{state.error}</Alert>;
  if (state.message) return <p role="status" className="text-sm text-green-800">{state.message}</p>;
  return null;
}

/** The viewer's own name and password. */
export function ProfileForms({ name }: { name: string }) {
  const [nameState, nameAction, namePending] = useActionState<ProfileState, FormData>(updateNameAction, {});
  const [pwState, pwAction, pwPending] = useActionState<ProfileState, FormData>(changePasswordAction, {});
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form action={nameAction} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
        <h2 className="font-semibold">Name</h2>
        <Field id="name" label="Display name">
          <Input id="name" name="name" defaultValue={name} required maxLength={120} />
        </Field>
        <Feedback state={nameState} />
        <Button type="submit" disabled={namePending} className="self-start text-sm">
          Save name
        </Button>
      </form>
      <form action={pwAction} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
        <h2 className="font-semibold">Password</h2>
        <Field id="current" label="Current password">
          <Input id="current" name="current" type="password" autoComplete="current-password" required />
        </Field>
        <Field id="next" label="New password">
          <Input id="next" name="next" type="password" autoComplete="new-password" minLength={10} required />
        </Field>
        <Field id="confirm" label="Repeat new password">
          <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </Field>
        <Feedback state={pwState} />
        <Button type="submit" disabled={pwPending} className="self-start text-sm">
          Change password
        </Button>
      </form>
    </div>
  );
}
