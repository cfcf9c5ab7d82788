/**
 * What the content API returns: public stories, tags and bylines, read with the one
 * visibility rule (lib/stories/visibility.ts `isPublic`), so no draft, scheduled, embargoed,
 * unpublished or trashed story, nor a live story's pending changes (kept apart from the story
 * row until they are published), ever reaches it.
 * Lists page by cursor (keyset: stable while stories are published, unlike offsets); a cursor
 * is opaque to clients.
 */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { bylines, PUBLIC_NOTE_KINDS, stories, storyBylines, storyRevisions, storyTags, tags } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { getLivePage, type LivePage } from "@/lib/live/public";
import { AppError } from "@/lib/errors";
import { feedContentHtml } from "@/lib/feeds/content";
import type { LibraryPhoto } from "@/lib/media/body";
import { IMAGE_WIDTHS, optimisedUrl } from "@/lib/media/responsive";
import { cardColumns, cardsWithRefs, getPublicStory, loadCardRefs, type StoryNote } from "@/lib/stories/queries";
import { isPublic } from "@/lib/stories/visibility";
import { parseSearchQuery } from "@/lib/search/query";
import { searchPublicStories } from "@/lib/search/stories";
import { absoluteUrl } from "@/lib/seo/metadata";
import { cachedReaderData } from "@/lib/site/reader-cache";
import type { ApiByline, ApiStory, ApiTag } from "./schemas";

/** An absolute URL on this site. */
const abs = (path: string) => absoluteUrl(siteUrl(), path);

/** A keyset cursor: the values of the last row's sort columns, as base64url JSON. */
function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

const badCursor = () => new AppError("bad_request", "cursor is not one this API gave: pass the `next` of the previous page as it is.");

/**
 * @throws AppError bad_request for a cursor this API did not give, including strings
 *   PostgreSQL refuses in text (NUL and other control characters, lone surrogates), which
 *   would otherwise fail the query (500).
 */
function decodeCursor(cursor: string, shape: ("string" | "number")[]): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v, i) => typeof v === shape[i] && (typeof v !== "string" || (!/[\u0000-\u001f\u007f]/.test(v) && v.isWellFormed())))
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the error
  }
  throw badCursor();
}

/**
 * A story list cursor's instant: UTC with up to microseconds, as `cursorInstant` writes it.
 * PostgreSQL keeps microseconds and a JS Date only milliseconds, so the instant travels as
 * text and is compared in SQL; a cursor cut to milliseconds would skip the stories published
 * later within the same millisecond.
 */
const CURSOR_INSTANT = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An ISO 8601 instant (checked by StoryListQuery) as PostgreSQL text, in UTC to the
 * microsecond: a JS Date alone would cut it to milliseconds. In UTC because PostgreSQL
 * refuses offsets beyond ±15:59 that ISO 8601 allows; an instant outside years 1–9999 in UTC
 * (which PostgreSQL would refuse as written) is ±infinity, before or after every story.
 */
function utcMicros(iso: string): string {
  const utc = new Date(iso).toISOString();
  if (utc.startsWith("-") || utc.startsWith("0000-")) return "-infinity";
  if (utc.startsWith("+")) return "infinity";
  // JS keeps the first three fractional digits (cut, not rounded); the next three are the microseconds.
  const micros = `${/\.(\d+)/.exec(iso)?.[1] ?? ""}000000`.slice(3, 6);
  return utc.replace(/Z$/, `${micros}Z`);
}

