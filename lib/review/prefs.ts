/**
 * A person's mail preferences: for each kind of notification, immediately, in the daily
 * digest or off; and the hour of the digest (0–23, in the newsroom's time zone). Only the
 * viewer's own preferences are read or written here.
 */
import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, notificationPrefs, notifications, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, parseInput } from "@/lib/errors";
import { DEFAULT_MAIL_MODE, MAIL_MODES, NOTIFICATION_KINDS, type MailMode, type NotificationKind } from "./kinds";

/** What the profile's form shows and saves. */
export interface MailPreferences {
  modes: Record<NotificationKind, MailMode>;
  /** 0–23, the hour in the newsroom's zone. */
  digestHour: number;
}

/** The viewer's preferences (defaults where none were chosen). @throws AppError(not_found) for a deleted account. */
export async function getMailPreferences(viewer: Viewer): Promise<MailPreferences> {
  const db = await getDb();
  const [user] = await db.select({ digestHour: users.digestHour }).from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user) throw new AppError("not_found", "Your account no longer exists.");
  const rows = await db.select({ kind: notificationPrefs.kind, mode: notificationPrefs.mode }).from(notificationPrefs).where(eq(notificationPrefs.userId, viewer.id));
  const modes = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.mode ?? DEFAULT_MAIL_MODE])) as Record<NotificationKind, MailMode>;
  return { modes, digestHour: user.digestHour };
}

const HOUR_MESSAGE = "Choose the digest hour as a whole hour from 0 to 23.";
const modeSchema = z.enum(MAIL_MODES, { error: "Choose Immediately, Daily digest or Off." });

/** The form's fields: one mode per kind, and the digest hour. */
const prefsSchema = z.object({
  ...(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, modeSchema.default(DEFAULT_MAIL_MODE)])) as Record<NotificationKind, z.ZodDefault<typeof modeSchema>>),
  digestHour: z
    .union([z.number(), z.string().trim().regex(/^\d{1,2}$/, HOUR_MESSAGE)], { error: HOUR_MESSAGE })
    .transform(Number)
    .pipe(z.number({ error: HOUR_MESSAGE }).int(HOUR_MESSAGE).min(0, HOUR_MESSAGE).max(23, HOUR_MESSAGE)),
});

/**
 * Saves the viewer's preferences, audited with what changed. A kind moved from Off to the
 * daily digest starts from now: its notifications that Off kept from mail are marked settled
 * (mailed_at), so the next digest does not list them.
 * @param raw `{ review_submitted, review_returned, published, correction, webhook_failing, digestHour }` as a form sends them.
 * @throws AppError(bad_request) for an unknown mode or an hour outside 0–23.
 */
export async function saveMailPreferences(viewer: Viewer, raw: unknown): Promise<MailPreferences> {
  const input = parseInput(prefsSchema, raw);
  const before = await getMailPreferences(viewer);
  const next: MailPreferences = { modes: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, input[k]])) as Record<NotificationKind, MailMode>, digestHour: input.digestHour };
  const changes: Record<string, { from: string | number; to: string | number }> = {};
  for (const k of NOTIFICATION_KINDS) if (before.modes[k] !== next.modes[k]) changes[`mail:${k}`] = { from: before.modes[k], to: next.modes[k] };
  if (before.digestHour !== next.digestHour) changes.digestHour = { from: before.digestHour, to: next.digestHour };
  if (Object.keys(changes).length === 0) return next;
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      await tx
        .insert(notificationPrefs)
        .values({ userId: viewer.id, kind, mode: next.modes[kind] })
        .onConflictDoUpdate({ target: [notificationPrefs.userId, notificationPrefs.kind], set: { mode: next.modes[kind] } });
    }
    // A kind moved from Off to the digest starts from now: what Off kept from mail (maybe
    // months of it) is settled, not sent in the next digest.
    const fromOff = NOTIFICATION_KINDS.filter((k) => before.modes[k] === "off" && next.modes[k] === "digest");
    if (fromOff.length > 0) {
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(and(eq(notifications.userId, viewer.id), inArray(notifications.kind, fromOff), isNull(notifications.mailedAt)));
    }
    await tx.update(users).set({ digestHour: next.digestHour, updatedAt: now }).where(eq(users.id, viewer.id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "user.mail_preferences", entityType: "user", entityId: viewer.id, details: { changes } });
  });
  return next;
}
