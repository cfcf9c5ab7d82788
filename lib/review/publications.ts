/**
 * Scheduled stories announce their first publication when their time comes: the save that
 * scheduled them could not (readers did not see them yet). The review timer calls
 * `announceScheduledPublications` every minute; a story is announced once, whichever
 * instance gets there first (its row is locked and the announcement looked for again).
 *
 * A story counts when it is live, went live by its schedule within the last day (a "schedule"
 * revision, never a "publish" one, which announced itself, nor an "unpublish", which means
 * readers saw it before), has a byline owner with a login other than whoever scheduled it,
 * and has no "published" notification yet.
 *
 * No `server-only` marker: the timer started from instrumentation calls it.
 */
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDatabase } from "@/db/handle";
import { bylines, notifications, settings, stories, storyBylines, storyRevisions, users } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { nudgeMailWorker } from "@/lib/mail/outbox";
import { recordReviewStep } from "./steps";

/** How far back a scheduled publication is still announced. */
const WINDOW_MS = 24 * 3_600_000;

/**
 * SQL: who made the story's latest "schedule" revision. Written with qualified names: in a
 * one-table select list Drizzle leaves columns unqualified, and "id" would mean the revision's.
 */
const scheduledBy = sql<string | null>`(select r.created_by from story_revisions r where r.story_id = "stories"."id" and r.kind = 'schedule' order by r.created_at desc limit 1)`;

const revisionOf = (kind: string) => sql`exists (select 1 from ${storyRevisions} where ${storyRevisions.storyId} = ${stories.id} and ${storyRevisions.kind} = ${kind})`;
const announced = sql`exists (select 1 from ${notifications} where ${notifications.storyId} = ${stories.id} and ${notifications.kind} = 'published')`;
const ownerBesidesScheduler = sql`exists (select 1 from ${storyBylines} join ${bylines} on ${bylines.id} = ${storyBylines.bylineId} join ${users} on ${users.id} = ${bylines.userId} where ${storyBylines.storyId} = ${stories.id} and ${users.active} and ${users.id} is distinct from ${scheduledBy})`;

/**
 * Announces the scheduled first publications that came by `now` (see the module comment).
 * @returns the ids of the stories announced by this call.
 */
export async function announceScheduledPublications(now = new Date()): Promise<string[]> {
  const { db } = await getDatabase();
  const live = and(eq(stories.status, "published"), lte(stories.publishedAt, now), gt(stories.publishedAt, new Date(now.getTime() - WINDOW_MS)), isNull(stories.trashedAt));
  const due = await db
    .select({ id: stories.id })
    .from(stories)
    .where(and(live, revisionOf("schedule"), sql`not ${revisionOf("publish")}`, sql`not ${revisionOf("unpublish")}`, sql`not ${announced}`, ownerBesidesScheduler));
  if (due.length === 0) return [];
  const [site] = await db.select({ siteName: settings.siteName }).from(settings).where(eq(settings.id, 1)).limit(1);
  const ctx = { siteName: site?.siteName ?? "Newsroom", origin: siteUrl() };
  const done: string[] = [];
  for (const { id } of due) {
    const announcedNow = await db.transaction(async (tx) => {
      // Locked, then looked at again: another instance may have announced it meanwhile.
      const [story] = await tx
        .select({ id: stories.id, title: stories.title, slug: stories.slug, primaryTagId: stories.primaryTagId, createdBy: stories.createdBy, by: scheduledBy })
        .from(stories)
        .where(and(eq(stories.id, id), live, sql`not ${announced}`))
        .for("update", { of: stories });
      if (!story) return false;
      const [actor] = story.by ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, story.by)).limit(1) : [];
      const n = await recordReviewStep(
        tx,
        {
          intent: "schedule",
          actor: actor ?? { id: null, name: "The schedule" },
          story,
          submittedBy: null,
          reviewNote: "",
          firstPublication: true,
          publicNote: null,
          now,
        },
        ctx,
      );
      return n > 0;
    });
    if (announcedNow) done.push(id);
  }
  if (done.length > 0) nudgeMailWorker();
  return done;
}
