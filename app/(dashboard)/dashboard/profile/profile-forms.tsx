"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { changePasswordAction, updateNameAction } from "./actions";

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

function Feedback({ state }: { state: FormState }) {
  if (state.error) return <p role="alert" className="text-sm text-red-700">{state.error}</p>;
  if (state.message) return <p role="status" className="text-sm text-green-800">{state.message}</p>;
  return null;
}

/** The viewer's own name and password. */
export function ProfileForms({ name }: { name: string }) {
  const [nameState, nameAction, namePending] = useActionState<FormState, FormData>(updateNameAction, {});
  const [pwState, pwAction, pwPending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <form action={nameAction} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
        <h2 className="font-semibold">Name</h2>
        <label htmlFor="name" className="text-sm font-semibold">
          Display name
        </label>
        <input id="name" name="name" defaultValue={name} required maxLength={120} className={inputClass} />
        <Feedback state={nameState} />
        <button type="submit" disabled={namePending} className="self-start rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white">
          Save name
        </button>
      </form>
      <form action={pwAction} className="flex flex-col gap-3 rounded border border-neutral-200 bg-white p-5">
        <h2 className="font-semibold">Password</h2>
        <label htmlFor="current" className="text-sm font-semibold">
          Current password
        </label>
        <input id="current" name="current" type="password" autoComplete="current-password" required className={inputClass} />
        <label htmlFor="next" className="text-sm font-semibold">
          New password
        </label>
        <input id="next" name="next" type="password" autoComplete="new-password" minLength={10} required className={inputClass} />
        <label htmlFor="confirm" className="text-sm font-semibold">
          Repeat new password
        </label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
        <Feedback state={pwState} />
        <button type="submit" disabled={pwPending} className="self-start rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white">
          Change password
        </button>
      </form>
    </div>
  );
}
