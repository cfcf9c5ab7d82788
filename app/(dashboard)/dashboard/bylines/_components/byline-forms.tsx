"use client";

import { useActionState } from "react";
import { MergeForm } from "@/components/dashboard/merge-form";
import { OtherLanguages, type TranslatedText } from "@/components/dashboard/translation-inputs";
import { Button } from "@/components/ui/button";
import { Options, Select, Textarea } from "@/components/ui/controls";
import { Field, InputField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import {
  createBylineAction,
  mergeBylineAction,
  retireBylineAction,
  updateBylineAction,
} from "../actions";

export interface BylineValues {
  id?: string;
  name: string;
  slug: string;
  jobTitle: string;
  bio: string;
  photoUrl: string;
  userId: string;
  /** Name, job title and bio in other languages, keyed by form field ("name:fa"); edit form only. */
  translations?: Record<string, string>;
}

const BYLINE_TEXTS: readonly TranslatedText[] = [
  { field: "name", label: "Name" },
  { field: "jobTitle", label: "Job title" },
  { field: "bio", label: "Bio", rows: 3, wide: true },
];

/** Create or edit a byline. "Display name" comes first. */
export function BylineForm({ initial, users }: { initial: BylineValues; users: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(initial.id ? updateBylineAction : createBylineAction, {});
  const v = { ...initial, ...(state.values ?? {}) } as BylineValues;
  const own: Record<string, string> = { name: v.name, jobTitle: v.jobTitle, bio: v.bio };
  const e = state.fields ?? {};
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" key={JSON.stringify(state.values ?? {})}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField id="name" label="Display name" error={e.name} name="name" defaultValue={v.name} required dir="auto" />
      <InputField id="slug" label="Slug" hint="The byline page address, /author/…; made from the name when empty." error={e.slug} name="slug" defaultValue={v.slug} className="font-mono text-sm" />
      <InputField id="jobTitle" label="Job title" error={e.jobTitle} name="jobTitle" defaultValue={v.jobTitle} />
      <Field id="bio" label="Short bio" error={e.bio}>
        <Textarea id="bio" name="bio" defaultValue={v.bio} rows={3} dir="auto" />
      </Field>
      {initial.translations ? (
        <OtherLanguages texts={BYLINE_TEXTS.map((t) => ({ ...t, placeholder: own[t.field] }))} values={state.values ?? initial.translations} errors={e} idPrefix="byline" />
      ) : null}
      <InputField id="photoUrl" label="Photo address" hint="Optional: https://… or /path" error={e.photoUrl} name="photoUrl" defaultValue={v.photoUrl} />
      <Field id="userId" label="Linked user" hint="Staff bylines belong to a user; guests and wire services to nobody." error={e.userId}>
        <Select id="userId" name="userId" defaultValue={v.userId}>
          <option value="">No user (guest or wire byline)</option>
          <Options items={users.map((u) => ({ value: u.id, label: u.label }))} />
        </Select>
      </Field>
      <FormStatus error={state.error} message={state.message} testId="byline-status" />
      <Button type="submit" disabled={pending} className="self-start">
        {initial.id ? "Save byline" : "Create byline"}
      </Button>
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
        <Button type="submit" variant="secondary" size="sm">
          {retired ? "Restore byline" : "Retire byline"}
        </Button>
        <span className="text-sm text-neutral-600" role="status">
          {rState.error ?? rState.message ?? (retired ? "Retired: kept on its stories, not offered on the desk." : "")}
        </span>
      </form>
      <MergeForm id={id} others={others} action={mergeBylineAction} noun="byline" />
    </div>
  );
}