/** `published_at` as a cursor instant (see CURSOR_INSTANT). */
const cursorInstant = sql<string>`to_char(${stories.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Whether `at` (matching CURSOR_INSTANT) names a real calendar instant: JS rolls 2026-02-30 over to March, PostgreSQL refuses it. */
function isRealInstant(at: string): boolean {
  const ms = `${at.slice(0, 23)}Z`;
  const d = new Date(ms);
  return !Number.isNaN(d.getTime()) && d.toISOString() === ms;
}

function apiPhoto(p: LibraryPhoto): NonNullable<ApiStory["featuredPhoto"]> {
  let widths: number[] = IMAGE_WIDTHS.filter((w) => w <= p.width);
  if (widths.length === 0) widths = [IMAGE_WIDTHS[0]];
  return {
    url: abs(p.url),
    width: p.width,
    height: p.height,
    alt: p.altText,
    caption: p.caption,
    credit: { name: p.creditName, organization: p.creditOrg, url: p.creditUrl },
    sizes: widths.map((width) => ({ width, url: abs(optimisedUrl(p.url, width)) })),
  };
}

const tagRef = (t: { id: string; slug: string; name: string }) => ({ id: t.id, slug: t.slug, name: t.name, url: abs(`/tag/${encodeURIComponent(t.slug)}`) });
const bylineRef = (b: { id: string; slug: string; name: string }) => ({ id: b.id, slug: b.slug, name: b.name, url: abs(`/author/${encodeURIComponent(b.slug)}`) });

/**
 * The API form of the public stories with these ids, in the order given; ids not public at
 * `now` are left out.
 */
export async function apiStoriesByIds(ids: string[], now: Date): Promise<ApiStory[]> {
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({
      ...cardColumns,
      bodyHtml: stories.bodyHtml,
      body: stories.body,
      canonicalUrl: stories.canonicalUrl,
      isLiveBlog: stories.isLiveBlog,
      coverageStartedAt: stories.coverageStartedAt,
      coverageEndedAt: stories.coverageEndedAt,
    })
    .from(stories)
    .where(and(inArray(stories.id, ids), isPublic(now)));
  const [refs, noteRows, livePages] = await Promise.all([
    loadCardRefs(rows.map((r) => r.id), rows.map((r) => r.featuredMediaId)),
    db
      .select({ storyId: storyRevisions.storyId, kind: storyRevisions.kind, note: storyRevisions.note, at: storyRevisions.createdAt })
      .from(storyRevisions)
      .where(and(inArray(storyRevisions.storyId, rows.map((r) => r.id)), inArray(storyRevisions.kind, [...PUBLIC_NOTE_KINDS]), isNotNull(storyRevisions.note)))
      .orderBy(storyRevisions.createdAt),
    // Live blogs' newest entries, by the same rule as their pages.
    Promise.all(rows.filter((r) => r.isLiveBlog).map(async (r) => [r.id, await getLivePage(db, r.id, now)] as const)).then((pairs) => new Map(pairs)),
  ]);
  const cards = new Map(cardsWithRefs(rows, refs, now).map((c) => [c.id, c]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const origin = siteUrl();
  const out: ApiStory[] = [];
  for (const id of ids) {
    const card = cards.get(id);
    const row = byId.get(id);
    if (!card || !row) continue;
    const url = abs(`/news/${encodeURIComponent(card.slug)}`);
    out.push({
      id: card.id,
      slug: card.slug,
      url,
      canonicalUrl: row.canonicalUrl || url,
      headline: card.title,
      dek: card.dek,
      excerpt: card.excerpt,
      language: card.language,
      direction: card.direction,
      bodyHtml: feedContentHtml(row.bodyHtml, origin),
      body: row.body as ApiStory["body"],
      bylines: card.bylines.map(bylineRef),
      tags: (refs.tags.get(id) ?? []).map(tagRef),
      section: card.section ? tagRef(card.section) : null,
      featuredPhoto: card.photo ? apiPhoto(card.photo) : null,
      publishedAt: card.publishedAt.toISOString(),
      lastUpdatedAt: card.lastUpdatedAt.toISOString(),
      notes: noteRows.filter((n) => n.storyId === id).map((n) => ({ kind: n.kind as StoryNote["kind"], note: n.note ?? "", at: n.at.toISOString() })),
      breaking: card.breaking,
      liveBlog: row.isLiveBlog ? apiLiveBlog(row, livePages.get(id)!, url, origin) : null,
    });
  }
  return out;
}

/** A live blog's part of its API story: coverage, entry count and the newest entries. */
function apiLiveBlog(row: { publishedAt: Date | null; coverageStartedAt: Date | null; coverageEndedAt: Date | null }, page: LivePage, url: string, origin: string): ApiStory["liveBlog"] {
  return {
    coverageStartedAt: (row.coverageStartedAt ?? row.publishedAt!).toISOString(),
    coverageEndedAt: row.coverageEndedAt?.toISOString() ?? null,
    entryCount: page.total,
    entries: page.entries.map((e) => ({
      id: e.id,
      url: `${url}#entry-${e.id}`,
      headline: e.headline,
      bodyHtml: feedContentHtml(e.bodyHtml, origin),
      byline: e.byline ? { ...e.byline, url: abs(`/author/${encodeURIComponent(e.byline.slug)}`) } : null,
      keyEvent: e.isKeyEvent,
      pinned: e.isPinned,
      postedAt: e.postedAt.toISOString(),
      editedAt: e.editedAt?.toISOString() ?? null,
    })),
  };
}

