/**
 * Timely pages for scheduled stories, with no cron and no queue.
 *
 * Visibility is decided at request time by the one rule, so a story is public the instant its
 * time comes. What can lag is a *cached* page (a 404, a home page without it). So the server
 * arms one timer for the next scheduled instant; when it fires it asks this same server,
 * over loopback, to expire the cached reader pages (Next's revalidation only works inside a
 * request), then arms the next one. A sweep every 30 s catches anything missed (a clock
 * jump, a story scheduled by another instance). A late or repeated trigger is harmless.
 *
 * One scheduler per process, kept on globalThis (Next may evaluate this module more than once).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, lte } from "drizzle-orm";
import { getDatabase } from "@/db/handle";
import { env } from "@/lib/env";
import { frontSectionPins, frontSlots, pendingChanges, stories } from "@/db/schema";
import type { ReaderFootprint } from "@/lib/stories/footprint";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceDueStories } from "@/lib/webhooks/story-events";
import { settleDueUnpublishes } from "./unpublish";

// No `server-only` marker: instrumentation (outside React's server graph) starts this.

async function getDb() {
  return (await getDatabase()).db;
}

/**
 * The secret of the internal revalidation route: REVALIDATE_SECRET, else derived from
 * AUTH_SECRET (so every module instance and process of one install agrees), else random.
 */
function deriveSecret(): string {
  const { REVALIDATE_SECRET, AUTH_SECRET } = env();
  if (REVALIDATE_SECRET) return REVALIDATE_SECRET;
  if (AUTH_SECRET) return createHmac("sha256", AUTH_SECRET).update("newsroom-revalidate").digest("base64url");
  return randomBytes(32).toString("base64url");
}

const SWEEP_MS = 30_000;
/** Fire a little after the instant so the request that renders sees the story as public. */
const LATE_BY_MS = 25;
const MAX_TIMER_MS = 2 ** 31 - 1;

interface SchedulerState {
  secret: string;
  timer?: NodeJS.Timeout;
  sweep?: NodeJS.Timeout;
  lastSweep: Date;
  armedFor?: Date;
  /** Revalidations triggered, and the last lag from instant to trigger (ms), for tests and logs. */
  fired: number;
  lastLagMs?: number;
}

const g = globalThis as unknown as { __newsroomScheduler?: SchedulerState };

function state(): SchedulerState {
  g.__newsroomScheduler ??= {
    secret: deriveSecret(),
    lastSweep: new Date(),
    fired: 0,
  };
  return g.__newsroomScheduler;
}

