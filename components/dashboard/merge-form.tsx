"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";

export type MergeState = FormState;

/**
 * "Merge into …": moves everything from one record (`noun`: byline, tag) to another chosen
 * from a list, after a confirmation, in a bordered box. The action receives `id` and `intoId`.
 */
export function MergeForm({
  id,
  others,
  action,
  noun,
}: {
  id: string;
  others: { id: string; name: string }[];
  action: (state: MergeState, form: FormData) => Promise<MergeState>;
  noun: "byline" | "tag";
}) {
  const confirmText = `Merge this ${noun} into the one chosen? Its stories move there and this ${noun} is removed.`;
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
      <Field id="intoId" label="Merge into">
        <Select id="intoId" name="intoId" size="sm">
          <Options items={others} />
        </Select>
      </Field>
      <Button type="submit" disabled={pending} variant="danger" size="sm">
        Merge
      </Button>
      {state.error ? <span className="text-sm text-red-700">{state.error}</span> : null}
    </form>
  );
}
