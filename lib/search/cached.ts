/**
 * Reader search results through Next's data cache (tag `reader-data`, expired with the reader
 * pages on every change readers see and at every scheduled instant; lib/site/reader-cache.ts).
 *
 * During a news spike many readers search for the same words; each distinct query and page is
 * computed once until the next change instead of once per reader. The entries are small
 * (a page of cards, ~10 KB) and live in the same bounded cache as the pages (Next's memory
 * LRU, or Redis with REDIS_URL, where they expire after 70 s).
 */
import "server-only";
import { cachedReaderData } from "@/lib/site/reader-cache";
import { searchPublicStories, type SearchHit } from "./stories";

const cachedSearch = cachedReaderData("search", (text: string, limit: number, offset: number) =>
  searchPublicStories({ text, now: new Date(), limit, offset }),
);

/**
 * As `searchPublicStories`, visible at the time the entry was computed (which the scheduler's
 * expiry keeps equal to "now" for readers).
 * @param o.text the folded query text (parseSearchQuery kind "ok"); o.limit, o.offset: paging.
 */
export async function searchPublicStoriesCached(o: { text: string; limit: number; offset: number }): Promise<{ items: SearchHit[]; total: number; capped: boolean }> {
  const r = await cachedSearch(o.text, o.limit, o.offset);
  // A cache hit comes back from JSON, with instants as strings.
  return { ...r, items: r.items.map((h) => ({ ...h, publishedAt: new Date(h.publishedAt), lastUpdatedAt: new Date(h.lastUpdatedAt) })) };
}
