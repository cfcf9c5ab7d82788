/**
 * Writing notifications: who gets one (a section's editors, a story's byline owners, its
 * writer), the desk row for each recipient, and the mail each one's preference asks for, all
 * on the caller's transaction so a change and what it announces commit together or not at all.
 * Never calls getDb(): pass the transaction (the embedded database has one connection).
 *
 * No `server-only` marker: the review timer, started from instrumentation, uses it.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db";
import { bylines, notificationPrefs, notifications, sectionEditors, storyBylines, users } from "@/db/schema";
import { composeMail } from "@/lib/mail/compose";
import { enqueueMail } from "@/lib/mail/outbox";
import { DEFAULT_MAIL_MODE, type MailMode, type NotificationKind } from "./kinds";
import { mailFooter } from "./mail-text";

/** What a mail needs from the site, read before the transaction: its name and public origin. */
export interface MailContext {
  siteName: string;
  /** Absolute origin for links (siteUrl()). */
  origin: string;
}

/** One notification to send to several people. */
export interface NotificationDraft {
  kind: NotificationKind;
  storyId: string | null;
  /** Who caused it; never notified of their own act. */
  actorId: string | null;
  /** One line for the desk's list, e.g. "Sahar Ahmadi submitted “River rises” for review". */
  message: string;
  /** A note that comes with it (a return note, a correction), quoted in the list and the mail. */
  note?: string | null;
  /** Desk path it opens, e.g. "/dashboard/stories/<id>". */
  link: string;
  mail: {
    subject: string;
    paragraphs: string[];
    actionLabel: string;
  };
}

/**
 * The editors a story's review goes to: those assigned to its section (its primary tag) when
 * the section has any who are still active editors or admins, else every active editor and
 * admin.
 * @returns user ids.
 */
export async function storyEditorsFor(tx: Db, primaryTagId: string | null): Promise<string[]> {
  const editorRole = inArray(users.role, ["editor", "admin"]);
  if (primaryTagId) {
    const assigned = await tx
      .select({ id: users.id })
      .from(sectionEditors)
      .innerJoin(users, eq(users.id, sectionEditors.userId))
      .where(and(eq(sectionEditors.tagId, primaryTagId), eq(users.active, true), editorRole));
    if (assigned.length > 0) return assigned.map((r) => r.id);
  }
  const all = await tx.select({ id: users.id }).from(users).where(and(eq(users.active, true), editorRole));
  return all.map((r) => r.id);
}

/** The active desk users whose bylines are on the story (bylines.user_id). @returns user ids. */
export async function bylineOwnersOf(tx: Db, storyId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(storyBylines)
    .innerJoin(bylines, eq(bylines.id, storyBylines.bylineId))
    .innerJoin(users, eq(users.id, bylines.userId))
    .where(and(eq(storyBylines.storyId, storyId), isNotNull(bylines.userId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Each user's mail mode for `kind` (the default where they chose none). */
export async function mailModes(tx: Db, userIds: string[], kind: NotificationKind): Promise<Map<string, MailMode>> {
  const modes = new Map<string, MailMode>(userIds.map((id) => [id, DEFAULT_MAIL_MODE]));
  if (userIds.length === 0) return modes;
  const rows = await tx
    .select({ userId: notificationPrefs.userId, mode: notificationPrefs.mode })
    .from(notificationPrefs)
    .where(and(inArray(notificationPrefs.userId, userIds), eq(notificationPrefs.kind, kind)));
  for (const r of rows) modes.set(r.userId, r.mode);
  return modes;
}

/**
 * Notifies each recipient once (the actor and inactive accounts left out): a desk
 * notification, and for those who want this kind immediately a queued mail (the notification
 * is then marked mailed). Digest and off leave it unmailed; the digest picks digest kinds up.
 * @param now the instant of the change (the notifications' time).
 * @returns how many were notified and how many mails were queued.
 */
export async function notifyUsers(tx: Db, recipientIds: (string | null | undefined)[], draft: NotificationDraft, ctx: MailContext, now: Date): Promise<{ notified: number; mailed: number }> {
  const ids = [...new Set(recipientIds.filter((id): id is string => Boolean(id) && id !== draft.actorId))];
  if (ids.length === 0) return { notified: 0, mailed: 0 };
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  if (people.length === 0) return { notified: 0, mailed: 0 };
  const modes = await mailModes(
    tx,
    people.map((p) => p.id),
    draft.kind,
  );
  let mailed = 0;
  for (const person of people) {
    const immediate = modes.get(person.id) === "immediate";
    await tx.insert(notifications).values({
      userId: person.id,
      kind: draft.kind,
      storyId: draft.storyId,
      actorId: draft.actorId,
      message: draft.message,
      note: draft.note || null,
      link: draft.link,
      mailedAt: immediate ? now : null,
      createdAt: now,
    });
    if (!immediate) continue;
    const mail = composeMail({
      siteName: ctx.siteName,
      origin: ctx.origin,
      subject: draft.mail.subject,
      greeting: `Hello ${person.name},`,
      paragraphs: draft.mail.paragraphs,
      quote: draft.note || undefined,
      action: { label: draft.mail.actionLabel, url: draft.link },
      footer: mailFooter(draft.kind, ctx.origin),
    });
    await enqueueMail(tx, { kind: draft.kind, to: person.email, toUserId: person.id, ...mail });
    mailed += 1;
  }
  return { notified: people.length, mailed };
}
