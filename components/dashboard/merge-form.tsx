"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";

export type MergeState = FormState;

/**
 * "Merge into …": moves everything from one record (byline, tag) to another chosen from a
 * list, after a confirmation. The action receives `id` and `intoId`.
 */
export function MergeForm({
  id,
  others,
  action,
  confirmText,
}: {
  id: string;
  others: { id: string; name: string }[];
  action: (state: MergeState, form: FormData) => Promise<MergeState>;
  confirmText: string;
}) {
  const [state, formAction, pending] = useActionState<MergeState, FormData>(action, {});
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        if (!window.confirm(confirmText)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-col gap-1">
        <label htmlFor="intoId" className="text-sm font-semibold">
          Merge into
        </label>
        <select id="intoId" name="intoId" className="rounded border border-neutral-300 px-2 py-1.5 text-sm">
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded border border-red-400 px-3 py-1.5 text-sm font-semibold text-red-800">
        Merge
      </button>
      {state.error ? <span className="text-sm text-red-700">{state.error}</span> : null}
    </form>
  );
}
