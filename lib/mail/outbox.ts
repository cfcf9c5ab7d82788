/**
 * The outbox's write side: every e-mail the newsroom sends is a `mail_outbox` row, written
 * with `enqueueMail` inside the same transaction as the change that causes it (an invitation,
 * a reset, a submission for review), so a change and its mail commit together or not at all.
 * The worker (lib/mail/worker.ts) sends the rows; `nudgeMailWorker` after a commit asks it to
 * look now instead of at its next poll.
 */
import "server-only";
import type { Db } from "@/db";
import { mailOutbox } from "@/db/schema";

/** What can cause a mail (the `kind` column). */
export type MailKind = "invite" | "reset" | "password_changed" | "review_submitted" | "review_returned" | "published" | "correction" | "webhook_failing" | "digest";

/** One message to queue: plain text and HTML bodies, already written in full. */
export interface OutgoingMail {
  kind: MailKind;
  /** The recipient's address (lower-cased, validated by the form that took it). */
  to: string;
  /** The recipient's user id, when they have a login. */
  toUserId?: string | null;
  subject: string;
  text: string;
  html: string;
}

/**
 * Queues a message on `db` (pass the transaction of the change that causes it).
 * @returns the outbox row's id.
 */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<string> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ kind: mail.kind, toAddress: mail.to, toUserId: mail.toUserId ?? null, subject: mail.subject, textBody: mail.text, htmlBody: mail.html })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

// The wake-up lives in ./nudge (no `server-only`, shared through globalThis), re-exported here.
export { nudgeMailWorker, onMailNudge } from "./nudge";
