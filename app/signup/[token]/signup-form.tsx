"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { setPasswordAction } from "./actions";

const inputClass = "rounded border border-neutral-300 px-3 py-2 focus:border-neutral-900 focus:outline-none";

/** Choose a password (twice). */
export function SignupForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-semibold">
          New password
        </label>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={10} required className={inputClass} />
        <p className="text-xs text-neutral-500">At least 10 characters.</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="confirm" className="text-sm font-semibold">
          Repeat the password
        </label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={inputClass} />
      </div>
      <p role="alert" className="min-h-5 text-sm text-red-700" data-testid="signup-error">
        {state.error ?? ""}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Set password and sign in
      </button>
    </form>
  );
}
