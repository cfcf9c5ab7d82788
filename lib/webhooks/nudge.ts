/**
 * The webhook worker's wake-up line, kept on `globalThis` for the same reason as the mail
 * worker's (lib/mail/nudge.ts): Next evaluates a module more than once in one server process,
 * so a module variable set by the copy that starts the worker would be unseen by the copy that
 * emits an event. No `server-only` marker: instrumentation imports it.
 */

const g = globalThis as unknown as { __newsroomWebhookNudge?: (() => void) | null };

/** Registers the running worker's wake-up (lib/webhooks/worker.ts); null unregisters it. */
export function onWebhookNudge(wake: (() => void) | null): void {
  g.__newsroomWebhookNudge = wake;
}

/**
 * Asks the worker, if one runs in this process, to deliver due webhooks now. Call it after the
 * transaction that emitted the event has committed (before, the worker cannot see the rows);
 * without it the event still goes out at the worker's next poll.
 */
export function nudgeWebhookWorker(): void {
  g.__newsroomWebhookNudge?.();
}
