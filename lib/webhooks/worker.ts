/**
 * The webhook worker: POSTs what `emitWebhookEvent` queued in `webhook_deliveries`, once per
 * event and endpoint, with retries.
 *
 * Claiming follows the mail worker (lib/mail/worker.ts): each step locks a few due rows
 * (`status = 'pending'`, `next_attempt_at <= now`, endpoint active) with `SELECT … FOR UPDATE
 * SKIP LOCKED` in one short transaction and takes a *lease* on them (`attempts + 1`,
 * `next_attempt_at = now + lease`, 5 minutes), so another instance on the same database
 * neither waits for them nor sees them as due. The requests run after the commit, the batch's
 * in parallel, and each result is written only if the row is still the one claimed (same
 * attempt count, still pending). So several instances deliver each row once in normal
 * operation. A server that dies after the receiver took a request but before the row was
 * marked leaves it leased; another step sends it again when the lease ends: at-least-once at a
 * crash, never loss. Receivers drop repeats by X-Newsroom-Delivery (the event's id, the same
 * on every attempt). An exchange is bounded by `fetchTimeoutMs` (10 s), far inside the lease;
 * lease times are measured on each server's clock, which must agree within minutes (NTP).
 *
 * A request (rules against server-side request forgery, as lib/import/photo-source.ts):
 * - http: and https: URLs only; one new connection per request (`agent: false`);
 * - unless `allowPrivateAddresses` (default: WEBHOOK_ALLOW_PRIVATE=1), only public addresses:
 *   IP literals are checked before connecting, names when the socket connects (its `lookup`),
 *   on the very address it connects to, so DNS rebinding is caught too;
 * - no redirect is followed: a 3xx is a failed attempt (the Location is recorded in the error);
 * - `fetchTimeoutMs` covers the whole exchange (connect, send, the answer's head and body);
 * - at most 64 KB of the answer's body is read, and discarded; a longer one is cut off.
 *
 * Outcomes: a 2xx answer marks the delivery `delivered` (status code, duration, time) and
 * clears the endpoint's `failing_since`. Anything else (another status, a network error, a
 * timeout, a refused address) leaves it pending with the error, tried again after 10 s,
 * doubling each time, at most 1 hour; when the next try would fall more than 24 hours after the
 * event occurred it is `failed` instead, and the endpoint's `failing_since` is set (kept when
 * already set).
 *
 * Disabled endpoints: their pending deliveries are not claimed; they stay pending and go out
 * when the endpoint is enabled again (a delivery then more than 24 hours old gets that one
 * try, and is failed if it fails). Events emitted while an endpoint is disabled create no
 * delivery for it (lib/webhooks/events.ts).
 *
 * The worker wakes on `nudgeWebhookWorker()` in this process and polls every 10 s, so events
 * emitted by other instances, retries, and rows left from before a restart go out too. No
 * `server-only` marker: instrumentation-node.ts starts it.
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDatabase } from "@/db/handle";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { PRIVATE_ADDRESS, isPublicAddress, publicOnlyLookup } from "@/lib/import/photo-source";
import { env } from "@/lib/env";
import { createPollLoop } from "@/lib/jobs/poll-loop";
import { notifyEndpointFailing } from "./failing";
import { onWebhookNudge } from "./nudge";
import { webhookBody, webhookHeaders } from "./sign";

/** Default time for one whole exchange, in ms. */
export const WEBHOOK_FETCH_TIMEOUT_MS = 10_000;
/** Rows claimed (and requests in flight) per step. */
export const WEBHOOK_BATCH_SIZE = 10;
/** How long a claim keeps other workers off a row, in ms. */
export const WEBHOOK_LEASE_MS = 5 * 60_000;
/** How often an idle worker looks for due rows, in ms. */
export const WEBHOOK_POLL_MS = 10_000;
/** How long after its event a delivery is retried, in ms (24 hours). */
export const WEBHOOK_GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
/** Most bytes of an answer's body read (then discarded). */
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 60 * 60_000;

/**
 * The wait before the next try after `attempts` failed tries: 10 s, doubling each time, at
 * most 1 hour (10 s, 20 s, 40 s, … 42 min 40 s, 1 h, 1 h …).
 * @returns milliseconds.
 */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Settings of one worker; every field has a default for the server process. */
export interface WebhookWorkerOptions {
  /** Its database (default: the process's). Two workers on two handles act as two servers. */
  db?: () => Promise<Db>;
  /** The clock (default: the system's); also sets the times written. `step(at)` overrides it. */
  now?: () => Date;
  /** Time for one whole exchange, in ms (default 10 000). */
  fetchTimeoutMs?: number;
  /** Connect to loopback, private and link-local addresses too. Default: WEBHOOK_ALLOW_PRIVATE=1. */
  allowPrivateAddresses?: boolean;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
}

