/**
 * The desk's reads of live blogs: the list of live blogs (for the "Live" screen) and one live
 * blog's settings (for its live desk). Every role that can write stories sees every live blog
 * that is not in the trash: any reporter may post to one, whoever wrote its introduction. The
 * entries themselves are read with `listDeskEntries` (lib/live/entries.ts).
 */
import "server-only";
import { and, desc, eq, isNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { liveEntries, stories, type StoryRow } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

/** A live blog as the desk's list shows it. */
export interface LiveBlogListItem {
  id: string;
  title: string;
  language: string;
  /** The story's own status (a live blog is usually published). */
  status: StoryRow["status"];
  coverageStartedAt: Date | null;
  /** When the coverage ended, or null while it is live. */
  coverageEndedAt: Date | null;
  /** Published entries. */
  publishedEntries: number;
  /** Drafts waiting for an editor. */
  draftEntries: number;
  /** The public time of the newest published entry, or null before the first one. */
  newestEntryAt: Date | null;
}

/** One live blog's settings, for its live desk. */
export interface LiveDeskStory {
  id: string;
  title: string;
  language: string;
  status: StoryRow["status"];
  coverageStartedAt: Date | null;
  coverageEndedAt: Date | null;
  writersMayPublishEntries: boolean;
  /** The viewer may publish entries here (editors; writers where an editor allowed it). */
  viewerMayPublish: boolean;
  /** The viewer may change the live blog's settings (editors). */
  viewerIsEditor: boolean;
}

const forbidden = () => new AppError("forbidden", "Your role cannot post on live blogs.");

/**
 * The live blogs not in the trash, those still live first, then by the newest activity (the
 * newest entry, else the start of coverage).
 * @param viewer any role with story:create (writers, editors, admins).
 * @returns at most 200 live blogs with their entry counts.
 * @throws AppError(forbidden) for a role that cannot write stories.
 */
export async function listLiveBlogs(viewer: Viewer): Promise<LiveBlogListItem[]> {
  if (!can(viewer.role, "story:create")) throw forbidden();
  const db = await getDb();
  const counts = db
    .select({
      storyId: liveEntries.storyId,
      published: sql<number>`count(*) filter (where ${liveEntries.status} = 'published')`.mapWith(Number).as("published"),
      drafts: sql<number>`count(*) filter (where ${liveEntries.status} = 'draft')`.mapWith(Number).as("drafts"),
      newest: max(liveEntries.postedAt).as("newest"),
    })
    .from(liveEntries)
    .groupBy(liveEntries.storyId)
    .as("counts");
  const rows = await db
    .select({
      id: stories.id,
      title: stories.title,
      language: stories.language,
      status: stories.status,
      coverageStartedAt: stories.coverageStartedAt,
      coverageEndedAt: stories.coverageEndedAt,
      published: counts.published,
      drafts: counts.drafts,
      newest: counts.newest,
    })
    .from(stories)
    .leftJoin(counts, eq(counts.storyId, stories.id))
    .where(and(eq(stories.isLiveBlog, true), isNull(stories.trashedAt)))
    .orderBy(
      sql`${stories.coverageEndedAt} is not null`,
      desc(sql`coalesce(${counts.newest}, ${stories.coverageStartedAt}, ${stories.updatedAt})`),
      desc(stories.id),
    )
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    language: r.language,
    status: r.status,
    coverageStartedAt: r.coverageStartedAt,
    coverageEndedAt: r.coverageEndedAt,
    publishedEntries: Number(r.published ?? 0),
    draftEntries: Number(r.drafts ?? 0),
    // Through a subquery the aggregate may come back as the driver's text rather than a Date.
    newestEntryAt: r.newest ? new Date(r.newest as Date | string) : null,
  }));
}

/**
 * One live blog's settings for its live desk.
 * @param viewer any role with story:create.
 * @throws AppError: forbidden (a role that cannot write stories), not_found (missing, trashed
 *   or not a live blog).
 */
export async function getLiveDeskStory(viewer: Viewer, storyId: string): Promise<LiveDeskStory> {
  if (!can(viewer.role, "story:create")) throw forbidden();
  const notFound = new AppError("not_found", "That live blog does not exist.");
  if (!z.uuid().safeParse(storyId).success) throw notFound;
  const db = await getDb();
  const [row] = await db.select().from(stories).where(eq(stories.id, storyId)).limit(1);
  if (!row || row.trashedAt || !row.isLiveBlog) throw notFound;
  const editor = can(viewer.role, "story:publish");
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    status: row.status,
    coverageStartedAt: row.coverageStartedAt,
    coverageEndedAt: row.coverageEndedAt,
    writersMayPublishEntries: row.writersMayPublishEntries,
    viewerMayPublish: editor || row.writersMayPublishEntries,
    viewerIsEditor: editor,
  };
}
