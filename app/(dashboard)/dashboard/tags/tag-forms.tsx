"use client";

import { useActionState } from "react";
import { MergeForm } from "@/components/dashboard/merge-form";
import type { FormState } from "@/lib/actions";
import { createTagAction, mergeTagAction, updateTagAction } from "./actions";

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

export interface TagValues {
  id?: string;
  name: string;
  slug: string;
  description: string;
  isSection: boolean;
  sectionOrder: number;
}

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
      <div className="flex flex-col gap-1">
        <label htmlFor={`${p}-name`} className="text-sm font-semibold">
          Tag name
        </label>
        <input id={`${p}-name`} name="name" defaultValue={initial.id || sv ? v.name : ""} required className={inputClass} dir="auto" />
        {e.name ? <p className="text-sm text-red-700">{e.name}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${p}-slug`} className="text-sm font-semibold">
          Slug
        </label>
        <input id={`${p}-slug`} name="slug" defaultValue={v.slug} className={`${inputClass} font-mono text-sm`} />
        <p className="text-xs text-neutral-500">/tag/…; made from the name when empty. Changing it keeps the old address working.</p>
        {e.slug ? <p className="text-sm text-red-700">{e.slug}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${p}-description`} className="text-sm font-semibold">
          Description
        </label>
        <textarea id={`${p}-description`} name="description" defaultValue={v.description} rows={2} className={inputClass} dir="auto" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm font-semibold">
          <input type="checkbox" name="isSection" defaultChecked={v.isSection} />
          Section (in the site navigation)
        </label>
        <label htmlFor={`${p}-order`} className="text-sm">
          Order
        </label>
        <input id={`${p}-order`} name="sectionOrder" type="number" min={0} max={999} defaultValue={v.sectionOrder} className="w-20 rounded border border-neutral-300 px-2 py-1 text-sm" />
      </div>
      <p role="status" aria-live="polite" className={`text-sm ${state.error ? "text-red-700" : "text-green-800"}`} data-testid={`tag-status-${p}`}>
        {state.error ?? state.message ?? ""}
      </p>
      <button type="submit" disabled={pending} className="self-start rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {initial.id ? "Save tag" : "Create tag"}
      </button>
    </form>
  );
}

/** Merge this tag into another. */
export function MergeTagForm({ id, others }: { id: string; others: { id: string; name: string }[] }) {
  return (
    <div className="rounded border border-neutral-300 bg-white p-4">
      <MergeForm
        id={id}
        others={others}
        action={mergeTagAction}
        confirmText="Merge this tag into the one chosen? Its stories move there and this tag is removed."
      />
    </div>
  );
}
