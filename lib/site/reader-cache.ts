/**
 * Caching of everything readers see, and its expiry: the tags, the cached reader data, and
 * the two expiry entry points desk actions call once per change: `changeStory` (one story
 * saved, deleted or restored) and `expireAfterSiteChange` (settings, tags, bylines, photo
 * details). Imports and the publication timer run outside a request and expire through the
 * internal route only (lib/publishing/scheduler.ts). The lifetimes are in
 * lib/site/http-cache.ts.
 *
 * Reader pages are cached by Next (ISR). Besides the tags Next gives every page from its path,
 * each page carries tags naming the lists it shows (`tagReaderPage`):
 * - `t:<tag id>`: a section or tag page, and a story page whose "Check Also" comes from stories
 *   sharing that tag;
 * - `b:<byline id>`: a byline page;
 * - `ls:<slug>`: the older pages of a live blog's entries;
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
import type { ReaderFootprint } from "@/lib/stories/footprint";
import { breakingBarKey, navSectionsKey } from "@/lib/stories/queries";
import { expireReaderPagesNow } from "@/lib/publishing/scheduler";
import { READER_DATA_REVALIDATE_SECONDS } from "./http-cache";

/** The tag on every cached reader document. */
export const READER_DATA_TAG = "reader-data";

/** Pages that list the newest stories. */
export const RECENT_TAG = "recent";
/** Pages that list the stories of a tag or section. */
export const tagListTag = (tagId: string) => `t:${tagId}`;
/** Pages that list the stories of a byline. */
export const bylineListTag = (bylineId: string) => `b:${bylineId}`;
/** A live blog's older pages of entries, by the story's slug (expired with the story's page). */
export const liveListTag = (slug: string) => `ls:${slug}`;

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
  // A live blog's older pages; its updates endpoint and feeds are reader data (below).
  for (const slug of footprint.slugs) revalidateTag(liveListTag(slug), { expire: 0 });
  // First pages by address too: one that was a 404 (no public story yet) carries no list tag.
  for (const slug of footprint.tagSlugs) revalidatePath(`/tag/${slug}`);
  for (const slug of footprint.bylineSlugs) revalidatePath(`/author/${slug}`);
  for (const tag of [RECENT_TAG, READER_DATA_TAG, ...footprint.tagIds.map(tagListTag), ...footprint.bylineIds.map(bylineListTag)]) {
    revalidateTag(tag, { expire: 0 });
  }
}

/** What every reader page shows around its content: the section menu and the breaking-news bar. */
async function shellKey(now: Date): Promise<string> {
  const [menu, bar] = await Promise.all([navSectionsKey(now), breakingBarKey(now)]);
  return menu + bar;
}

/**
 * Runs a story change, then expires the reader pages it altered, at once, so none is stale
 * when the action returns: the story's own footprint (see `expireStoryCaches`), or every
 * page when the change altered the header's section menu or the breaking-news bar, which
 * every page shows. Expiry
 * goes through the internal route (`expireReaderPagesNow`) so the editor page is not
 * re-rendered under the user's fingers; if that call fails, it expires in-action.
 * @param change the lib call (saveStory, trashStory, restoreRevision…); its errors pass through.
 * @returns what `change` returned.
 */
export async function changeStory<T extends { affectsReaders: boolean; footprint: ReaderFootprint }>(change: () => Promise<T>): Promise<T> {
  const menuBefore = await shellKey(new Date());
  const result = await change();
  if (result.affectsReaders) {
    const footprint = (await shellKey(new Date())) === menuBefore ? result.footprint : undefined;
    if (!(await expireReaderPagesNow(footprint))) {
      if (footprint) expireStoryCaches(footprint);
      else expireReaderCaches();
    }
  }
  return result;
}

/**
 * Expires every reader page after a site-wide change (settings, a tag or byline edited or
 * merged, photo details): through the internal route, as `changeStory` does, else in-action.
 * Call from a server action, after the change is written.
 */
export async function expireAfterSiteChange(): Promise<void> {
  if (!(await expireReaderPagesNow())) expireReaderCaches();
}
