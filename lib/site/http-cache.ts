/**
 * How long shared caches may keep reader pages (issue 8; DESIGN.md "Caching and speed").
 *
 * Reader pages are cached by Next (ISR) and expired at once on every change that readers
 * see. For a CDN in front, Next derives `Cache-Control: s-maxage=<revalidate>,
 * stale-while-revalidate=<expireTime − revalidate>` from these numbers, so an unpublished
 * story can stay at a CDN for at most `expireTime` seconds (15), while the origin regenerates
 * a busy page at most every 5 s in the background.
 */

/** `revalidate` of reader pages, in seconds: the CDN's s-maxage and Next's backstop. */
export const READER_PAGE_REVALIDATE_SECONDS = 5;

/** next.config `expireTime`, in seconds: nothing stale is served after this. */
export const READER_PAGE_EXPIRE_SECONDS = 15;
