/**
 * Caching of reader outputs that are not pages (feeds, sitemaps): one cache tag for all of
 * them, expired together with the reader pages (`expireReaderCaches`).
 */
import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

/** The tag on every cached reader document. */
export const READER_DATA_TAG = "reader-data";

/** Backstop lifetime, as for reader pages (DESIGN.md "Caching and speed"): at most 60 s. */
export const READER_DATA_REVALIDATE_SECONDS = 60;

/**
 * Wraps `fn` in Next's data cache under READER_DATA_TAG, keyed by `name` and the arguments.
 * The result must be JSON-serialisable (Dates come back as strings, so return strings).
 */
export function cachedReaderData<Args extends unknown[], R>(name: string, fn: (...args: Args) => Promise<R>): (...args: Args) => Promise<R> {
  return unstable_cache(fn, [name], { tags: [READER_DATA_TAG], revalidate: READER_DATA_REVALIDATE_SECONDS });
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
