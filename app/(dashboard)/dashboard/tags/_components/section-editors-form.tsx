"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { setSectionEditorsAction } from "../actions";

/**
 * Which editors a section's stories go to for review (admins): ticked editors alone, or every
 * editor and admin when none is ticked.
 */
export function SectionEditorsForm({ id, name, assigned, choices }: { id: string; name: string; assigned: string[]; choices: { id: string; name: string; role: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setSectionEditorsAction, {});
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
      <input type="hidden" name="id" value={id} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Section editors</legend>
        <p className="text-sm text-neutral-600">
          Stories whose section is “{name}” go to these editors when submitted for review. With none ticked, they go to every editor and admin.
        </p>
        {choices.map((c) => (
          <Checkbox key={c.id} name="userIds" value={c.id} defaultChecked={assigned.includes(c.id)} label={`${c.name} (${c.role})`} />
        ))}
      </fieldset>
      <FormStatus error={state.error} message={state.message} />
      <Button type="submit" disabled={pending} className="self-start text-sm">
        Save section editors
      </Button>
    </form>
  );
}
