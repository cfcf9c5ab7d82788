"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { inputClass } from "./fields";

/** The in-page sign-in (app/login/session/route.ts). */
const SIGN_IN_URL = "/login/session";

/**
 * Signs this browser in again without leaving the page.
 * @returns null when signed in, else the message to show.
 */
async function signInAgain(email: string, password: string): Promise<string | null> {
  try {
    const response = await fetch(SIGN_IN_URL, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    return typeof body?.error === "string" ? body.error : "Signing in failed. Your text is still here; try again.";
  } catch {
    return "The sign-in did not reach the server. Your text is still here; try again.";
  }
}

/**
 * The sign-in prompt shown in the editor when a save came back "signed out" (the session
 * expired, was ended elsewhere, or the cookie is gone). It signs in without leaving the page,
 * so nothing typed is lost, then calls `onSignedIn`, which sends the save again.
 * @param email prefilled: the address of the person who opened the editor (editable).
 * @param takeFocus move the focus to the password field (after a save the person asked for;
 *   not after an autosave, which would pull the caret out of the text being typed).
 */
export function SignInAgain({ email, onSignedIn, takeFocus }: { email: string; onSignedIn: () => void; takeFocus: boolean }) {
  const id = useId();
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const passwordRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (takeFocus) passwordRef.current?.focus();
  }, [takeFocus]);

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const address = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    startTransition(async () => {
      const problem = await signInAgain(address, password);
      if (problem) {
        setError(problem);
        return;
      }
      setError("");
      onSignedIn();
    });
  };

  return (
    <section role="dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-text`} data-testid="sign-in-again" className="rounded border border-amber-400 bg-amber-50 p-4">
      <h2 id={`${id}-heading`} className="font-semibold">
        Sign in again to save
      </h2>
      <p id={`${id}-text`} className="mt-1 text-sm">
        Your session has ended. Your text is still here and not saved yet: sign in and the save goes through, on the version you started from.
      </p>
      <form onSubmit={submit} data-keeps-page className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-email`} className="text-sm font-semibold">
            Email
          </label>
          <input id={`${id}-email`} name="email" type="email" autoComplete="username" defaultValue={email} required className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-password`} className="text-sm font-semibold">
            Password
          </label>
          <input id={`${id}-password`} ref={passwordRef} name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
          {pending ? "Signing in…" : "Sign in and save"}
        </button>
      </form>
      <p role="alert" className="mt-2 min-h-5 text-sm text-red-700" data-testid="sign-in-again-error">
        {error}
      </p>
    </section>
  );
}
