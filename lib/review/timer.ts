/**
 * The review loop's clock in the server process: every minute (and once at start) it sends
 * the daily digests that are due and announces scheduled stories that went live. Both jobs
 * keep their state in the database and claim their work there, so a missed minute, a restart
 * or a second instance never sends anything twice; a late tick catches up.
 *
 * One timer per process, kept on globalThis (Next may evaluate this module more than once).
 * No `server-only` marker: instrumentation starts it.
 */
import { sendDueDigests } from "./digest";
import { announceScheduledPublications } from "./publications";

const TICK_MS = 60_000;

const g = globalThis as unknown as { __newsroomReviewTimer?: NodeJS.Timeout };

/** One tick: digests, then scheduled publications; a failure is logged and the next tick tries again. */
export async function reviewTick(now = new Date()): Promise<void> {
  try {
    await sendDueDigests(now);
  } catch (e) {
    console.error("[review timer] digests failed:", e);
  }
  try {
    await announceScheduledPublications(now);
  } catch (e) {
    console.error("[review timer] announcing scheduled publications failed:", e);
  }
}

/** Starts the timer once per process (from instrumentation, at server start). */
export async function startReviewTimer(): Promise<void> {
  if (g.__newsroomReviewTimer) return;
  g.__newsroomReviewTimer = setInterval(() => void reviewTick(), TICK_MS);
  g.__newsroomReviewTimer.unref();
  await reviewTick();
}
