/**
 * The daily digest: at each person's digest hour (0–23, in the newsroom's time zone), one
 * 'digest' mail listing their notifications not mailed yet (mailed_at null) of the kinds they
 * want in the digest; those are then marked mailed and `users.last_digest_at` is set.
 *
 * Exactly once per day, across restarts and instances, with no state in memory: a person is
 * due when the latest digest instant that has passed (today's hour, else yesterday's, in the
 * newsroom's zone, computed by the database so daylight-saving days are right) is after their
 * `last_digest_at` and something created before that instant waits. Each person is claimed
 * with one conditional UPDATE of their row in the transaction that queues the mail: a second
 * instance waits for the row and then finds the claim already made. Nothing waiting at the
 * hour: no mail, no claim; notifications that come later wait for the next day's hour.
 *
 * No `server-only` marker: the timer started from instrumentation calls it.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDatabase } from "@/db/handle";
import { notificationPrefs, notifications, settings, users } from "@/db/schema";
import { composeMail, absoluteUrl } from "@/lib/mail/compose";
import { enqueueMail, nudgeMailWorker } from "@/lib/mail/outbox";
import { formatDateTime } from "@/lib/dates/format";
import { siteUrl } from "@/lib/env";
import { countOf } from "@/lib/text/count";
import { mailFooter } from "./mail-text";

/** The most notifications one digest lists (the rest are counted and linked). */
const MAX_LISTED = 100;

/** The newsroom's name, zone and locale, read straight from the settings row (defaults when unset). */
async function newsroom(): Promise<{ siteName: string; timeZone: string; locale: string }> {
  const { db } = await getDatabase();
  const [row] = await db.select({ siteName: settings.siteName, timeZone: settings.timeZone, locale: settings.locale }).from(settings).where(eq(settings.id, 1)).limit(1);
  return row ?? { siteName: "Newsroom", timeZone: "UTC", locale: "en-US" };
}

/**
 * SQL: the latest digest instant at or before `now` for each user row (their `digest_hour`
 * today in `timeZone`, else yesterday).
 */
function latestDigestInstant(now: Date, timeZone: string) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const localDay = sql`date_trunc('day', ${at} at time zone ${timeZone})`;
  const today = sql`((${localDay} + make_interval(hours => ${users.digestHour}::int)) at time zone ${timeZone})`;
  const yesterday = sql`((${localDay} - interval '1 day' + make_interval(hours => ${users.digestHour}::int)) at time zone ${timeZone})`;
  return sql<Date>`(case when ${today} <= ${at} then ${today} else ${yesterday} end)`.mapWith((v: string | Date) => new Date(v));
}

/** SQL: the notification's kind is one the user wants in the digest. */
const inDigest = sql`exists (select 1 from ${notificationPrefs} where ${notificationPrefs.userId} = ${notifications.userId} and ${notificationPrefs.kind} = ${notifications.kind} and ${notificationPrefs.mode} = 'digest')`;

/** The people whose digest is due at `now`, with the digest instant that made them due. */
export async function dueDigests(now: Date, timeZone: string): Promise<{ userId: string; slot: Date }[]> {
  const { db } = await getDatabase();
  const slot = latestDigestInstant(now, timeZone);
  return db
    .select({ userId: users.id, slot })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`(${users.lastDigestAt} is null or ${users.lastDigestAt} < ${slot})`,
        sql`exists (select 1 from ${notifications} where ${notifications.userId} = ${users.id} and ${notifications.mailedAt} is null and ${notifications.createdAt} <= ${slot} and ${inDigest})`,
      ),
    );
}

/**
 * Sends every digest due at `now` (see the module comment): one mail per person, listing their
 * unmailed digest-kind notifications up to `now`, oldest first, with times in the newsroom's zone.
 * Safe to call again, late, or on several instances at once.
 * @param now the clock (tests pass their own).
 * @returns the user ids a digest was queued for by this call.
 */
export async function sendDueDigests(now = new Date()): Promise<string[]> {
  const site = await newsroom();
  const due = await dueDigests(now, site.timeZone);
  if (due.length === 0) return [];
  const origin = siteUrl();
  const { db } = await getDatabase();
  const sent: string[] = [];
  for (const { userId, slot } of due) {
    const queued = await db.transaction(async (tx) => {
      const [person] = await tx
        .update(users)
        .set({ lastDigestAt: now })
        .where(and(eq(users.id, userId), eq(users.active, true), sql`(${users.lastDigestAt} is null or ${users.lastDigestAt} < ${slot.toISOString()}::timestamptz)`))
        .returning({ email: users.email, name: users.name });
      if (!person) return false;
      const waiting = await tx
        .select({ id: notifications.id, message: notifications.message, note: notifications.note, link: notifications.link, createdAt: notifications.createdAt })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.mailedAt), lte(notifications.createdAt, now), inDigest))
        .orderBy(asc(notifications.createdAt), asc(notifications.id));
      if (waiting.length === 0) return false;
      const listed = waiting.slice(0, MAX_LISTED);
      const lines = listed.map((n) => {
        const note = n.note ? ` Note: “${n.note}”` : "";
        return `${formatDateTime(n.createdAt, site.timeZone, site.locale)}: ${n.message}.${note} ${absoluteUrl(origin, n.link)}`;
      });
      const more = waiting.length - listed.length;
      const mail = composeMail({
        siteName: site.siteName,
        origin,
        subject: `Your daily digest: ${countOf(waiting.length, "notification", "notifications")}`,
        greeting: `Hello ${person.name},`,
        paragraphs: [`Since your last digest (times in ${site.timeZone}):`, ...lines, ...(more > 0 ? [`…and ${countOf(more, "more", "more")} on the desk.`] : [])],
        action: { label: "Open your notifications", url: "/dashboard/notifications" },
        footer: mailFooter("digest", origin),
      });
      await enqueueMail(tx, { kind: "digest", to: person.email, toUserId: userId, ...mail });
      await tx
        .update(notifications)
        .set({ mailedAt: now })
        .where(
          inArray(
            notifications.id,
            waiting.map((n) => n.id),
          ),
        );
      return true;
    });
    if (queued) sent.push(userId);
  }
  if (sent.length > 0) nudgeMailWorker();
  return sent;
}
