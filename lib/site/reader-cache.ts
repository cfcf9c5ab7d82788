/**
 * Caching of everything readers see, and its expiry (DESIGN.md "Caching and speed").
 *
 * Reader pages are cached by Next (ISR). Besides the tags Next gives every page from its path,
 * each page carries tags naming the lists it shows (`tagReaderPage`):
 * - `t:<tag id>`: a section or tag page, and a story page whose "Check Also" comes from stories
 *   sharing that tag;
 * - `b:<byline id>`: a byline page;
 * - `recent`: everything that lists the newest stories (home, latest, search, a "Check Also"
 *   that fell back to the newest stories).
 * A change to one story (`expireStoryCaches`) expires its own page and old slugs, those tags
 * before and after the change, `recent`, and the feeds and sitemaps; other story pages stay
 * cached. Site-wide changes (settings, tag and byline renames, photo credits, imports,
 * scheduled instants) expire everything (`expireReaderCaches`).
 *
 * Feeds and sitemaps are cached data (`cachedReaderData`) under one tag, expired on every
 * change: they are cheap to rebuild and nearly every change touches them.
 */
import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";
import type { ReaderFootprint } from "@/lib/articles/footprint";

/** The tag on every cached reader document. */
export const READER_DATA_TAG = "reader-data";

/** Backstop lifetime, as for reader pages (DESIGN.md "Caching and speed"): at most 60 s. */
export const READER_DATA_REVALIDATE_SECONDS = 60;

/** Pages that list the newest stories. */
export const RECENT_TAG = "recent";
/** Pages that list the stories of a tag or section. */
export const tagListTag = (tagId: string) => `t:${tagId}`;
/** Pages that list the stories of a byline. */
export const bylineListTag = (bylineId: string) => `b:${bylineId}`;

/**
 * Wraps `fn` in Next's data cache under READER_DATA_TAG, keyed by `name` and the arguments.
 * The result must be JSON-serialisable (Dates come back as strings, so return strings).
 */
export function cachedReaderData<Args extends unknown[], R>(name: string, fn: (...args: Args) => Promise<R>): (...args: Args) => Promise<R> {
  return unstable_cache(fn, [name], { tags: [READER_DATA_TAG], revalidate: READER_DATA_REVALIDATE_SECONDS });
}

const noteTags = (tags: string[]) => unstable_cache(async () => true, ["reader-page-tags", ...tags], { tags, revalidate: READER_DATA_REVALIDATE_SECONDS });

/**
 * Tags the reader page being rendered with the lists it shows (see above). Next gives a cached
 * page the tags of the data-cache reads made while rendering it; this is such a read, of
 * nothing. Call once per render with every tag, from the page component.
 */
export async function tagReaderPage(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].sort();
  if (unique.length > 0) await noteTags(unique)();
}

/**
 * Expires every cached reader page and document at once (not stale-while-revalidate: a
 * correction or takedown must not be served again). Call inside a request: a route handler
 * or a server action.
 */
export function expireReaderCaches(): void {
  revalidatePath("/", "layout");
  revalidateTag(READER_DATA_TAG, { expire: 0 });
}

/**
 * Expires what one story change can alter (see above): its page under every slug it has had,
 * the lists of its tags and bylines (before and after the change), the newest-stories lists,
 * and the feeds and sitemaps. At once, like `expireReaderCaches`.
 */
export function expireStoryCaches(footprint: ReaderFootprint): void {
  for (const slug of footprint.slugs) revalidatePath(`/news/${slug}`);
  // First pages by address too: one that was a 404 (no public story yet) carries no list tag.
  for (const slug of footprint.tagSlugs) revalidatePath(`/tag/${slug}`);
  for (const slug of footprint.bylineSlugs) revalidatePath(`/author/${slug}`);
  for (const tag of [RECENT_TAG, READER_DATA_TAG, ...footprint.tagIds.map(tagListTag), ...footprint.bylineIds.map(bylineListTag)]) {
    revalidateTag(tag, { expire: 0 });
  }
}
