/**
 * What readers get of a live blog: its published entries, newest first, by the one visibility
 * rule (the live blog must be public at `now`: lib/stories/visibility.ts); drafts and deleted
 * entries never. Times are instants (UTC); pages format them in the newsroom's zone.
 *
 * Paging is by keyset on (postedAt, id), newest first: a page of LIVE_PAGE_SIZE entries and a
 * cursor for the older ones, so "Older updates" links stay right while new entries arrive.
 */
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bylines, liveEntries, stories } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPublic } from "@/lib/stories/visibility";

/** Entries on one page of a live blog. */
export const LIVE_PAGE_SIZE = 50;
/** Key events listed at the top, newest first. */
export const KEY_EVENTS_LIMIT = 20;
/** Characters of an entry's text that name a key event without a headline. */
const KEY_EVENT_LABEL_CHARS = 120;

/** A published entry as readers see it. */
export interface PublicEntry {
  id: string;
  headline: string;
  bodyHtml: string;
  bodyText: string;
  byline: { id: string; name: string; slug: string } | null;
  isKeyEvent: boolean;
  isPinned: boolean;
  /** Its public time (set once, when it was published). */
  postedAt: Date;
  /** The last edit after it was published, or null. */
  editedAt: Date | null;
}

/** One page of a live blog. */
export interface LivePage {
  /** Key events (newest first): the entry's id, its headline or the start of its text, its time. */
  keyEvents: { id: string; label: string; postedAt: Date }[];
  /** The pinned entry, or null. */
  pinned: PublicEntry | null;
  entries: PublicEntry[];
  /** The cursor of the next older page, or null on the last one. */
  older: string | null;
  /** How many published entries the live blog has. */
  total: number;
  /** The newest entry's time, or null before the first. */
  newestAt: Date | null;
}

const entryColumns = {
  id: liveEntries.id,
  headline: liveEntries.headline,
  bodyHtml: liveEntries.bodyHtml,
  bodyText: liveEntries.bodyText,
  bylineId: bylines.id,
  bylineName: bylines.name,
  bylineSlug: bylines.slug,
  isKeyEvent: liveEntries.isKeyEvent,
  isPinned: liveEntries.isPinned,
  postedAt: liveEntries.postedAt,
  editedAt: liveEntries.editedAt,
};

type EntryRow = { [K in keyof typeof entryColumns]: unknown } & { postedAt: Date | null };

function toPublic(r: EntryRow): PublicEntry {
  return {
    id: r.id as string,
    headline: r.headline as string,
    bodyHtml: r.bodyHtml as string,
    bodyText: r.bodyText as string,
    byline: r.bylineName ? { id: r.bylineId as string, name: r.bylineName as string, slug: r.bylineSlug as string } : null,
    isKeyEvent: r.isKeyEvent as boolean,
    isPinned: r.isPinned as boolean,
    postedAt: r.postedAt!,
    editedAt: (r.editedAt as Date | null) ?? null,
  };
}

/** The cursor after `e` (its time to the millisecond and its id, base64url JSON). */
export function entryCursor(e: { postedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([e.postedAt.toISOString(), e.id])).toString("base64url");
}

/** @throws AppError(bad_request) for a cursor this module did not make. */
function readCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error("bad");
    return { at: date, id };
  } catch {
    throw new AppError("bad_request", "That page of updates does not exist.", { before: "Unknown cursor" });
  }
}

/** Published entries of a live blog that is public at `now`. */
function publicEntries(storyId: string, now: Date): SQL {
  return and(
    eq(liveEntries.storyId, storyId),
    eq(liveEntries.status, "published"),
    sql`exists (select 1 from ${stories} where ${stories.id} = ${liveEntries.storyId} and ${stories.isLiveBlog} and ${stories.trashedAt} is null and ${isPublic(now)})`,
  ) as SQL;
}

/**
 * One page of a public live blog: key events, the pinned entry, and entries newest first
 * (older than `before` when given).
 * @param db the database (reader data: not a transaction).
 * @param before the `older` cursor of the previous page, or undefined for the newest.
 * @throws AppError(bad_request) for an unknown cursor.
 */
export async function getLivePage(db: Db, storyId: string, now: Date, before?: string, limit = LIVE_PAGE_SIZE): Promise<LivePage> {
  const where = publicEntries(storyId, now);
  const after = before ? readCursor(before) : null;
  const page = after
    ? and(where, or(lt(liveEntries.postedAt, after.at), and(eq(liveEntries.postedAt, after.at), lt(liveEntries.id, after.id))))
    : where;
  const [rows, keys, pinned, [stats]] = await Promise.all([
    db
      .select(entryColumns)
      .from(liveEntries)
      .leftJoin(bylines, eq(bylines.id, liveEntries.bylineId))
      .where(page)
      .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
      .limit(limit + 1),
    db
      .select({ id: liveEntries.id, headline: liveEntries.headline, text: liveEntries.bodyText, postedAt: liveEntries.postedAt })
      .from(liveEntries)
      .where(and(where, eq(liveEntries.isKeyEvent, true)))
      .orderBy(desc(liveEntries.postedAt), desc(liveEntries.id))
      .limit(KEY_EVENTS_LIMIT),
    db.select(entryColumns).from(liveEntries).leftJoin(bylines, eq(bylines.id, liveEntries.bylineId)).where(and(where, eq(liveEntries.isPinned, true))).limit(1),
    db.select({ total: sql<number>`count(*)::int`, newest: sql<Date | null>`max(${liveEntries.postedAt})`.mapWith(liveEntries.postedAt) }).from(liveEntries).where(where),
  ]);
  const entries = rows.slice(0, limit).map(toPublic);
  return {
    keyEvents: keys.map((k) => ({ id: k.id, label: k.headline || excerpt(k.text), postedAt: k.postedAt! })),
    pinned: pinned[0] ? toPublic(pinned[0]) : null,
    entries,
    older: rows.length > limit ? entryCursor(entries.at(-1)!) : null,
    total: Number(stats?.total ?? 0),
    newestAt: stats?.newest ?? null,
  };
}

/** The start of an entry's text, cut at a word, for a key event without a headline. */
function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= KEY_EVENT_LABEL_CHARS) return t;
  const cut = t.slice(0, KEY_EVENT_LABEL_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > KEY_EVENT_LABEL_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}
