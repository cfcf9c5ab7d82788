/**
 * The outbox for admins: the list of messages, one message in full, and "Retry now".
 *
 * Admins only ("user:manage"): the outbox holds invitation and password-reset links, which
 * only people who may create them should read.
 */
import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { mailOutbox } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { nudgeMailWorker } from "./nudge";

/** Messages per page of the Outbox screen. */
export const OUTBOX_PAGE_SIZE = 50;

/** A message as the list shows it. */
export interface OutboxItem {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  status: "pending" | "sent" | "failed" | "held";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** A message in full: its two parts and its Message-ID once sent. */
export interface OutboxMessage extends OutboxItem {
  textBody: string;
  htmlBody: string;
  messageId: string | null;
}

const columns = {
  id: mailOutbox.id,
  kind: mailOutbox.kind,
  toAddress: mailOutbox.toAddress,
  subject: mailOutbox.subject,
  status: mailOutbox.status,
  attempts: mailOutbox.attempts,
  nextAttemptAt: mailOutbox.nextAttemptAt,
  lastError: mailOutbox.lastError,
  sentAt: mailOutbox.sentAt,
  createdAt: mailOutbox.createdAt,
};

function requireAdmin(viewer: Viewer): void {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can open the outbox.");
}

/** True when this server has a mail server to send through (SMTP_URL is set). */
export function mailServerConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * One page of the outbox, newest first.
 * @param page 1-based; clamped to 1…10,000.
 * @throws AppError forbidden for non-admins.
 */
export async function listOutbox(viewer: Viewer, { page = 1 }: { page?: number } = {}): Promise<{ items: OutboxItem[]; total: number; page: number; pages: number }> {
  requireAdmin(viewer);
  const p = Math.max(1, Math.min(Number.isInteger(page) ? page : 1, 10_000));
  const db = await getDb();
  const [items, [total]] = await Promise.all([
    db
      .select(columns)
      .from(mailOutbox)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((p - 1) * OUTBOX_PAGE_SIZE),
    db.select({ n: count() }).from(mailOutbox),
  ]);
  const n = total?.n ?? 0;
  return { items, total: n, page: p, pages: Math.max(1, Math.ceil(n / OUTBOX_PAGE_SIZE)) };
}

/**
 * One message with its text and HTML parts.
 * @throws AppError forbidden for non-admins, not_found for an unknown or malformed id.
 */
export async function getOutboxMessage(viewer: Viewer, id: string): Promise<OutboxMessage> {
  requireAdmin(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "There is no such message in the outbox.");
  const db = await getDb();
  const [row] = await db
    .select({ ...columns, textBody: mailOutbox.textBody, htmlBody: mailOutbox.htmlBody, messageId: mailOutbox.messageId })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id))
    .limit(1);
  if (!row) throw new AppError("not_found", "There is no such message in the outbox.");
  return row;
}

/**
 * "Retry now": a failed or held message goes back to the queue, due at `now`, with a fresh
 * count of tries (the last error stays until the next try), and the worker is nudged.
 * Only failed and held rows: a pending row may be in a worker's hands at this moment, and
 * making it due again would let a second worker send it too.
 * @param options.now the instant it becomes due (default: now); `smtpUrl` the mail server
 *   (default: SMTP_URL).
 * @throws AppError forbidden for non-admins; not_found; conflict when no mail server is
 *   configured, or when the message is not failed or held (sent, or waiting for its next try).
 */
export async function retryMail(viewer: Viewer, id: string, options: { now?: Date; smtpUrl?: string | null } = {}): Promise<void> {
  requireAdmin(viewer);
  const smtpUrl = options.smtpUrl === undefined ? env().SMTP_URL : options.smtpUrl;
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "There is no such message in the outbox.");
  if (!smtpUrl) throw new AppError("conflict", "No mail server is configured: set SMTP_URL and restart the server, then retry.");
  const db = await getDb();
  const updated = await db
    .update(mailOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: options.now ?? new Date() })
    .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, ["failed", "held"])))
    .returning({ id: mailOutbox.id });
  if (updated.length === 0) {
    const [row] = await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
    if (!row) throw new AppError("not_found", "There is no such message in the outbox.");
    throw new AppError("conflict", row.status === "sent" ? "This message was already sent." : "This message is already waiting to be sent.");
  }
  nudgeMailWorker();
}
