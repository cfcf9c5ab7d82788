/**
 * Sitemaps (sitemaps.org protocol 0.9, Google's sitemap and News sitemap documentation),
 * written with the `sitemap` package:
 * - `/sitemap.xml`: a sitemap index of child sitemaps;
 * - `/sitemaps/stories-N.xml`: public stories, oldest first, SITEMAP_PAGE_SIZE per file (the
 *   protocol allows 50,000), so old files stay unchanged as stories are added; a story with
 *   public translations lists them as `xhtml:link` hreflang alternates (lib/seo/alternates.ts);
 * - `/sitemaps/tags-N.xml`, `/sitemaps/authors-N.xml`: tag and byline pages readers can see;
 * - `/sitemaps/pages.xml`: home, latest, about;
 * - `/news-sitemap.xml`: stories published in the last 48 hours (at most 1,000), with the
 *   publication's name and the story's language, as Google News asks.
 * `lastmod` is always the public "Last Updated On" instant (ISO 8601, UTC), never the time of
 * the request. Every list goes through `isPublic(now)`.
 */
import "server-only";
import { Readable } from "node:stream";
import { and, asc, countDistinct, desc, eq, gt, isNotNull, max, sql } from "drizzle-orm";
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from "sitemap";
import { getDb } from "@/db";
import { storyBylines, stories, storyTags, bylines, tags } from "@/db/schema";
import { isPublic } from "@/lib/stories/visibility";
import { siteUrl } from "@/lib/env";
import type { TextDocument } from "@/lib/site/conditional-get";
import { getSiteSettings } from "@/lib/site/settings";
import { hreflangAlternates, type AlternateVersion } from "./alternates";

/** URLs per child sitemap. The protocol's limit is 50,000 URLs (and 50 MB). */
export const SITEMAP_PAGE_SIZE = 10_000;

/** Google News: stories of the last two days, at most 1,000 per sitemap. */
export const NEWS_SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
const NEWS_SITEMAP_MAX = 1000;

export type SitemapChild = { kind: "stories" | "tags" | "authors"; page: number } | { kind: "pages" };

/** Parses a child sitemap's file name ("stories-2.xml", "pages.xml"). @returns null for anything else. */
export function parseSitemapFile(file: string): SitemapChild | null {
  if (file === "pages.xml") return { kind: "pages" };
  const m = /^(stories|tags|authors)-([1-9][0-9]{0,5})\.xml$/.exec(file);
  return m ? { kind: m[1] as "stories" | "tags" | "authors", page: Number(m[2]) } : null;
}

/** The path of a child sitemap. */
export function sitemapChildPath(child: SitemapChild): string {
  return child.kind === "pages" ? "/sitemaps/pages.xml" : `/sitemaps/${child.kind}-${child.page}.xml`;
}

const lastmod = sql`coalesce(${stories.lastUpdatedAt}, ${stories.publishedAt})`;

async function render(stream: SitemapStream | SitemapIndexStream, items: SitemapItemLoose[] | { url: string; lastmod?: string }[]): Promise<string> {
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString("utf8");
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);
const newest = (dates: (Date | null | undefined)[]) =>
  dates.reduce<Date | null>((m, d) => (d && (!m || d > m) ? d : m), null);

/**
 * Every public story that has translations: its group, and each group's public language
 * versions, for hreflang (`xhtml:link` in the sitemap: every version lists every version,
 * itself included). One read of the partial index on `translation_group_id`: it grows with
 * the translated stories, not the archive.
 */
async function publicTranslations(now: Date, origin: string): Promise<{ byStory: Map<string, string>; versions: Map<string, AlternateVersion[]> }> {
  const db = await getDb();
  const rows = await db
    .select({ id: stories.id, groupId: stories.translationGroupId, language: stories.language, slug: stories.slug, translatedFromId: stories.translatedFromId })
    .from(stories)
    .where(and(isNotNull(stories.translationGroupId), isPublic(now)))
    .orderBy(asc(stories.createdAt));
  const byStory = new Map<string, string>();
  const versions = new Map<string, AlternateVersion[]>();
  for (const r of rows) {
    byStory.set(r.id, r.groupId!);
    const list = versions.get(r.groupId!) ?? [];
    list.push({ language: r.language, url: `${origin}/news/${encodeURIComponent(r.slug)}`, original: r.translatedFromId === null });
    versions.set(r.groupId!, list);
  }
  return { byStory, versions };
}

/** Bylines (or tags) with public stories, and the newest public date among them. */
function linkedTable(kind: "tags" | "authors") {
  return kind === "tags"
    ? { table: tags, id: tags.id, slug: tags.slug, join: storyTags, joinId: storyTags.tagId, joinStory: storyTags.storyId }
    : { table: bylines, id: bylines.id, slug: bylines.slug, join: storyBylines, joinId: storyBylines.bylineId, joinStory: storyBylines.storyId };
}

/**
 * The sitemap index at `now`.
 * @param pageSize URLs per child (tests use small pages).
 */
