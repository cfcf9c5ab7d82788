"use client";

import { useActionState, useSyncExternalStore } from "react";
import type { FormState } from "@/lib/actions";
import { inviteAction, resetLinkAction, type LinkData } from "./actions";

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

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
  const full = `${origin}${link}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="one-time-link" className="text-sm font-semibold">
        {label}
      </label>
      <div className="flex gap-2">
        <input id="one-time-link" readOnly value={full} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => void navigator.clipboard?.writeText(full)} className="rounded border border-neutral-400 px-3 text-sm font-semibold">
          Copy
        </button>
      </div>
    </div>
  );
}

/** Invite someone: an account with a role, and a one-time link to set their password. */
export function InviteForm() {
  const [state, action, pending] = useActionState<FormState<LinkData>, FormData>(inviteAction, {});
  const v = state.values ?? {};
  const e = state.fields ?? {};
  return (
    <form action={action} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-4" key={JSON.stringify(v)}>
      <h2 className="font-semibold">Invite someone</h2>
      <div className="grid gap-3 md:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-name" className="text-sm font-semibold">
            Name
          </label>
          <input id="invite-name" name="name" defaultValue={v.name ?? ""} className={inputClass} />
          {e.name ? <p className="text-sm text-red-700">{e.name}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-email" className="text-sm font-semibold">
            Email
          </label>
          <input id="invite-email" name="email" type="email" defaultValue={v.email ?? ""} className={inputClass} />
          {e.email ? <p className="text-sm text-red-700">{e.email}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="text-sm font-semibold">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue={v.role ?? "writer"} className={inputClass}>
            <option value="writer">Writer</option>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="withByline" defaultChecked />
        Create their byline too
      </label>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state.data?.link ? (
        <div className="flex flex-col gap-2 rounded bg-green-50 p-3" data-testid="invite-result">
          <p className="text-sm text-green-900">{state.message}</p>
          <LinkBox link={state.data.link} label="Invitation link" />
        </div>
      ) : null}
      <button type="submit" disabled={pending} className="self-start rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Create invitation
      </button>
    </form>
  );
}

/** "Password reset link" for one user. */
export function ResetLinkButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState<FormState<LinkData>, FormData>(resetLinkAction, {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending} aria-label={`Password reset link for ${name}`} className="self-start rounded border border-neutral-400 px-2 py-1 text-xs font-semibold">
        Reset link
      </button>
      {state.error ? <span className="text-xs text-red-700">{state.error}</span> : null}
      {state.data?.link ? <LinkBox link={state.data.link} label={`Reset link for ${name}`} /> : null}
    </form>
  );
}
