"use client";

/**
 * One way for the Front page screen's panels to run an action: in a transition, then the
 * panel's status line says what happened (the action's refusal, or `done`) and the screen
 * reloads its data.
 */
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Result = { ok: true } | { ok: false; error: string };

/** @returns `pending`, the status `{ error?, message? }`, and `run(step, done)`, which resolves true when the step succeeded. */
export function useRun() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const run = (step: () => Promise<Result>, done: string, after?: () => void) =>
    startTransition(async () => {
      const r = await step();
      if (!r.ok) return setState({ error: r.error });
      setState({ message: done });
      after?.();
      router.refresh();
    });
  return { pending, state, run };
}