export async function loadSitemapIndex(now: Date, pageSize = SITEMAP_PAGE_SIZE): Promise<TextDocument> {
  const db = await getDb();
  const origin = siteUrl();
  // Stories: the newest date within each page of the oldest-first order.
  const numbered = db
    .select({
      lm: sql`${lastmod}`.mapWith(stories.publishedAt).as("lm"),
      rn: sql<number>`row_number() over (order by ${stories.publishedAt}, ${stories.id}) - 1`.as("rn"),
    })
    .from(stories)
    .where(isPublic(now))
    .as("numbered");
  const storyPages = await db
    .select({ page: sql<number>`(${numbered.rn} / ${pageSize})::int`.mapWith(Number), lm: max(numbered.lm).mapWith(stories.publishedAt) })
    .from(numbered)
    .groupBy(sql`1`)
    .orderBy(sql`1`);

  const children: { url: string; lastmod?: string }[] = [];
  const siteNewest = newest(storyPages.map((p) => p.lm));
  children.push({ url: origin + sitemapChildPath({ kind: "pages" }), lastmod: iso(siteNewest) });
  for (const p of storyPages) children.push({ url: origin + sitemapChildPath({ kind: "stories", page: p.page + 1 }), lastmod: iso(p.lm) });
  for (const kind of ["tags", "authors"] as const) {
    const t = linkedTable(kind);
    const [row] = await db
      .select({ n: countDistinct(t.id), lm: max(lastmod).mapWith(stories.publishedAt) })
      .from(t.table)
      .innerJoin(t.join, eq(t.joinId, t.id))
      .innerJoin(stories, eq(stories.id, t.joinStory))
      .where(isPublic(now));
    const pages = Math.ceil((row?.n ?? 0) / pageSize);
    for (let page = 1; page <= pages; page++) children.push({ url: origin + sitemapChildPath({ kind, page }), lastmod: iso(row?.lm) });
  }
  return { body: await render(new SitemapIndexStream(), children), lastModified: iso(siteNewest) ?? null };
}

/**
 * One child sitemap at `now`.
 * @returns null when the page is beyond the last one (the route answers 404).
 */
export async function loadSitemapChild(child: SitemapChild, now: Date, pageSize = SITEMAP_PAGE_SIZE): Promise<TextDocument | null> {
  const db = await getDb();
  const origin = siteUrl();
  let items: SitemapItemLoose[];
  if (child.kind === "pages") {
    const [row] = await db.select({ lm: max(lastmod).mapWith(stories.publishedAt) }).from(stories).where(isPublic(now));
    items = [
      { url: `${origin}/`, lastmod: iso(row?.lm) },
      { url: `${origin}/latest`, lastmod: iso(row?.lm) },
      { url: `${origin}/about` },
    ];
  } else if (child.kind === "stories") {
    const rows = await db
      .select({ id: stories.id, slug: stories.slug, lm: sql`${lastmod}`.mapWith(stories.publishedAt) })
      .from(stories)
      .where(isPublic(now))
      .orderBy(asc(stories.publishedAt), asc(stories.id))
      .limit(pageSize)
      .offset((child.page - 1) * pageSize);
    // Read apart, so the page's read stays an index-only scan (the index carries slug and dates).
    const { byStory, versions: groups } = await publicTranslations(now, origin);
    const { defaultLanguage } = await getSiteSettings();
    items = rows.map((r) => {
      const groupId = byStory.get(r.id);
      const versions = groupId ? (groups.get(groupId) ?? []) : [];
      const alternates = hreflangAlternates(versions, defaultLanguage);
      const links = Object.keys(alternates).length > 1 ? Object.entries(alternates).map(([lang, url]) => ({ lang, url })) : undefined;
      return { url: `${origin}/news/${encodeURIComponent(r.slug)}`, lastmod: iso(r.lm as Date), ...(links ? { links } : {}) };
    });
  } else {
    const t = linkedTable(child.kind);
    const rows = await db
      .select({ slug: t.slug, lm: max(lastmod).mapWith(stories.publishedAt) })
      .from(t.table)
      .innerJoin(t.join, eq(t.joinId, t.id))
      .innerJoin(stories, eq(stories.id, t.joinStory))
      .where(isPublic(now))
      .groupBy(t.id, t.slug)
      .orderBy(asc(t.slug))
      .limit(pageSize)
      .offset((child.page - 1) * pageSize);
    const base = child.kind === "tags" ? "tag" : "author";
    items = rows.map((r) => ({ url: `${origin}/${base}/${encodeURIComponent(r.slug)}`, lastmod: iso(r.lm) }));
  }
  if (items.length === 0 && !(child.kind !== "pages" && child.page === 1)) return null;
  const body = await render(new SitemapStream(), items);
  return { body, lastModified: iso(newest(items.map((i) => (i.lastmod ? new Date(i.lastmod) : null)))) ?? null };
}

/** The Google News sitemap at `now`: public stories first published in the last 48 hours. */
export async function loadNewsSitemap(now: Date): Promise<TextDocument> {
  const db = await getDb();
  const origin = siteUrl();
  const settings = await getSiteSettings();
  const since = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS);
  const rows = await db
    .select({ slug: stories.slug, title: stories.title, language: stories.language, publishedAt: stories.publishedAt, lm: sql`${lastmod}`.mapWith(stories.publishedAt) })
    .from(stories)
    .where(and(isPublic(now), gt(stories.publishedAt, since)))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(NEWS_SITEMAP_MAX);
  const items: SitemapItemLoose[] = rows.map((r) => ({
    url: `${origin}/news/${encodeURIComponent(r.slug)}`,
    lastmod: iso(r.lm as Date),
    news: {
      publication: { name: settings.siteName, language: r.language },
      publication_date: iso(r.publishedAt) as string,
      title: r.title,
    },
  }));
  const body = await render(new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } }), items);
  return { body, lastModified: iso(newest(rows.map((r) => r.lm as Date))) ?? null };
}