export interface StoryListFilters {
  tag?: string;
  byline?: string;
  language?: string;
  /** ISO 8601 instant. */
  updated_since?: string;
  cursor?: string;
  limit: number;
}

/**
 * Public stories, newest first (by publication, then id), filtered.
 * @returns the page and the cursor of the next one (null on the last).
 * @throws AppError bad_request for a bad cursor.
 */
export async function listApiStories(f: StoryListFilters, now: Date): Promise<{ items: ApiStory[]; next: string | null }> {
  const db = await getDb();
  const conditions: SQL[] = [isPublic(now)];
  if (f.tag) {
    conditions.push(sql`exists (select 1 from ${storyTags} join ${tags} on ${tags.id} = ${storyTags.tagId} where ${storyTags.storyId} = ${stories.id} and ${tags.slug} = ${f.tag})`);
  }
  if (f.byline) {
    conditions.push(
      sql`exists (select 1 from ${storyBylines} join ${bylines} on ${bylines.id} = ${storyBylines.bylineId} where ${storyBylines.storyId} = ${stories.id} and ${bylines.slug} = ${f.byline})`,
    );
  }
  if (f.language) conditions.push(eq(stories.language, f.language));
  if (f.updated_since) conditions.push(sql`coalesce(${stories.lastUpdatedAt}, ${stories.publishedAt}) >= ${utcMicros(f.updated_since)}::timestamptz`);
  if (f.cursor) {
    const [at, id] = decodeCursor(f.cursor, ["string", "string"]) as [string, string];
    if (!CURSOR_INSTANT.test(at) || !isRealInstant(at) || !UUID.test(id)) throw badCursor();
    conditions.push(sql`(${stories.publishedAt}, ${stories.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await db
    .select({ id: stories.id, at: cursorInstant })
    .from(stories)
    .where(and(...conditions))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  const next = rows.length > f.limit && last ? encodeCursor([last.at, last.id]) : null;
  return { items: await apiStoriesByIds(page.map((r) => r.id), now), next };
}

/** One story by slug: the story, where an old slug now points, gone (trashed after publication) or missing. */
export async function getApiStory(slug: string, now: Date): Promise<{ kind: "story"; story: ApiStory } | { kind: "redirect"; slug: string } | { kind: "gone" } | { kind: "missing" }> {
  const found = await getPublicStory(slug, now);
  if (found.kind !== "story") return found;
  const [story] = await apiStoriesByIds([found.story.id], now);
  return story ? { kind: "story", story } : { kind: "missing" };
}

/**
 * Tags by slug, a page at a time: sections, and tags on at least one public story (a tag made
 * for an embargoed story must not announce it). @throws AppError bad_request for a bad cursor.
 */
export async function listApiTags(f: { cursor?: string; limit: number }, now: Date): Promise<{ items: ApiTag[]; next: string | null }> {
  const db = await getDb();
  const after = f.cursor ? (decodeCursor(f.cursor, ["string"])[0] as string) : null;
  const rows = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, isSection: tags.isSection, description: tags.description })
    .from(tags)
    .where(
      and(
        after !== null ? gt(tags.slug, after) : undefined,
        or(eq(tags.isSection, true), sql`exists (select 1 from ${storyTags} join ${stories} on ${stories.id} = ${storyTags.storyId} where ${storyTags.tagId} = ${tags.id} and ${isPublic(now)})`),
      ),
    )
    .orderBy(asc(tags.slug))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((t) => ({ ...tagRef(t), isSection: t.isSection, description: t.description })),
    next: rows.length > f.limit ? encodeCursor([page.at(-1)!.slug]) : null,
  };
}

/**
 * Bylines by slug, a page at a time: those on at least one public story (staff who have
 * published nothing yet are not listed). @throws AppError bad_request for a bad cursor.
 */
export async function listApiBylines(f: { cursor?: string; limit: number }, now: Date): Promise<{ items: ApiByline[]; next: string | null }> {
  const db = await getDb();
  const after = f.cursor ? (decodeCursor(f.cursor, ["string"])[0] as string) : null;
  const rows = await db
    .select({ id: bylines.id, slug: bylines.slug, name: bylines.name, title: bylines.jobTitle, bio: bylines.bio })
    .from(bylines)
    .where(
      and(
        after !== null ? gt(bylines.slug, after) : undefined,
        sql`exists (select 1 from ${storyBylines} join ${stories} on ${stories.id} = ${storyBylines.storyId} where ${storyBylines.bylineId} = ${bylines.id} and ${isPublic(now)})`,
      ),
    )
    .orderBy(asc(bylines.slug))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return {
    items: page.map((b) => ({ ...bylineRef(b), title: b.title, bio: b.bio })),
    next: rows.length > f.limit ? encodeCursor([page.at(-1)!.slug]) : null,
  };
}

/**
 * Public stories matching `q`, best first: the reader search's query rules (its spelling
 * fold, so Arabic-keyboard Dari finds Persian-letter copy) and ranking.
 */
export async function searchApiStories(q: string, limit: number, now: Date): Promise<{ items: ApiStory[]; total: number }> {
  const query = parseSearchQuery(q);
  if (query.kind !== "ok") return { items: [], total: 0 };
  const hits = await searchPublicStories({ text: query.text, now, limit, offset: 0 });
  return { items: await apiStoriesByIds(hits.items.map((h) => h.id), now), total: hits.total };
}

/**
 * `fn` through the reader data cache (lib/site/reader-cache.ts `cachedReaderData`): the
 * answers are the same for every key, and expire with the feeds on every change to what
 * readers see (saves, publications, scheduled instants), so the API is as fresh as the reader
 * pages. Only inside the Next server (NEXT_RUNTIME is set there); elsewhere (tests, scripts)
 * there is no Next cache and `fn` runs as it is. Each read takes the instant at which it runs.
 */
function readerCached<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return process.env.NEXT_RUNTIME ? cachedReaderData(name, fn) : fn;
}

/** The API's reads, cached as reader data (see readerCached). */
export const cachedApi = {
  stories: readerCached("api-stories", (f: StoryListFilters) => listApiStories(f, new Date())),
  story: readerCached("api-story", (slug: string) => getApiStory(slug, new Date())),
  tags: readerCached("api-tags", (page: { cursor?: string; limit: number }) => listApiTags(page, new Date())),
  bylines: readerCached("api-bylines", (page: { cursor?: string; limit: number }) => listApiBylines(page, new Date())),
  search: readerCached("api-search", (q: string, limit: number) => searchApiStories(q, limit, new Date())),
};