/** True when `candidate` is this process's internal revalidation secret (constant time). */
export function isRevalidateSecret(candidate: string | null): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(state().secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Where this server listens, for the loopback call. INTERNAL_URL overrides. */
function internalUrl(): string {
  const { INTERNAL_URL, PORT } = env();
  return (INTERNAL_URL || `http://127.0.0.1:${PORT}`).replace(/\/+$/, "");
}

async function triggerRevalidation(reason: string, instant?: Date, footprint?: ReaderFootprint): Promise<boolean> {
  const s = state();
  try {
    const res = await fetch(`${internalUrl()}/api/internal/revalidate`, {
      method: "POST",
      headers: { "x-newsroom-revalidate": s.secret, ...(footprint ? { "content-type": "application/json" } : {}) },
      ...(footprint ? { body: JSON.stringify({ footprint }) } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`status ${res.status}`);
    s.fired += 1;
    if (instant) s.lastLagMs = Date.now() - instant.getTime();
    return true;
  } catch (e) {
    console.error(`[scheduler] revalidation (${reason}) failed: ${(e as Error).message}`);
    return false;
  }
}

/**
 * Expires cached reader pages now, through the internal route: with `footprint`, what one
 * story change can alter (lib/site/reader-cache.ts); without, everything. Used by desk
 * actions: expiring from inside a server action would also re-render the editor the action
 * came from, and a re-rendered editor page can drop what is being typed at that moment.
 * @returns false when the loopback call failed (the caller then expires in-action).
 */
export function expireReaderPagesNow(footprint?: ReaderFootprint): Promise<boolean> {
  return triggerRevalidation(footprint ? "story change" : "site change", undefined, footprint);
}

/**
 * The next instant after `now` at which reader pages change by themselves: a scheduled
 * story's publication, a scheduled unpublish, scheduled pending changes, or a breaking
 * story's expiry (its label and the bar on every page), a front-page pin's end, or a section
 * page's lead pin's end. Six reads, in parallel. Reader pages use it too (components/site/render.tsx).
 * @returns the instant, or null when nothing is scheduled.
 */
export async function nextScheduledInstant(now: Date): Promise<Date | null> {
  const db = await getDb();
  const [[story], [label], [leaving], [changes], [pin], [sectionPin]] = await Promise.all([
    db
      .select({ at: stories.publishedAt })
      .from(stories)
      .where(and(eq(stories.status, "published"), gt(stories.publishedAt, now)))
      .orderBy(asc(stories.publishedAt))
      .limit(1),
    db
      .select({ at: stories.breakingUntil })
      .from(stories)
      .where(and(eq(stories.isBreaking, true), gt(stories.breakingUntil, now)))
      .orderBy(asc(stories.breakingUntil))
      .limit(1),
    db
      .select({ at: stories.unpublishAt })
      .from(stories)
      .where(and(eq(stories.status, "published"), gt(stories.unpublishAt, now)))
      .orderBy(asc(stories.unpublishAt))
      .limit(1),
    db
      .select({ at: pendingChanges.applyAt })
      .from(pendingChanges)
      .where(gt(pendingChanges.applyAt, now))
      .orderBy(asc(pendingChanges.applyAt))
      .limit(1),
    // A front-page pin's end: the front falls back to the newest stories then.
    db.select({ at: frontSlots.pinnedUntil }).from(frontSlots).where(gt(frontSlots.pinnedUntil, now)).orderBy(asc(frontSlots.pinnedUntil)).limit(1),
    // A section page's lead pin's end: the page falls back to newest first then.
    db.select({ at: frontSectionPins.pinnedUntil }).from(frontSectionPins).where(gt(frontSectionPins.pinnedUntil, now)).orderBy(asc(frontSectionPins.pinnedUntil)).limit(1),
  ]);
  const times = [story?.at, label?.at, leaving?.at, changes?.at, pin?.at, sectionPin?.at].filter((t): t is Date => t instanceof Date);
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** (Re)arms the timer for the next scheduled instant. Call after any schedule change. */
export async function rearmScheduler(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
  s.armedFor = undefined;
  const next = await nextScheduledInstant(new Date());
  if (!next) return;
  const delay = Math.min(Math.max(0, next.getTime() - Date.now()) + LATE_BY_MS, MAX_TIMER_MS);
  s.armedFor = next;
  s.timer = setTimeout(() => {
    void (async () => {
      await settleDueChanges();
      await triggerRevalidation("scheduled instant", next);
      await rearmScheduler();
    })();
  }, delay);
  s.timer.unref();
}

/**
 * Announces to webhook receivers the stories whose publication or scheduled unpublish has come
 * (lib/webhooks/story-events.ts), then records scheduled unpublishes that have come (readers
 * already stopped seeing them). Run at each scheduled instant, on the sweep, and by the internal
 * revalidation route; repeating it is harmless. Never throws (failures are logged; the next
 * sweep tries again).
 * @returns how many unpublishes were recorded.
 */
export async function settleDueChanges(): Promise<number> {
  const now = new Date();
  let events = 0;
  let settled = 0;
  try {
    events = await announceDueStories(await getDb(), now);
  } catch (e) {
    console.error("[scheduler] announcing stories to webhooks failed:", e);
  }
  try {
    settled = (await settleDueUnpublishes(now)).length;
  } catch (e) {
    console.error("[scheduler] recording scheduled unpublishes failed:", e);
  }
  if (events > 0 || settled > 0) nudgeWebhookWorker();
  return settled;
}

/** Expires caches when a story's instant passed since the last sweep (missed or foreign timers). */
async function sweep(): Promise<void> {
  const s = state();
  const now = new Date();
  const db = await getDb();
  const [[due], [expired], [changes], [lapsed], [sectionLapsed]] = await Promise.all([
    db
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.status, "published"), gt(stories.publishedAt, s.lastSweep), lte(stories.publishedAt, now)))
      .limit(1),
    db
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.isBreaking, true), gt(stories.breakingUntil, s.lastSweep), lte(stories.breakingUntil, now)))
      .limit(1),
    // Pending changes due and not applied yet (the revalidation route applies them).
    db.select({ id: pendingChanges.storyId }).from(pendingChanges).where(lte(pendingChanges.applyAt, now)).limit(1),
    db.select({ id: frontSlots.storyId }).from(frontSlots).where(and(gt(frontSlots.pinnedUntil, s.lastSweep), lte(frontSlots.pinnedUntil, now))).limit(1),
    db.select({ id: frontSectionPins.storyId }).from(frontSectionPins).where(and(gt(frontSectionPins.pinnedUntil, s.lastSweep), lte(frontSectionPins.pinnedUntil, now))).limit(1),
  ]);
  s.lastSweep = now;
  const settled = await settleDueChanges();
  if (due || expired || changes || lapsed || sectionLapsed || settled > 0) await triggerRevalidation("sweep");
  await rearmScheduler();
}

/** Starts the scheduler once per process (from instrumentation, at server start). */
export async function startScheduler(): Promise<void> {
  const s = state();
  if (s.sweep) return;
  s.sweep = setInterval(() => void sweep().catch((e) => console.error("[scheduler] sweep failed:", e)), SWEEP_MS);
  s.sweep.unref();
  await rearmScheduler();
}

