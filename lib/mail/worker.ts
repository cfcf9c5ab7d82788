/**
 * The mail worker: sends what `enqueueMail` queued in `mail_outbox`, once, with retries.
 *
 * Each step claims a few due rows (`status = 'pending'` and `next_attempt_at <= now`) in one
 * short transaction with `SELECT … FOR UPDATE SKIP LOCKED`, and in that transaction takes a
 * *lease* on them: `attempts + 1` and `next_attempt_at = now + lease` (10 minutes). Another
 * worker (another server on the same PostgreSQL) then neither waits for those rows nor sees
 * them as due. The messages are sent after the commit, one by one, and each is marked `sent`
 * (with `sent_at` and its Message-ID) only if the row is still the one claimed (same attempt
 * count, still pending). So two instances never send one row twice in normal operation.
 *
 * What can still happen: a server that dies (or loses its database) after the SMTP server took
 * a message but before the row was marked leaves the row leased; when the lease ends another
 * step sends it again. That is at-least-once at a crash, never loss. The repeated message
 * carries the same Message-ID (lib/mail/transport.ts), so mail programs may show it once. An
 * SMTP exchange is bounded (SMTP_TIMEOUTS, about 2 minutes at worst), and a step that has used
 * half its lease hands its unsent rows back instead of sending them late. The lease is
 * measured on each server's clock: servers' clocks must agree within minutes (NTP).
 *
 * Failures: a temporary one (no connection, a 4yz reply) leaves the row pending with
 * `last_error` and the next try after 1, 2, 4, … minutes (at most 60); after 8 tries, or at
 * once on a permanent reply (5yz, RFC 5321 §4.2.1), it is `failed`. Admins retry failed rows.
 *
 * Without SMTP_URL nothing is sent: due rows become `held` and each is printed to the server
 * log once (to, subject, the text part). Held rows wait for an admin's "Retry" after a mail
 * server is configured; they are never sent by themselves.
 *
 * The worker wakes when `nudgeMailWorker()` is called in this process and polls every 20 s,
 * so rows queued by other instances, or before a restart, go out too. No `server-only`
 * marker: instrumentation-node.ts starts it.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDatabase } from "@/db/handle";
import { mailOutbox, settings } from "@/db/schema";
import { env, siteUrl } from "@/lib/env";
import { createPollLoop } from "@/lib/jobs/poll-loop";
import { onMailNudge } from "./nudge";
import { createMailTransport, describeSmtpError, isPermanentSmtpFailure, mailSender, sendOne, type MailAddress, type MailTransport } from "./transport";

/** Tries before a message is `failed`. */
export const MAIL_MAX_ATTEMPTS = 8;
/** Rows claimed per step. */
export const MAIL_BATCH_SIZE = 10;
/** How long a claim keeps other workers off a row, in ms. */
export const MAIL_LEASE_MS = 10 * 60_000;
/** How often an idle worker looks for due rows, in ms. */
export const MAIL_POLL_MS = 20_000;
/** The first retry's delay, and the longest, in ms. */
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** What `held` rows record as their reason. */
export const NO_MAIL_SERVER = "No mail server is configured (SMTP_URL is not set).";

/**
 * The wait before the next try after `attempts` failed tries: 1 minute, doubling each time,
 * at most 60 minutes (1, 2, 4, 8, 16, 32, 60, 60 …).
 * @returns milliseconds.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/** Settings of one worker; every field has a default for the server process. */
export interface MailWorkerOptions {
  /** Its database (default: the process's). Two workers on two handles act as two servers. */
  db?: () => Promise<Db>;
  /** The mail server; null: none (rows are held). Default: SMTP_URL. */
  smtpUrl?: string | null;
  /** MAIL_FROM. Default: the setting; unset, the site's name and SITE_URL's host. */
  mailFrom?: string;
  /** Where held messages are printed. Default: console.log. */
  log?: (text: string) => void;
  batchSize?: number;
  maxAttempts?: number;
  leaseMs?: number;
  pollMs?: number;
}

/** What one step did: rows claimed, and what became of them. */
export interface MailStepResult {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Given up on (`failed`). */
  failed: number;
  /** Kept, unsent, for want of a mail server (`held`). */
  held: number;
  /** Handed back unsent because the step ran out of lease. */
  released: number;
}

