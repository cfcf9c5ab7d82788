/**
 * Reader-side reads of stories, tags and bylines. Every query here filters with the one
 * visibility rule `isPublic(now)`; nothing returns a draft or a not-yet-due story.
 * Results are plain objects shaped for reader pages, never whole rows.
 * All list queries are paginated (embedded PGlite's WASM memory is capped at 4 GiB and never
 * shrinks).
 */
import "server-only";
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, ne, sql, notInArray, type SQL } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  storyBylines,
  storyRevisions,
  stories,
  storyTags,
  bylines,
  bylineRedirects,
  PUBLIC_NOTE_KINDS,
  slugRedirects,
  tagRedirects,
  tags,
  type StoryStatus,
} from "@/db/schema";
import type { LibraryPhoto } from "@/lib/media/body";
import { loadPhotos } from "@/lib/media/refs";
import { cutExcerpt } from "./excerpt";
import { rankRelated } from "./related";
import { isBreakingAt, isPublic } from "./visibility";

export interface TagRef {
  id: string;
  slug: string;
  name: string;
}

export interface BylineRef {
  id: string;
  slug: string;
  name: string;
}

/** A story as shown in lists, "Check Also" and the home page. */
export interface StoryCard {
  id: string;
  slug: string;
  title: string;
  dek: string;
  /** Hand-written excerpt, or the body cut at a word with "…". */
  excerpt: string;
  language: string;
  direction: "ltr" | "rtl";
  publishedAt: Date;
  /** The public "Last Updated On" instant (falls back to the publication instant). */
  lastUpdatedAt: Date;
  /** Breaking label showing at the time of the query. */
  breaking: boolean;
  /** A live blog whose coverage runs (its cards carry the "Live" label). */
  isLive: boolean;
  section: TagRef | null;
  bylines: BylineRef[];
  /** The featured photo, from the media library. */
  photo: LibraryPhoto | null;
}

/** A public note of an update, correction or clarification. */
export interface StoryNote {
  kind: "update" | "correction" | "clarification";
  note: string;
  at: Date;
}

/** A full story for its reader page. */
export interface PublicStory extends StoryCard {
  bodyHtml: string;
  /** Updates and corrections with their notes, oldest first. */
  notes: StoryNote[];
  tags: TagRef[];
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string | null;
  /** Set when the story is a live blog: when its coverage started and ended (null: still live). */
  live: { startedAt: Date; endedAt: Date | null } | null;
  /**
   * Its public versions in other languages (linked translations), in the order the group was
   * made: for the language switcher and hreflang. Never a version readers cannot see.
   */
  translations: StoryVersionRef[];
  /** True when the story was translated from another version (false for an original). */
  isTranslation: boolean;
  /** Its translation group (null: no linked versions). */
  translationGroupId: string | null;
}

/** A public language version of a story. */
export interface StoryVersionRef {
  language: string;
  slug: string;
  title: string;
  direction: "ltr" | "rtl";
  /** True for the version the others were translated from (the original). */
  original: boolean;
}

/** The columns a StoryCard is made from (with `toCards`). */
export const cardColumns = {
  id: stories.id,
  slug: stories.slug,
  title: stories.title,
  dek: stories.dek,
  excerpt: stories.excerpt,
  bodyText: stories.bodyText,
  language: stories.language,
  direction: stories.direction,
  publishedAt: stories.publishedAt,
  lastUpdatedAt: stories.lastUpdatedAt,
  isBreaking: stories.isBreaking,
  breakingUntil: stories.breakingUntil,
  primaryTagId: stories.primaryTagId,
  featuredMediaId: stories.featuredMediaId,
  isLiveBlog: stories.isLiveBlog,
  coverageEndedAt: stories.coverageEndedAt,
  translationGroupId: stories.translationGroupId,
};

type CardRow = {
  id: string;
  slug: string;
  title: string;
  dek: string;
  excerpt: string;
  bodyText: string;
  language: string;
  direction: "ltr" | "rtl";
  publishedAt: Date | null;
  lastUpdatedAt: Date | null;
  isBreaking: boolean;
  breakingUntil: Date | null;
  primaryTagId: string | null;
  featuredMediaId: string | null;
  isLiveBlog: boolean;
  coverageEndedAt: Date | null;
  /** Its translation group, where the query read it. */
  translationGroupId?: string | null;
};

