/**
 * Paginated story lists of reader pages (latest stories, a tag, a byline): the route's slug and
 * page number resolved, one page of stories loaded, and the page drawn. Server-only code: reader
 * pages ship no client components.
 */
import { notFound, permanentRedirect } from "next/navigation";
import { listPublicStories, type StoryCard, type StoryListOptions } from "@/lib/stories/queries";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { pageCount } from "@/lib/site/pagination";
import { decodeSegment, getReaderContext, type ReaderContext } from "@/lib/site/reader";
import type { SiteSettings } from "@/lib/site/settings";
import { Pagination } from "./story-bits";
import { StoryList } from "./story-list";

/** Stories per list page. */
export const LIST_PAGE_SIZE = 20;

/** The params of a `[slug]/[[...page]]` route: `page` is absent or `["page", "N"]`. */
export type SlugListParams = Promise<{ slug: string; page?: string[] }>;

/** Finds the public record a slug names at `now`, or null. */
type Lookup<T> = (slug: string, now: Date) => Promise<T | null>;

/**
 * For metadata: the record the slug names (null when unknown or malformed; old slugs are not
 * followed), the page number (1 when the path is no list page) and the reader context.
 */
export async function readSlugList<T>(params: SlugListParams, find: Lookup<T>): Promise<ReaderContext & { record: T | null; page: number }> {
  const { slug, page: rest } = await params;
  const decoded = decodeSegment(slug);
  const context = await getReaderContext();
  return { ...context, record: decoded ? await find(decoded, context.now) : null, page: pageFromRest(rest) ?? 1 };
}

/**
 * For the page: the record the slug names and the page number. A path that is no list page,
 * a malformed slug or an unknown one is a 404 (`notFound`); a slug the record used to have
 * redirects permanently (308) to `${prefix}/${current slug}`, so old links keep working.
 */
export async function resolveSlugList<T>(
  params: SlugListParams,
  { find, findMoved, prefix }: { find: Lookup<T>; findMoved: (slug: string, now: Date) => Promise<string | null>; prefix: string },
): Promise<ReaderContext & { record: T; page: number }> {
  const { slug, page: rest } = await params;
  const page = pageFromRest(rest);
  const decoded = decodeSegment(slug);
  if (page === null || decoded === null) notFound();
  const context = await getReaderContext();
  const record = await find(decoded, context.now);
  if (!record) {
    const moved = await findMoved(decoded, context.now);
    if (moved) permanentRedirect(`${prefix}/${moved}`);
    notFound();
  }
  return { ...context, record, page };
}

/**
 * Page `page` (from 1) of the public stories at `now` matching `filter`, newest first, and the
 * number of pages. A page past the last one (other than page 1) is a 404 (`notFound`).
 */
export async function loadStoryListPage(
  now: Date,
  page: number,
  filter: Pick<StoryListOptions, "tagId" | "bylineId"> = {},
): Promise<{ items: StoryCard[]; pages: number }> {
  const { items, total } = await listPublicStories({ now, limit: LIST_PAGE_SIZE, offset: (page - 1) * LIST_PAGE_SIZE, ...filter });
  if (page > 1 && items.length === 0) notFound();
  return { items, pages: pageCount(total, LIST_PAGE_SIZE) };
}

/**
 * A list page: `header`, the stories (or `emptyText` when there are none), then links to the
 * pages around this one, page 1 at `base` and page N at `base/page/N`.
 */
export function StoryListPage({
  header,
  emptyText,
  list,
  page,
  base,
  settings,
}: {
  header: React.ReactNode;
  emptyText: string;
  list: { items: StoryCard[]; pages: number };
  page: number;
  base: string;
  settings: Pick<SiteSettings, "timeZone" | "locale">;
}) {
  return (
    <section className="mx-auto max-w-3xl">
      {header}
      {list.items.length === 0 ? (
        <p className="text-neutral-600">{emptyText}</p>
      ) : (
        <StoryList stories={list.items} timeZone={settings.timeZone} siteLocale={settings.locale} />
      )}
      <Pagination page={page} pages={list.pages} hrefFor={(n) => listPageHref(base, n)} />
    </section>
  );
}