/** A mail worker: `step` is one pass; `start` runs passes on nudges and every `pollMs`. */
export interface MailWorker {
  /**
   * Claims and handles one batch of rows due at `now` (default: the clock), waiting for every
   * send. `now` also sets the times written (sent_at, the next try).
   */
  step(now?: Date): Promise<MailStepResult>;
  /** Steps until fewer rows than a batch were due. @returns the totals. */
  drain(now?: Date): Promise<MailStepResult>;
  /** Polls every `pollMs` and answers nudgeMailWorker() in this process. */
  start(): void;
  /** Asks for a pass now (one runs at a time; a wake during one runs another after it). */
  wake(): void;
  /** Stops polling, waits for the pass under way, closes the SMTP connection. */
  stop(): Promise<void>;
}

type Row = typeof mailOutbox.$inferSelect;

const empty = (): MailStepResult => ({ claimed: 0, sent: 0, retrying: 0, failed: 0, held: 0, released: 0 });

/** A worker's settings with their defaults filled in. */
interface Settings {
  smtpUrl: string | null;
  mailFrom: string | undefined;
  log: (text: string) => void;
  batchSize: number;
  maxAttempts: number;
  leaseMs: number;
}

/** The From of this pass: MAIL_FROM, or the site's name (read now: admins may rename it). */
async function sender(db: Db, mailFrom: string | undefined): Promise<MailAddress> {
  if (mailFrom) return mailSender(mailFrom, "", siteUrl());
  const [row] = await db.select({ siteName: settings.siteName }).from(settings).where(eq(settings.id, 1)).limit(1);
  return mailSender(undefined, row?.siteName ?? "Newsroom", siteUrl());
}

/**
 * Up to `limit` due rows, locked in `tx` without waiting for rows another worker holds, the
 * longest-waiting first (then in the order they were queued).
 * @returns their ids, in that order.
 */
async function lockDue(tx: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt), asc(mailOutbox.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return rows.map((r) => r.id);
}

/**
 * `rows` in the order of `ids`. An UPDATE's RETURNING gives rows in the table's physical
 * order, not the order they were locked in; sending in that order could deliver a newer
 * message (a second reset link) before the older one it replaces.
 */
function inOrderOf<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const at = new Map(ids.map((id, i) => [id, i]));
  return [...rows].sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}

/** Without a mail server: due rows become held, in one transaction; each is printed after it. */
async function holdDue(db: Db, now: Date, s: Settings): Promise<MailStepResult> {
  const rows = await db.transaction(async (tx) => {
    const ids = await lockDue(tx, now, s.batchSize);
    if (ids.length === 0) return [];
    const held = await tx
      .update(mailOutbox)
      .set({ status: "held", lastError: NO_MAIL_SERVER })
      .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.status, "pending")))
      .returning();
    return inOrderOf(ids, held);
  });
  for (const r of rows) {
    s.log(
      [
        `[mail] Not sent: no mail server (SMTP_URL is not set). Kept in the outbox (Admin → Outbox), message ${r.id}.`,
        `To: ${r.toAddress}`,
        `Subject: ${r.subject}`,
        "",
        r.textBody,
        `[mail] End of message ${r.id}.`,
      ].join("\n"),
    );
  }
  return { ...empty(), claimed: rows.length, held: rows.length };
}