/** A tag or byline as loaded, with its names in other languages. */
export type NamedRef = { id: string; slug: string; name: string; translations: Partial<Record<string, { name?: string }>> };

/** Refs named in `language` (a translated name where there is one, else the name). */
export function named(refs: NamedRef[] | undefined, language: string): { id: string; slug: string; name: string }[] {
  return (refs ?? []).map((r) => ({ id: r.id, slug: r.slug, name: r.translations[language]?.name || r.name }));
}

/**
 * Loads ordered bylines, tags (each with its names in other languages: a story's cards and
 * page name them in the story's language) and featured photos for a set of stories.
 */
async function loadRefs(ids: string[], photoIds: (string | null)[] = []) {
  const bylineMap = new Map<string, NamedRef[]>();
  const tagMap = new Map<string, NamedRef[]>();
  const loadingPhotos = loadPhotos(photoIds.filter((p): p is string => !!p));
  if (ids.length === 0) return { bylines: bylineMap, tags: tagMap, photos: await loadingPhotos };
  const db = await getDb();
  const [photos, bylineRows, tagRows] = await Promise.all([
    loadingPhotos,
    db
      .select({ storyId: storyBylines.storyId, id: bylines.id, slug: bylines.slug, name: bylines.name, translations: bylines.translations })
      .from(storyBylines)
      .innerJoin(bylines, eq(bylines.id, storyBylines.bylineId))
      .where(inArray(storyBylines.storyId, ids))
      .orderBy(storyBylines.storyId, storyBylines.position),
    db
      .select({ storyId: storyTags.storyId, id: tags.id, slug: tags.slug, name: tags.name, translations: tags.translations })
      .from(storyTags)
      .innerJoin(tags, eq(tags.id, storyTags.tagId))
      .where(inArray(storyTags.storyId, ids))
      .orderBy(storyTags.storyId, storyTags.position),
  ]);
  for (const { storyId, ...ref } of bylineRows) bylineMap.set(storyId, [...(bylineMap.get(storyId) ?? []), ref]);
  for (const { storyId, ...ref } of tagRows) tagMap.set(storyId, [...(tagMap.get(storyId) ?? []), ref]);
  return { bylines: bylineMap, tags: tagMap, photos };
}

/**
 * Whether a URL segment can be a slug at all. Anything else (control characters such as NUL,
 * which PostgreSQL refuses in text, or absurd lengths) is answered "missing" without a query.
 */
function isLookupSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && !/[\u0000-\u001f\u007f]/.test(slug) && slug.isWellFormed();
}

function toCard(row: CardRow, refs: Awaited<ReturnType<typeof loadRefs>>, now: Date): StoryCard {
  // Only public rows reach here, so publishedAt is set.
  const publishedAt = row.publishedAt as Date;
  const storyTags = named(refs.tags.get(row.id), row.language);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    excerpt: row.excerpt.trim() ? row.excerpt.trim() : cutExcerpt(row.bodyText),
    language: row.language,
    direction: row.direction,
    publishedAt,
    lastUpdatedAt: row.lastUpdatedAt ?? publishedAt,
    breaking: isBreakingAt(row, now),
    isLive: row.isLiveBlog && (row.coverageEndedAt === null || row.coverageEndedAt > now),
    section: storyTags.find((t) => t.id === row.primaryTagId) ?? storyTags[0] ?? null,
    bylines: named(refs.bylines.get(row.id), row.language),
    photo: row.featuredMediaId ? (refs.photos.get(row.featuredMediaId) ?? null) : null,
  };
}

/** Story cards, with bylines and tags, for rows selected with `cardColumns`. */
export async function toCards(rows: CardRow[], now: Date): Promise<StoryCard[]> {
  const refs = await loadRefs(rows.map((r) => r.id), rows.map((r) => r.featuredMediaId));
  return rows.map((r) => toCard(r, refs, now));
}

/** What cards show besides their own row (bylines, tags, photos), by story id and photo id. */
export type CardRefs = Awaited<ReturnType<typeof loadRefs>>;

/**
 * `toCards` in two steps, for callers that load the references while their rows are still
 * being read: `loadCardRefs(story ids, featured photo ids)`, then `cardsWithRefs`.
 */
