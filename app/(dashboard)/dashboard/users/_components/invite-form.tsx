"use client";

import { useActionState, useId, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Options, Select } from "@/components/ui/controls";
import { Field, InputField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import { ROLE_OPTIONS } from "../../_components/role-labels";
import type { FormState } from "@/lib/actions";
import { inviteAction, resendInvitationAction, resetLinkAction, type LinkData } from "../actions";

/** The page's own origin, so a copied link works wherever the desk is served. */
function useOrigin(): string {
  return useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => "",
  );
}

function LinkBox({ link, label }: { link: string; label: string }) {
  const origin = useOrigin();
  const id = useId();
  const full = `${origin}${link}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={full} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" size="sm" onClick={() => void navigator.clipboard?.writeText(full)}>
          Copy
        </Button>
      </div>
    </div>
  );
}

/** Invite someone: an account with a role; the invitation is mailed, and its link shown too. */
export function InviteForm() {
  const [state, action, pending] = useActionState<FormState<LinkData>, FormData>(inviteAction, {});
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={action} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-4" key={JSON.stringify(v)}>
      <h2 className="font-semibold">Invite someone</h2>
      <div className="grid gap-3 md:grid-cols-3">
        <InputField id="invite-name" label="Name" error={e.name} name="name" defaultValue={v.name ?? ""} />
        <InputField id="invite-email" label="Email" error={e.email} name="email" type="email" defaultValue={v.email ?? ""} />
        <Field id="invite-role" label="Role">
          <Select id="invite-role" name="role" defaultValue={v.role ?? "writer"}>
            <Options items={ROLE_OPTIONS} />
          </Select>
        </Field>
      </div>
      <Checkbox name="withByline" defaultChecked label="Create their byline too" />
      <Alert>{state.error}</Alert>
      {state.data?.link ? (
        <div className="flex flex-col gap-2 rounded bg-green-50 p-3" data-testid="invite-result">
          <p className="text-sm text-green-900">{state.message}</p>
          <LinkBox link={state.data.link} label="Invitation link" />
        </div>
      ) : null}
      <Button type="submit" disabled={pending} className="self-start text-sm">
        Create invitation
      </Button>
    </form>
  );
}

/** "Password reset link" for one user. */
export function ResetLinkButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState<LinkData>, FormData>(resetLinkAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" disabled={pending} aria-label={`Password reset link for ${name}`} variant="secondary" size="xs" className="self-start">
        Reset link
      </Button>
      {state.error ? <span className="text-xs text-red-700">{state.error}</span> : null}
      {state.data?.link ? <LinkBox link={state.data.link} label={`Reset link for ${name}`} /> : null}
    </form>
  );
}

/** "Resend invitation" for someone invited who has not joined yet: a new link, mailed again. */
export function ResendInvitationButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState<LinkData>, FormData>(resendInvitationAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" disabled={pending} aria-label={`Resend the invitation to ${name}`} variant="secondary" size="xs" className="self-start">
        Resend invitation
      </Button>
      {state.error ? <span className="text-xs text-red-700">{state.error}</span> : null}
      {state.data?.link ? (
        <>
          <span className="text-xs text-green-900">{state.message}</span>
          <LinkBox link={state.data.link} label={`New invitation link for ${name}`} />
        </>
      ) : null}
    </form>
  );
}
