/**
 * The one visibility rule for readers:
 * a story is public exactly when `status = 'published' AND published_at <= now` and a
 * scheduled unpublish, if any, has not come (`unpublish_at > now`).
 * "Scheduled" is a published story whose time has not come. Every public query — pages,
 * feeds, sitemaps, search, related stories — filters with {@link isPublic}.
 *
 * `now` is always passed in (an absolute instant), so tests can set the clock and a page
 * render uses one instant throughout.
 */
import { and, eq, gt, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { stories, type StoryStatus } from "@/db/schema";

/** SQL filter for stories readers may see at `now`. */
export function isPublic(now: Date): SQL {
  return and(eq(stories.status, "published"), isNotNull(stories.publishedAt), lte(stories.publishedAt, now), or(isNull(stories.unpublishAt), gt(stories.unpublishAt, now))) as SQL;
}

/** Whether a scheduled unpublish has come (the story is then off the site). */
export function unpublishDue(story: { unpublishAt?: Date | null }, now: Date): boolean {
  return !!story.unpublishAt && story.unpublishAt.getTime() <= now.getTime();
}

/** The same rule for a row already in memory. */
export function isPubliclyVisible(story: { status: StoryStatus; publishedAt: Date | null; unpublishAt?: Date | null }, now: Date): boolean {
  return story.status === "published" && story.publishedAt !== null && story.publishedAt.getTime() <= now.getTime() && !unpublishDue(story, now);
}

/** A published story whose publication instant is still in the future. */
export function isScheduled(story: { status: StoryStatus; publishedAt: Date | null }, now: Date): boolean {
  return story.status === "published" && story.publishedAt !== null && story.publishedAt.getTime() > now.getTime();
}

/**
 * Whether the breaking-news label (and bar) shows at `now`: flagged, and its expiry ahead.
 * Breaking news always expires: a flag without an expiry shows nothing.
 */
export function isBreakingAt(story: { isBreaking: boolean; breakingUntil: Date | null }, now: Date): boolean {
  return story.isBreaking && story.breakingUntil !== null && story.breakingUntil.getTime() > now.getTime();
}