export const loadCardRefs: (ids: string[], photoIds: (string | null)[]) => Promise<CardRefs> = loadRefs;

/** Cards for `rows` from references loaded with `loadCardRefs`. */
export function cardsWithRefs(rows: CardRow[], refs: CardRefs, now: Date): StoryCard[] {
  return rows.map((r) => toCard(r, refs, now));
}

export type StoryLookup = { kind: "story"; story: PublicStory } | { kind: "redirect"; slug: string } | { kind: "gone" } | { kind: "missing" };

/** Whether `slug` (current or old) names a trashed story that had been published. */
async function wasTrashedAfterPublication(db: Db, slug: string): Promise<boolean> {
  const trashedPublished = and(isNotNull(stories.trashedAt), isNotNull(stories.publishedAt));
  const [own] = await db.select({ id: stories.id }).from(stories).where(and(eq(stories.slug, slug), trashedPublished)).limit(1);
  if (own) return true;
  const [old] = await db
    .select({ id: stories.id })
    .from(slugRedirects)
    .innerJoin(stories, eq(stories.id, slugRedirects.storyId))
    .where(and(eq(slugRedirects.oldSlug, slug), trashedPublished))
    .limit(1);
  return old !== undefined;
}

/**
 * A public story by slug, or where an old slug now points.
 * @param slug the URL segment, already percent-decoded by the router.
 * @param now the instant of the request.
 * @returns `missing` for unknown, draft, unpublished and not-yet-due stories alike; `gone` for
 *   a story that had been published and is now in the trash, under its slug or an old one
 *   (HTTP 410: removed on purpose, RFC 9110 §15.5.11).
 */
export async function getPublicStory(slug: string, now: Date): Promise<StoryLookup> {
  if (!isLookupSlug(slug)) return { kind: "missing" };
  const db = await getDb();
  const [row] = await db.select(storyColumns).from(stories).where(and(eq(stories.slug, slug), isPublic(now))).limit(1);
  if (!row) {
    const [redirect] = await db
      .select({ slug: stories.slug })
      .from(slugRedirects)
      .innerJoin(stories, eq(stories.id, slugRedirects.storyId))
      .where(and(eq(slugRedirects.oldSlug, slug), isPublic(now)))
      .limit(1);
    if (redirect) return { kind: "redirect", slug: redirect.slug };
    return (await wasTrashedAfterPublication(db, slug)) ? { kind: "gone" } : { kind: "missing" };
  }
  return { kind: "story", story: await toPublicStory(row, now) };
}

/** The columns of a whole story page. */
const storyColumns = {
  ...cardColumns,
  bodyHtml: stories.bodyHtml,
  seoTitle: stories.seoTitle,
  seoDescription: stories.seoDescription,
  canonicalUrl: stories.canonicalUrl,
  isLiveBlog: stories.isLiveBlog,
  coverageStartedAt: stories.coverageStartedAt,
  coverageEndedAt: stories.coverageEndedAt,
  translatedFromId: stories.translatedFromId,
};

type StoryPageRow = CardRow & {
  translatedFromId: string | null;
  bodyHtml: string;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string | null;
  isLiveBlog: boolean;
  coverageStartedAt: Date | null;
  coverageEndedAt: Date | null;
};

