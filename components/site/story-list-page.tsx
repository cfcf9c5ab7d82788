/**
 * Paginated story lists of reader pages (latest stories, a tag, a byline): the route's slug and
 * page number resolved, one page of stories loaded, and the page drawn. Server-only code: reader
 * pages ship no client code.
 */
import { listPublicStories, type StoryCard, type StoryListOptions } from "@/lib/stories/queries";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { pageCount } from "@/lib/site/pagination";
import { decodeSegment, editionPrefixer, type ReaderContext } from "@/lib/site/reader";
import { tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { t } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";
import type { PageMeta } from "@/lib/seo/metadata";
import type { SiteSettings } from "@/lib/site/settings";
import { notFoundPage, redirectTo, type ReaderPage } from "./render";
import { Pagination, StoryListItem } from "./story-bits";
import { StoryList } from "./story-list";

/** Stories per list page. */
export const LIST_PAGE_SIZE = 20;

/** The params of a `[slug]/[[...page]]` route: `page` is absent or `["page", "N"]`. */
export type SlugListParams = { slug: string; page?: string[] };

/** Finds the public record a slug names at `now`, or null. */
type Lookup<T> = (slug: string, now: Date) => Promise<T | null>;

/**
 * The record a list route's slug names and the page number, or the answer when there is none:
 * a path that is no list page, a malformed slug or an unknown one is not found; a slug the
 * record used to have redirects permanently (308) to `${prefix}/${current slug}`, so old links
 * keep working.
 */
export async function resolveSlugList<T>(
  { slug, page: rest }: SlugListParams,
  now: Date,
  { find, findMoved, prefix }: { find: Lookup<T>; findMoved: (slug: string, now: Date) => Promise<string | null>; prefix: string },
): Promise<{ record: T; page: number } | ReaderPage> {
  const page = pageFromRest(rest);
  const decoded = decodeSegment(slug);
  if (page === null || decoded === null) return notFoundPage;
  const record = await find(decoded, now);
  if (record) return { record, page };
  const moved = await findMoved(decoded, now);
  return moved ? redirectTo(`${prefix}/${moved}`) : notFoundPage;
}

/**
 * Page `page` (from 1) of the public stories at `now` matching `filter`, newest first, and the
 * number of pages; null for a page past the last one (other than page 1, which may be empty).
 */
export async function loadStoryListPage(
  now: Date,
  page: number,
  filter: Pick<StoryListOptions, "tagId" | "bylineId" | "excludeIds" | "scope" | "prefer"> = {},
): Promise<{ items: StoryCard[]; pages: number } | null> {
  const { items, total } = await listPublicStories({ now, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE, ...filter });
  if (page > 1 && items.length === 0) return null;
  return { items, pages: pageCount(total, LIST_PAGE_SIZE) };
}

/**
 * A list page: `header`, the lead an editor pinned (page 1 only), the stories (or `emptyText`
 * when there are none), then links to the pages around this one, page 1 at `base` and page N
 * at `base/page/N`.
 */
export function StoryListPage({
  header,
  emptyText,
  list,
  page,
  base,
  settings,
  underSectionId,
  now,
  prefixOf,
  lead,
  language,
}: {
  /** The language of the page's own words (lib/site/chrome-language.ts). */
  language: string;
  /** The story an editor pinned to lead the page (shown on page 1, above the list). */
  lead?: StoryCard | null;
  /** A section's own page: its label is not repeated on every card. */
  underSectionId?: string;
  header: React.ReactNode;
  emptyText: string;
  list: { items: StoryCard[]; pages: number };
  page: number;
  base: string;
  settings: Pick<SiteSettings, "timeZone" | "locale">;
  /** The render's instant (today's stories show their time of day). */
  now?: Date;
  /** Per story language, its edition's prefix (section links). */
  prefixOf?: (language: string) => string;
}) {
  return (
    <section className="mx-auto max-w-3xl">
      {header}
      {lead && page === 1 ? (
        <section aria-label={t(language, "list.leadStory")} data-testid="section-lead" className="mb-8 border-b border-neutral-200 pb-8">
          <StoryListItem story={lead} timeZone={settings.timeZone} siteLocale={settings.locale} size="lg" underSectionId={underSectionId} now={now} prefixOf={prefixOf} />
        </section>
      ) : null}
      {list.items.length === 0 && !(lead && page === 1) ? (
        <p className="text-neutral-600">{emptyText}</p>
      ) : (
        <StoryList stories={list.items} timeZone={settings.timeZone} siteLocale={settings.locale} underSectionId={underSectionId} now={now} prefixOf={prefixOf} />
      )}
      <Pagination page={page} pages={list.pages} hrefFor={(n) => listPageHref(base, n)} language={language} />
    </section>
  );
}

/**
 * A record's story list page (a tag's, a byline's) at `params`, at the context's instant: the
 * record found by slug (or a 308 from an old slug, or not found), the page cached under
 * `cacheTag` (lib/site/reader-cache.ts), one page of its stories (not found past the last),
 * and what `describe` says of it: head, header and the text for an empty list. With `lead`,
 * the story it answers leads page 1 and is left out of the list on every page.
 */
export async function recordListPage<T extends { slug: string }>(
  context: ReaderContext,
  params: SlugListParams,
  o: {
    find: Lookup<T>;
    findMoved: (slug: string, now: Date) => Promise<string | null>;
    prefix: string;
    cacheTag: (record: T) => string;
    filter: (record: T) => Pick<StoryListOptions, "tagId" | "bylineId">;
    /** Head, header and empty-list text of the record's page; `language` is the page's chrome language. */
    describe: (record: T, at: { origin: string; path: string; language: string }) => { meta: PageMeta; header: React.ReactNode; emptyText: string };
    /** The story an editor pinned to lead the record's page at `now`, or null. */
    lead?: (record: T, now: Date) => Promise<StoryCard | null>;
  },
): Promise<ReaderPage> {
  const { now, settings } = context;
  const resolved = await resolveSlugList(params, now, o);
  if ("kind" in resolved) return resolved;
  const { record, page } = resolved;
  await tagReaderPage([o.cacheTag(record)]);
  const filter = o.filter(record);
  const lead = o.lead ? await o.lead(record, now) : null;
  // The page's edition's stories first, then the others (a section in another language's edition).
  const preferred = { ...filter, prefer: context.scope };
  const list = await loadStoryListPage(now, page, lead ? { ...preferred, excludeIds: [lead.id] } : preferred);
  if (!list) return notFoundPage;
  const base = `${o.prefix}/${record.slug}`;
  const language = chromeLanguageOf(settings);
  const { meta, header, emptyText } = o.describe(record, { origin: siteUrl(), path: listPageHref(base, page), language });
  return {
    kind: "page",
    language,
    meta,
    body: <StoryListPage list={list} page={page} base={base} settings={settings} emptyText={emptyText} header={header} underSectionId={filter.tagId} lead={lead} now={now} language={language} prefixOf={editionPrefixer(context)} />,
  };
}

