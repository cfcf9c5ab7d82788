"use client";

import { useActionState } from "react";
import { MergeForm } from "@/components/dashboard/merge-form";
import type { FormState } from "@/lib/actions";
import {
  createBylineAction,
  mergeBylineAction,
  retireBylineAction,
  updateBylineAction,
} from "./actions";

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

export interface BylineValues {
  id?: string;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  photoUrl: string;
  userId: string;
}

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-neutral-500">{hint}</p> : null}
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

/** Create or edit a byline. "Display name" comes first. */
export function BylineForm({ initial, users }: { initial: BylineValues; users: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(initial.id ? updateBylineAction : createBylineAction, {});
  const v = { ...initial, ...(state.values ?? {}) } as BylineValues;
  const e = state.fields ?? {};
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" key={JSON.stringify(state.values ?? {})}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field id="name" label="Display name" error={e.name}>
        <input id="name" name="name" defaultValue={v.name} required className={inputClass} dir="auto" />
      </Field>
      <Field id="slug" label="Slug" hint="The byline page address, /author/…; made from the name when empty." error={e.slug}>
        <input id="slug" name="slug" defaultValue={v.slug} className={`${inputClass} font-mono text-sm`} />
      </Field>
      <Field id="jobTitle" label="Job title" error={e.jobTitle}>
        <input id="jobTitle" name="jobTitle" defaultValue={v.jobTitle} className={inputClass} />
      </Field>
      <Field id="bio" label="Short bio" error={e.bio}>
        <textarea id="bio" name="bio" defaultValue={v.bio} rows={3} className={inputClass} dir="auto" />
      </Field>
      <Field id="photoUrl" label="Photo address" hint="Optional: https://… or /path" error={e.photoUrl}>
        <input id="photoUrl" name="photoUrl" defaultValue={v.photoUrl} className={inputClass} />
      </Field>
      <Field id="userId" label="Linked user" hint="Staff bylines belong to a user; guests and wire services to nobody." error={e.userId}>
        <select id="userId" name="userId" defaultValue={v.userId} className={inputClass}>
          <option value="">No user (guest or wire byline)</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>
      <p role="status" aria-live="polite" className={`text-sm ${state.error ? "text-red-700" : "text-green-800"}`} data-testid="byline-status">
        {state.error ?? state.message ?? ""}
      </p>
      <button type="submit" disabled={pending} className="self-start rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {initial.id ? "Save byline" : "Create byline"}
      </button>
    </form>
  );
}

/** Retire/restore and merge controls for one byline. */
export function BylineActions({ id, retired, others }: { id: string; retired: boolean; others: { id: string; name: string }[] }) {
  const [rState, rAction] = useActionState<FormState, FormData>(retireBylineAction, {});
  return (
    <div className="flex max-w-xl flex-col gap-4 rounded border border-neutral-300 bg-white p-4">
      <form action={rAction} className="flex items-center gap-3">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="retired" value={retired ? "false" : "true"} />
        <button type="submit" className="rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold">
          {retired ? "Restore byline" : "Retire byline"}
        </button>
        <span className="text-sm text-neutral-600" role="status">
          {rState.error ?? rState.message ?? (retired ? "Retired: kept on its stories, not offered on the desk." : "")}
        </span>
      </form>
      <MergeForm
        id={id}
        others={others}
        action={mergeBylineAction}
        confirmText="Merge this byline into the one chosen? Its stories move there and this byline is removed."
      />
    </div>
  );
}