/** A story page's data from its row: bylines, tags, photo and the public notes of its history. */
async function toPublicStory(row: StoryPageRow, now: Date): Promise<PublicStory> {
  const db = await getDb();
  const [refs, noteRows, versions] = await Promise.all([
    loadRefs([row.id], [row.featuredMediaId]),
    db
      .select({ kind: storyRevisions.kind, note: storyRevisions.note, at: storyRevisions.createdAt })
      .from(storyRevisions)
      .where(
        and(eq(storyRevisions.storyId, row.id), inArray(storyRevisions.kind, [...PUBLIC_NOTE_KINDS]), isNotNull(storyRevisions.note)),
      )
      .orderBy(storyRevisions.createdAt)
      .limit(50),
    row.translationGroupId != null
      ? db
          .select({ language: stories.language, slug: stories.slug, title: stories.title, direction: stories.direction, translatedFromId: stories.translatedFromId })
          .from(stories)
          .where(and(eq(stories.translationGroupId, row.translationGroupId), ne(stories.id, row.id), isPublic(now)))
          .orderBy(stories.createdAt)
          .limit(20)
      : [],
  ]);
  return {
    ...toCard(row, refs, now),
    bodyHtml: row.bodyHtml,
    notes: noteRows.map((n) => ({ kind: n.kind as StoryNote["kind"], note: n.note ?? "", at: n.at })),
    tags: named(refs.tags.get(row.id), row.language),
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    canonicalUrl: row.canonicalUrl,
    live: row.isLiveBlog ? { startedAt: row.coverageStartedAt ?? row.publishedAt ?? now, endedAt: row.coverageEndedAt } : null,
    isTranslation: row.translatedFromId !== null,
    translationGroupId: row.translationGroupId ?? null,
    translations: versions.map((v) => ({ language: v.language, slug: v.slug, title: v.title, direction: v.direction, original: v.translatedFromId === null })),
  };
}

/** A story as its preview shows it, with what the preview says about its state. */
export interface PreviewStory {
  /** The page's data; a story never published shows `now` as its dates. */
  story: PublicStory;
  status: StoryStatus;
  /** The publication instant it has or is scheduled for (null while a draft). */
  publishedAt: Date | null;
  /** The embargo, if the story has one. */
  embargoUntil: Date | null;
  createdBy: string | null;
  /** Set when this is a live story's pending changes: when they are scheduled to go out, if they are. */
  pendingChanges?: { applyAt: Date | null };
}

/**
 * A story's current saved state as its reader page would show it, whatever its status, for
 * previews. Callers decide who may see it (lib/stories/preview.ts). Trashed stories and
 * malformed ids are null.
 */
export async function getStoryForPreview(id: string, now: Date): Promise<PreviewStory | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...storyColumns, status: stories.status, createdBy: stories.createdBy, embargoUntil: stories.embargoUntil })
    .from(stories)
    .where(and(eq(stories.id, id), isNull(stories.trashedAt)))
    .limit(1);
  if (!row) return null;
  const { status, createdBy, embargoUntil, ...page } = row;
  const story = await toPublicStory({ ...page, publishedAt: page.publishedAt ?? now }, now);
  return { story, status, publishedAt: row.publishedAt, embargoUntil, createdBy };
}

/**
 * Which stories' languages a list takes: one edition's (`only`), or every language but the
 * other editions' (`except`, the default edition's). Absent: every language.
 */
export type LanguageScope = { only: string } | { except: string[] };

/** SQL condition of a language scope on stories (true when absent or excluding nothing). */
export function inLanguageScope(scope: LanguageScope | undefined): SQL | undefined {
  if (!scope) return undefined;
  if ("only" in scope) return eq(stories.language, scope.only);
  return scope.except.length ? notInArray(stories.language, scope.except) : undefined;
}

/** Whether a story in `language` is in `scope` (the JS twin of inLanguageScope). */
export function isInLanguageScope(language: string, scope: LanguageScope | undefined): boolean {
  if (!scope) return true;
  return "only" in scope ? language === scope.only : !scope.except.includes(language);
}

export interface StoryListOptions {
  now: Date;
  /** Only stories of one edition (lib/site/editions.ts `editionScope`). */
  scope?: LanguageScope;
  /**
   * Stories of this scope first (each part newest first), then the rest: a section or byline
   * page in an edition prefers its language without hiding the others.
   */
  prefer?: LanguageScope;
  limit: number;
  offset?: number;
  /** Only stories carrying this tag (any position). */
  tagId?: string;
  /** Only stories with this byline. */
  bylineId?: string;
  /** Only stories whose section (primary tag) is this tag. */
  sectionId?: string;
  excludeIds?: string[];
}

function listFilter(o: StoryListOptions) {
  const conditions = [isPublic(o.now)];
  const scoped = inLanguageScope(o.scope);
  if (scoped) conditions.push(scoped);
  if (o.tagId) {
    conditions.push(
      sql`exists (select 1 from ${storyTags} where ${storyTags.storyId} = ${stories.id} and ${storyTags.tagId} = ${o.tagId})`,
    );
  }
  if (o.bylineId) {
    conditions.push(
      sql`exists (select 1 from ${storyBylines} where ${storyBylines.storyId} = ${stories.id} and ${storyBylines.bylineId} = ${o.bylineId})`,
    );
  }
  if (o.sectionId) conditions.push(eq(stories.primaryTagId, o.sectionId));
  for (const id of o.excludeIds ?? []) conditions.push(ne(stories.id, id));
  return and(...conditions);
}