/** What one step did: rows claimed, and what became of them. */
export interface WebhookStepResult {
  claimed: number;
  delivered: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Given up on (`failed`). */
  failed: number;
}

/** A webhook worker: `step` is one pass; `start` runs passes on nudges and every `pollMs`. */
export interface WebhookWorker {
  /** Claims and sends one batch of deliveries due at `at` (default: the worker's clock), waiting for every request. */
  step(at?: Date): Promise<WebhookStepResult>;
  /** Steps until fewer rows than a batch were due. @returns the totals. */
  drain(at?: Date): Promise<WebhookStepResult>;
  /** Polls every `pollMs` and answers nudgeWebhookWorker() in this process. */
  start(): void;
  /** Asks for a pass now (one runs at a time; a wake during one runs another after it). */
  wake(): void;
  /** Stops polling and waits for the pass under way. */
  stop(): Promise<void>;
}

/** The outcome of one request: the status code when an answer came, or an error. */
export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

interface Claimed {
  id: string;
  attempts: number;
  eventId: string;
  event: string;
  occurredAt: Date;
  data: unknown;
  url: string;
  secret: string;
}

const empty = (): WebhookStepResult => ({ claimed: 0, delivered: 0, retrying: 0, failed: 0 });

/** A URL's hostname without the brackets of an IPv6 literal ("[::1]" → "::1"). */
function unbracket(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** The code of a network error ("ECONNREFUSED"), else its message. */
function networkErrorText(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const message = e instanceof Error ? e.message : String(e);
  return typeof code === "string" && code ? `${code}: ${message}` : message;
}

/**
 * POSTs `body` to `url` under the rules in the header of this file.
 * @returns the status code and duration, or the error (refused address, timeout, network error,
 *   3xx); never throws
 */
export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivateAddresses: boolean },
): Promise<AttemptResult> {
  const started = performance.now();
  const done = (r: Omit<AttemptResult, "durationMs">): AttemptResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return done({ ok: false, statusCode: null, error: "not a valid URL" });
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return done({ ok: false, statusCode: null, error: "not an http(s) URL" });
  const host = unbracket(target.hostname);
  // Node connects to an IP literal without calling `lookup`, so literals are checked here.
  if (!options.allowPrivateAddresses && net.isIP(host) && !isPublicAddress(host)) {
    return done({ ok: false, statusCode: null, error: `refused: ${host} is not a public address (set WEBHOOK_ALLOW_PRIVATE=1 to allow it)` });
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  const client = target.protocol === "https:" ? https : http;
  const payload = Buffer.from(body, "utf8");
  try {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = client.request({
        protocol: target.protocol,
        hostname: host,
        port: target.port || undefined,
        path: target.pathname + target.search,
        method: "POST",
        headers: { ...headers, "Content-Length": String(payload.byteLength) },
        agent: false,
        signal,
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      });
      req.on("response", resolve);
      req.on("error", reject);
      req.end(payload);
    });
    const statusCode = res.statusCode ?? 0;
    // Read (and drop) at most 64 KB, so the exchange ends cleanly; the timeout still applies.
    let read = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      read += chunk.byteLength;
      if (read >= WEBHOOK_MAX_RESPONSE_BYTES) break;
    }
    res.destroy();
    if (statusCode >= 200 && statusCode <= 299) return done({ ok: true, statusCode, error: null });
    if (statusCode >= 300 && statusCode <= 399) {
      const location = res.headers.location;
      return done({ ok: false, statusCode, error: `answered ${statusCode}${location ? ` (to ${location.slice(0, 200)})` : ""}; redirects are not followed` });
    }
    return done({ ok: false, statusCode, error: `answered ${statusCode}` });
  } catch (e) {
    if (signal.aborted) return done({ ok: false, statusCode: null, error: `timed out after ${options.timeoutMs} ms` });
    if ((e as NodeJS.ErrnoException)?.code === PRIVATE_ADDRESS) {
      return done({ ok: false, statusCode: null, error: `refused: ${(e as Error).message} (set WEBHOOK_ALLOW_PRIVATE=1 to allow it)` });
    }
    return done({ ok: false, statusCode: null, error: networkErrorText(e) });
  }
}

/**
 * Claims due deliveries of active endpoints: one transaction that locks them without waiting
 * for rows another worker holds, takes the lease, and reads what each request needs.
 */
function claimDue(db: Db, now: Date, batchSize: number, leaseMs: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          inArray(webhookDeliveries.endpointId, tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.active, true))),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.createdAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((r) => r.id);
    await tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + leaseMs) })
      .where(inArray(webhookDeliveries.id, ids));
    return tx
      .select({
        id: webhookDeliveries.id,
        attempts: webhookDeliveries.attempts,
        eventId: webhookEvents.id,
        event: webhookEvents.event,
        occurredAt: webhookEvents.occurredAt,
        data: webhookEvents.data,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(inArray(webhookDeliveries.id, ids))
      .orderBy(asc(webhookEvents.occurredAt));
  });
}

