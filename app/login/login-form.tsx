"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { signInAction } from "./actions";

/** The sign-in form: labelled fields, a clear error, the e-mail kept after a failure. */
export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-semibold">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email ?? ""}
          key={state.values?.email ?? ""}
          className="rounded border border-neutral-300 px-3 py-2 focus:border-neutral-900 focus:outline-none"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="password" className="text-sm font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="rounded border border-neutral-300 px-3 py-2 focus:border-neutral-900 focus:outline-none"
        />
      </div>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700" data-testid="login-error">
        {state.error ?? ""}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