/** ORDER BY terms putting the stories of `prefer` first (none without it). */
function preferredFirst(prefer: LanguageScope | undefined): SQL[] {
  const inScope = inLanguageScope(prefer);
  return inScope ? [sql`(${inScope}) desc`] : [];
}

/**
 * Public stories, newest first (those of `prefer` first, when given), with the total for pagination.
 * @returns `items` (at most `limit`) and `total` matching stories.
 */
export async function listPublicStories(o: StoryListOptions): Promise<{ items: StoryCard[]; total: number }> {
  const db = await getDb();
  const where = listFilter(o);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(cardColumns)
      .from(stories)
      .where(where)
      .orderBy(...preferredFirst(o.prefer), desc(stories.publishedAt), desc(stories.id))
      .limit(Math.min(Math.max(o.limit, 1), 100))
      .offset(Math.max(o.offset ?? 0, 0)),
    db.select({ n: count() }).from(stories).where(where),
  ]);
  return { items: await toCards(rows, o.now), total: totalRow?.n ?? 0 };
}

/** How many stories are public at `now`. */
export async function countPublicStories(now: Date, scope?: LanguageScope): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(stories).where(and(isPublic(now), inLanguageScope(scope)));
  return row?.n ?? 0;
}

/** A story as a feed carries it: the card, its tags and its stored body HTML. */
export interface FeedStory extends StoryCard {
  bodyHtml: string;
  tags: TagRef[];
}

/**
 * Public stories for a feed, newest publication first (the same filter as listPublicStories).
 * @param o `limit` is capped at 100; no total is counted.
 */
export async function listFeedStories(o: StoryListOptions): Promise<FeedStory[]> {
  const db = await getDb();
  const rows = await db
    .select({ ...cardColumns, bodyHtml: stories.bodyHtml })
    .from(stories)
    .where(listFilter(o))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(Math.min(Math.max(o.limit, 1), 100));
  const refs = await loadRefs(rows.map((r) => r.id), rows.map((r) => r.featuredMediaId));
  return rows.map((r) => ({ ...toCard(r, refs, o.now), bodyHtml: r.bodyHtml, tags: named(refs.tags.get(r.id), r.language) }));
}

/** A story in the breaking-news bar. */
export interface BreakingStory {
  id: string;
  slug: string;
  title: string;
  language: string;
  direction: "ltr" | "rtl";
  /** When it leaves the bar (and its label goes). */
  breakingUntil: Date;
}

/**
 * The breaking-news bar at `now`: public stories marked breaking whose expiry is ahead,
 * newest first. One indexed read (partial index on is_breaking); every reader page shows it.
 */
export async function listBreakingStories(now: Date, limit = 3, scope?: LanguageScope): Promise<BreakingStory[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: stories.id, slug: stories.slug, title: stories.title, language: stories.language, direction: stories.direction, breakingUntil: stories.breakingUntil })
    .from(stories)
    // Through the column (not a raw sql param) so the driver encodes the Date as timestamptz.
    .where(and(isPublic(now), eq(stories.isBreaking, true), gt(stories.breakingUntil, now), inLanguageScope(scope)))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, breakingUntil: r.breakingUntil as Date }));
}

/**
 * The breaking-news bar as one comparable string, so a story change can tell whether it
 * altered the bar every reader page shows (lib/site/reader-cache.ts).
 */
export async function breakingBarKey(now: Date): Promise<string> {
  // Every edition's bar (each shows its own language's newest few).
  return JSON.stringify((await listBreakingStories(now, 30)).map((b) => [b.id, b.slug, b.title]));
}

/**
 * "Check Also": up to `limit` related public stories for a story (same section first, then
 * shared tags, then recency; never the story itself). Reads at most ~60 candidates.
 * @returns the cards, and `dependsOnNewest`: whether a story sharing no tag with this one
 *   could change the box (it was filled up with the newest stories, or is not full), for
 *   cache tagging (lib/site/reader-cache.ts). Otherwise only stories sharing a tag can.
 */
