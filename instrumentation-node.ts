/**
 * Server start (Node runtime): validates the environment, applies pending migrations and
 * starts the publication scheduler, the mail worker (lib/mail/worker.ts), the webhook worker
 * (lib/webhooks/worker.ts) and the review loop's timer (digests).
 * Skipped during `next build`, which must not touch the database (build workers are separate
 * processes, and embedded PGlite allows one per data directory). A failure
 * stops the server with a clear message rather than serving errors.
 */
import { getDatabase } from "./db/handle";
import { runMigrations } from "./db/migrate";
import { env } from "./lib/env";

async function start(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    env();
    await runMigrations(await getDatabase());
  } catch (e) {
    console.error(`\nNewsroom cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  try {
    // Scheduled stories: expire cached pages at their instant (lib/publishing/scheduler.ts).
    const { startScheduler } = await import("./lib/publishing/scheduler");
    await startScheduler();
  } catch (e) {
    console.error(`[scheduler] could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    // The outbox: sends queued mail, or holds and logs it without SMTP_URL (lib/mail/worker.ts).
    const { startMailWorker } = await import("./lib/mail/worker");
    startMailWorker();
  } catch (e) {
    console.error(`[mail] the worker could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    // Outgoing webhooks: delivers queued events, signed, with retries (lib/webhooks/worker.ts).
    const { startWebhookWorker } = await import("./lib/webhooks/worker");
    startWebhookWorker();
  } catch (e) {
    console.error(`[webhooks] the worker could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    // Daily digests and scheduled stories' publication notices (lib/review/timer.ts).
    const { startReviewTimer } = await import("./lib/review/timer");
    await startReviewTimer();
  } catch (e) {
    console.error(`[review timer] could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

await start();