/** Claims due rows: one transaction that locks them and takes the lease (attempts + 1). @returns them in the order they are to be sent. */
function claimDue(db: Db, now: Date, s: Settings): Promise<Row[]> {
  return db.transaction(async (tx) => {
    const ids = await lockDue(tx, now, s.batchSize);
    if (ids.length === 0) return [];
    const claimed = await tx
      .update(mailOutbox)
      .set({ attempts: sql`${mailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + s.leaseMs) })
      .where(inArray(mailOutbox.id, ids))
      .returning();
    return inOrderOf(ids, claimed);
  });
}

/** The claimed row, still ours: same try, still pending. */
const ours = (r: Row) => and(eq(mailOutbox.id, r.id), eq(mailOutbox.attempts, r.attempts), eq(mailOutbox.status, "pending"));

/** Records a failed try of a claimed row: again later, or `failed`. @returns which. */
async function recordFailure(db: Db, r: Row, e: unknown, at: Date, s: Settings): Promise<"retrying" | "failed"> {
  const error = describeSmtpError(e);
  if (isPermanentSmtpFailure(e) || r.attempts >= s.maxAttempts) {
    await db.update(mailOutbox).set({ status: "failed", lastError: error }).where(ours(r));
    return "failed";
  }
  await db
    .update(mailOutbox)
    .set({ lastError: error, nextAttemptAt: new Date(at.getTime() + retryDelayMs(r.attempts)) })
    .where(ours(r));
  return "retrying";
}

/** Sends claimed rows one by one and records each; hands back what the lease leaves no time for. */
async function sendClaimed(db: Db, rows: Row[], transport: MailTransport, clock: () => Date, s: Settings): Promise<MailStepResult> {
  const result = { ...empty(), claimed: rows.length };
  const from = await sender(db, s.mailFrom);
  const started = performance.now();
  for (const [i, r] of rows.entries()) {
    if (performance.now() - started > s.leaseMs / 2) {
      // Too late to send within the lease: hand the rest back for the next step.
      const rest = rows.slice(i);
      for (const x of rest) await db.update(mailOutbox).set({ attempts: x.attempts - 1, nextAttemptAt: clock() }).where(ours(x));
      result.released = rest.length;
      break;
    }
    let messageId: string;
    try {
      messageId = await sendOne(transport, from, { id: r.id, to: r.toAddress, subject: r.subject, text: r.textBody, html: r.htmlBody });
    } catch (e) {
      result[await recordFailure(db, r, e, clock(), s)] += 1;
      continue;
    }
    // Sent: a database error here propagates (the row keeps its lease; see the header).
    await db.update(mailOutbox).set({ status: "sent", sentAt: clock(), messageId, lastError: null }).where(ours(r));
    result.sent += 1;
  }
  return result;
}

/** Creates a worker (not started). */
export function createMailWorker(options: MailWorkerOptions = {}): MailWorker {
  const getDb = options.db ?? (async () => (await getDatabase()).db);
  const s: Settings = {
    smtpUrl: options.smtpUrl === undefined ? (env().SMTP_URL ?? null) : options.smtpUrl,
    mailFrom: options.mailFrom ?? env().MAIL_FROM,
    log: options.log ?? ((text: string) => console.log(text)),
    batchSize: options.batchSize ?? MAIL_BATCH_SIZE,
    maxAttempts: options.maxAttempts ?? MAIL_MAX_ATTEMPTS,
    leaseMs: options.leaseMs ?? MAIL_LEASE_MS,
  };
  const pollMs = options.pollMs ?? MAIL_POLL_MS;
  let transport: MailTransport | null = null;

  async function step(nowArg?: Date): Promise<MailStepResult> {
    const clock = () => nowArg ?? new Date();
    const db = await getDb();
    if (!s.smtpUrl) return holdDue(db, clock(), s);
    const rows = await claimDue(db, clock(), s);
    if (rows.length === 0) return empty();
    transport ??= createMailTransport(s.smtpUrl);
    return sendClaimed(db, rows, transport, clock, s);
  }

  const loop = createPollLoop({
    step,
    batchSize: s.batchSize,
    pollMs,
    onNudge: onMailNudge,
    errorPrefix: "[mail] the outbox could not be processed",
    onStop() {
      transport?.close();
      transport = null;
    },
  });

  return { step, ...loop };
}

const g = globalThis as unknown as { __newsroomMailWorker?: MailWorker };

/**
 * Starts this process's mail worker once (from instrumentation, at server start), with the
 * environment's SMTP_URL and MAIL_FROM. Logs whether mail is sent or held.
 */
export function startMailWorker(): void {
  if (g.__newsroomMailWorker) return;
  const { SMTP_URL } = env();
  if (SMTP_URL) {
    const u = new URL(SMTP_URL);
    console.log(`[mail] sending through ${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}`);
  } else {
    console.log("[mail] SMTP_URL is not set: mail is kept in the outbox (Admin → Outbox) and printed here, not sent.");
  }
  g.__newsroomMailWorker = createMailWorker();
  g.__newsroomMailWorker.start();
}

/** Stops this process's mail worker, if one runs (waits for the pass under way). */
export async function stopMailWorker(): Promise<void> {
  const w = g.__newsroomMailWorker;
  g.__newsroomMailWorker = undefined;
  await w?.stop();
}