export async function listRelatedStories(
  story: { id: string; section: TagRef | null; tags: TagRef[]; language?: string; translationGroupId?: string | null },
  now: Date,
  limit = 3,
): Promise<{ stories: StoryCard[]; dependsOnNewest: boolean }> {
  const db = await getDb();
  const tagIds = story.tags.map((t) => t.id);
  const sharing =
    tagIds.length === 0
      ? []
      : await db
          .select(cardColumns)
          .from(stories)
          .where(
            and(
              isPublic(now),
              ne(stories.id, story.id),
              sql`exists (select 1 from ${storyTags} where ${storyTags.storyId} = ${stories.id} and ${inArray(storyTags.tagId, tagIds)})`,
            ),
          )
          .orderBy(desc(stories.publishedAt))
          .limit(50);
  // The newest stories, and the newest in the story's language (preferred when ranking), each
  // with room for the story's own translations, which are never shown.
  const room = limit + 1 + (story.translationGroupId ? 5 : 0);
  const recentOf = (language?: string) =>
    db
      .select(cardColumns)
      .from(stories)
      .where(and(isPublic(now), ne(stories.id, story.id), language ? eq(stories.language, language) : undefined))
      .orderBy(desc(stories.publishedAt))
      .limit(room);
  const [recent, recentInLanguage] = await Promise.all([recentOf(), story.language ? recentOf(story.language) : []]);
  const rows = [...sharing, ...recentInLanguage, ...recent];
  const refs = await loadRefs([...new Set(rows.map((r) => r.id))], rows.map((r) => r.featuredMediaId));
  const candidates = rows.map((r) => ({
    row: r,
    id: r.id,
    sectionId: r.primaryTagId,
    tagIds: (refs.tags.get(r.id) ?? []).map((t) => t.id),
    publishedAt: r.publishedAt as Date,
    language: r.language,
    groupId: r.translationGroupId ?? null,
  }));
  const ranked = rankRelated({ id: story.id, sectionId: story.section?.id ?? null, tagIds, language: story.language, groupId: story.translationGroupId ?? null }, candidates, limit);
  const dependsOnNewest = ranked.length < limit || ranked.some((c) => !c.tagIds.some((t) => tagIds.includes(t)));
  return { stories: ranked.map((c) => toCard(c.row, refs, now)), dependsOnNewest };
}

/**
 * The site's navigation: the tags an editor marked as sections (Tags screen), in their order,
 * those with a public story. Only an editor changes it: nothing is inferred from recent
 * stories, and an import marks no section (it proposes them in its report).
 */
export async function listNavSections(now: Date, limit = 8, language?: string): Promise<TagRef[]> {
  const marked = await listNavSectionsInAllLanguages(now, limit);
  // Named in the page's language where the section has a name in it.
  return language ? named(marked, language) : marked.map(({ id, slug, name }) => ({ id, slug, name }));
}

/** The navigation's sections (as listNavSections) with their names in every language they have one in. */
export async function listNavSectionsInAllLanguages(now: Date, limit = 8): Promise<NamedRef[]> {
  const db = await getDb();
  const marked = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, translations: tags.translations })
    .from(tags)
    .where(
      and(
        eq(tags.isSection, true),
        sql`exists (select 1 from ${storyTags} inner join ${stories} on ${stories.id} = ${storyTags.storyId} where ${storyTags.tagId} = ${tags.id} and ${isPublic(now)})`,
      ),
    )
    .orderBy(tags.sectionOrder, tags.name)
    .limit(limit);
  return marked;
}

/**
 * The header's section menu as one comparable string (ids and names in order), so a change
 * can tell whether it altered the menu every reader page shows (lib/site/reader-cache.ts).
 */
export async function navSectionsKey(now: Date): Promise<string> {
  // With the names in every language: each edition's menu names the sections in its own.
  const db = await getDb();
  const names = new Map((await db.select({ id: tags.id, translations: tags.translations }).from(tags).where(eq(tags.isSection, true))).map((t) => [t.id, t.translations]));
  return JSON.stringify((await listNavSections(now)).map((t) => [t.id, t.name, t.slug, names.get(t.id) ?? {}]));
}