/** The claimed row, still ours: same try, still pending. */
const ours = (r: Claimed) => and(eq(webhookDeliveries.id, r.id), eq(webhookDeliveries.attempts, r.attempts), eq(webhookDeliveries.status, "pending"));

/** Sends one claimed delivery and records the outcome. @returns what became of it. */
async function deliver(db: Db, r: Claimed, clock: () => Date, s: { timeoutMs: number; allowPrivateAddresses: boolean }): Promise<"delivered" | "retrying" | "failed"> {
  const sentAt = clock();
  const body = webhookBody({ id: r.eventId, event: r.event, occurredAt: r.occurredAt, data: r.data });
  const result = await postWebhook(r.url, webhookHeaders(r.secret, { id: r.eventId, event: r.event }, body, sentAt), body, s);
  const at = clock();
  const common = { lastStatusCode: result.statusCode, lastDurationMs: result.durationMs, lastAttemptAt: sentAt };
  if (result.ok) {
    const marked = await db
      .update(webhookDeliveries)
      .set({ ...common, status: "delivered", lastError: null, deliveredAt: at })
      .where(ours(r))
      .returning({ endpointId: webhookDeliveries.endpointId });
    if (marked[0]) await db.update(webhookEndpoints).set({ failingSince: null, lastDeliveryAt: sentAt }).where(eq(webhookEndpoints.id, marked[0].endpointId));
    return "delivered";
  }
  const next = new Date(at.getTime() + webhookRetryDelayMs(r.attempts));
  if (next.getTime() > r.occurredAt.getTime() + WEBHOOK_GIVE_UP_AFTER_MS) {
    const marked = await db
      .update(webhookDeliveries)
      .set({ ...common, status: "failed", lastError: result.error })
      .where(ours(r))
      .returning({ endpointId: webhookDeliveries.endpointId });
    if (marked[0]) {
      await notifyEndpointFailing(db, marked[0].endpointId, at);
      await db
        .update(webhookEndpoints)
        .set({ lastDeliveryAt: sentAt, failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
        .where(eq(webhookEndpoints.id, marked[0].endpointId));
    }
    return "failed";
  }
  const marked = await db
    .update(webhookDeliveries)
    .set({ ...common, lastError: result.error, nextAttemptAt: next })
    .where(ours(r))
    .returning({ endpointId: webhookDeliveries.endpointId });
  if (marked[0]) await db.update(webhookEndpoints).set({ lastDeliveryAt: sentAt }).where(eq(webhookEndpoints.id, marked[0].endpointId));
  return "retrying";
}

/** Creates a worker (not started). */
export function createWebhookWorker(options: WebhookWorkerOptions = {}): WebhookWorker {
  const getDb = options.db ?? (async () => (await getDatabase()).db);
  const systemClock = options.now ?? (() => new Date());
  const request = {
    timeoutMs: options.fetchTimeoutMs ?? WEBHOOK_FETCH_TIMEOUT_MS,
    allowPrivateAddresses: options.allowPrivateAddresses ?? env().WEBHOOK_ALLOW_PRIVATE === "1",
  };
  const batchSize = options.batchSize ?? WEBHOOK_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? WEBHOOK_LEASE_MS;
  const pollMs = options.pollMs ?? WEBHOOK_POLL_MS;

  async function step(at?: Date): Promise<WebhookStepResult> {
    const clock = () => at ?? systemClock();
    const db = await getDb();
    const rows = await claimDue(db, clock(), batchSize, leaseMs);
    const result = { ...empty(), claimed: rows.length };
    const outcomes = await Promise.all(rows.map((r) => deliver(db, r, clock, request)));
    for (const o of outcomes) result[o] += 1;
    return result;
  }

  const loop = createPollLoop({
    step,
    batchSize,
    pollMs,
    onNudge: onWebhookNudge,
    errorPrefix: "[webhooks] deliveries could not be processed",
  });

  return { step, ...loop };
}

const g = globalThis as unknown as { __newsroomWebhookWorker?: WebhookWorker };

/** Starts this process's webhook worker once (from instrumentation, at server start). */
export function startWebhookWorker(): void {
  if (g.__newsroomWebhookWorker) return;
  if (env().WEBHOOK_ALLOW_PRIVATE === "1") console.log("[webhooks] WEBHOOK_ALLOW_PRIVATE=1: webhooks may be sent to private and loopback addresses.");
  g.__newsroomWebhookWorker = createWebhookWorker();
  g.__newsroomWebhookWorker.start();
}

/** Stops this process's webhook worker, if one runs (waits for the pass under way). */
export async function stopWebhookWorker(): Promise<void> {
  const w = g.__newsroomWebhookWorker;
  g.__newsroomWebhookWorker = undefined;
  await w?.stop();
}
