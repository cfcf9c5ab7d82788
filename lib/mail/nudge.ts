/**
 * The worker's wake-up line. Kept on `globalThis` because Next evaluates a module more than
 * once in one server process (the instrumentation bundle that starts the worker and the
 * bundle of a server action that queues a mail are separate copies): a module variable set by
 * one copy would be unseen by the other. No `server-only` marker: instrumentation imports it.
 */

const g = globalThis as unknown as { __newsroomMailNudge?: (() => void) | null };

/** Registers the running worker's wake-up (lib/mail/worker.ts); null unregisters it. */
export function onMailNudge(wake: (() => void) | null): void {
  g.__newsroomMailNudge = wake;
}

/** Asks the worker, if one runs in this process, to send due mail now (call after the commit). */
export function nudgeMailWorker(): void {
  g.__newsroomMailNudge?.();
}
