"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

/** What a desk server action answers: done, or the reason in words. */
export type ActionOutcome = { ok: true } | { ok: false; error: string };

/**
 * Runs server actions for a small desk button: one at a time (`pending`), refreshing the page
 * when one worked, keeping its error (`error`) when it did not.
 * @returns `run(action)`, `pending` and the last `error` ("" when none).
 */
export function useRefreshingAction(): { run: (action: () => Promise<ActionOutcome>) => void; pending: boolean; error: string } {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const run = (action: () => Promise<ActionOutcome>) => {
    setError("");
    start(async () => {
      const r = await action();
      if (!r.ok) setError(r.error);
      else router.refresh();
    });
  };
  return { run, pending, error };
}

/** An action's error beside its button (announced to screen readers), or nothing. */
export function ActionError({ error }: { error: string }) {
  return error ? (
    <span role="alert" className="text-xs text-red-700">
      {error}
    </span>
  ) : null;
}