/**
 * Where a renamed or merged tag's old slug points now, or null. Like the tag page itself, only
 * for a tag with a public story: a redirect must not reveal a draft-only tag's new name.
 */
export async function getTagRedirect(slug: string, now: Date): Promise<string | null> {
  if (!isLookupSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ slug: tags.slug })
    .from(tagRedirects)
    .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
    .where(
      and(
        eq(tagRedirects.oldSlug, slug),
        sql`exists (select 1 from ${storyTags} inner join ${stories} on ${stories.id} = ${storyTags.storyId} where ${storyTags.tagId} = ${tags.id} and ${isPublic(now)})`,
      ),
    )
    .limit(1);
  return row?.slug ?? null;
}

/** Home-page blocks: the first `sections` sections of the navigation, in its order, each with its newest stories (a section with none of its own is left out). */
export async function listSectionBlocks(
  now: Date,
  { sections = 4, perSection = 3, excludeIds = [] as string[], scope, language }: { sections?: number; perSection?: number; excludeIds?: string[]; scope?: LanguageScope; language?: string } = {},
): Promise<{ section: TagRef; stories: StoryCard[] }[]> {
  const marked = await listNavSections(now, sections, language);
  const blocks = await Promise.all(
    marked.map(async (section) => ({
      section,
      stories: (await listPublicStories({ now, limit: perSection, sectionId: section.id, excludeIds, scope })).items,
    })),
  );
  return blocks.filter((b) => b.stories.length > 0);
}

export interface TagPage {
  id: string;
  slug: string;
  name: string;
  description: string;
}

/**
 * A tag by slug, only when at least one public story carries it: a tag made for a draft must
 * not reveal the draft's subject on a public page.
 */
export async function getTagBySlug(slug: string, now: Date, language?: string): Promise<TagPage | null> {
  if (!isLookupSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: tags.id, slug: tags.slug, name: tags.name, description: tags.description, translations: tags.translations })
    .from(tags)
    .where(
      and(
        eq(tags.slug, slug),
        sql`exists (select 1 from ${storyTags} inner join ${stories} on ${stories.id} = ${storyTags.storyId} where ${storyTags.tagId} = ${tags.id} and ${isPublic(now)})`,
      ),
    )
    .limit(1);
  if (!row) return null;
  const own = language ? row.translations[language] : undefined;
  return { id: row.id, slug: row.slug, name: own?.name || row.name, description: own?.description || row.description };
}

/** The columns of a byline's public profile, for every query that shows one. */
export const BYLINE_PROFILE = {
  id: bylines.id,
  slug: bylines.slug,
  name: bylines.name,
  jobTitle: bylines.jobTitle,
  bio: bylines.bio,
  photoUrl: bylines.photoUrl,
};

/** A byline's public profile (name, job title, bio, photo) and its address. */
export interface BylinePage {
  id: string;
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  photoUrl: string | null;
}

/** Where a renamed or merged byline's old slug points now (a byline readers may see), or null. */
export async function getBylineRedirect(slug: string, now: Date): Promise<string | null> {
  if (!isLookupSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ slug: bylines.slug })
    .from(bylineRedirects)
    .innerJoin(bylines, eq(bylines.id, bylineRedirects.bylineId))
    .where(and(eq(bylineRedirects.oldSlug, slug), hasPublicStory(now)))
    .limit(1);
  return row?.slug ?? null;
}

/** Bylines readers may see: those on at least one public story (no staff list before they publish). */
function hasPublicStory(now: Date) {
  return sql`exists (select 1 from ${storyBylines} inner join ${stories} on ${stories.id} = ${storyBylines.storyId} where ${storyBylines.bylineId} = ${bylines.id} and ${isPublic(now)})`;
}

/** A byline's public profile by slug, when it is on at least one public story. */
export async function getBylineBySlug(slug: string, now: Date): Promise<BylinePage | null> {
  if (!isLookupSlug(slug)) return null;
  const db = await getDb();
  const [row] = await db
    .select(BYLINE_PROFILE)
    .from(bylines)
    .where(and(eq(bylines.slug, slug), hasPublicStory(now)))
    .limit(1);
  return row ?? null;
}
