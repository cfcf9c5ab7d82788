"use client";

import { useActionState } from "react";
import { MergeForm } from "@/components/dashboard/merge-form";
import { OtherLanguages, type TranslatedText } from "@/components/dashboard/translation-inputs";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Textarea } from "@/components/ui/controls";
import { Field, InputField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { createTagAction, mergeTagAction, updateTagAction } from "../actions";

export interface TagValues {
  id?: string;
  name: string;
  slug: string;
  description: string;
  isSection: boolean;
  sectionOrder: number;
  /** Name and description in other languages, keyed by form field ("name:fa"); edit form only. */
  translations?: Record<string, string>;
}

const TAG_TEXTS: readonly TranslatedText[] = [
  { field: "name", label: "Name" },
  { field: "description", label: "Description", rows: 2 },
];

/** Create or edit a tag. */
export function TagForm({ initial }: { initial: TagValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(initial.id ? updateTagAction : createTagAction, {});
  const sv = state.values;
  const v: TagValues = sv
    ? { ...initial, name: sv.name ?? "", slug: sv.slug ?? "", description: sv.description ?? "", isSection: sv.isSection === "on", sectionOrder: Number(sv.sectionOrder ?? 0) }
    : initial;
  const e = state.fields ?? {};
  const p = initial.id ? "edit" : "new";
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3" key={JSON.stringify(sv ?? {}) + (state.message ?? "")}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <InputField id={`${p}-name`} label="Tag name" error={e.name} name="name" defaultValue={initial.id || sv ? v.name : ""} required dir="auto" />
      <InputField
        id={`${p}-slug`}
        label="Slug"
        hint="/tag/…; made from the name when empty. Changing it keeps the old address working."
        error={e.slug}
        name="slug"
        defaultValue={v.slug}
        className="font-mono text-sm"
      />
      <Field id={`${p}-description`} label="Description" error={e.description}>
        <Textarea id={`${p}-description`} name="description" defaultValue={v.description} rows={2} dir="auto" />
      </Field>
      {initial.translations ? <OtherLanguages texts={TAG_TEXTS.map((t) => ({ ...t, placeholder: t.field === "name" ? v.name : v.description }))} values={sv ?? initial.translations} errors={e} idPrefix={p} /> : null}
      <div className="flex flex-wrap items-center gap-4">
        <Checkbox name="isSection" defaultChecked={v.isSection} label="Section (in the site navigation)" labelClassName="font-semibold" />
        <label htmlFor={`${p}-order`} className="text-sm">
          Order
        </label>
        <Input id={`${p}-order`} name="sectionOrder" type="number" min={0} max={999} defaultValue={v.sectionOrder} size="xs" className="w-20" />
      </div>
      <FormStatus error={state.error} message={state.message} testId={`tag-status-${p}`} />
      <Button type="submit" disabled={pending} className="self-start text-sm">
        {initial.id ? "Save tag" : "Create tag"}
      </Button>
    </form>
  );
}

/** Merge this tag into another. */
export function MergeTagForm({ id, others }: { id: string; others: { id: string; name: string }[] }) {
  return (
    <div className="rounded border border-neutral-300 bg-white p-4">
      <MergeForm id={id} others={others} action={mergeTagAction} noun="tag" />
    </div>
  );
}
