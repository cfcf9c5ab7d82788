/**
 * How long caches may keep what readers see: the one home of these numbers. Pure (no
 * `server-only`), so next.config.ts can read it too.
 *
 * Reader pages are cached by Next (ISR) and expired at once on every change that readers
 * see (lib/site/reader-cache.ts). For a CDN in front, Next derives `Cache-Control:
 * s-maxage=<revalidate>, stale-while-revalidate=<expireTime − revalidate>` from these
 * numbers, so an unpublished story can stay at a CDN for at most `expireTime` seconds (15),
 * while the origin regenerates a busy page at most every 5 s in the background.
 *
 * Copies that cannot import this file, each checked against it by http-cache.test.ts:
 * - `export const revalidate = 5` in reader pages: Next reads that export as a literal at
 *   build time, so it cannot be an imported constant;
 * - EXPIRE_AFTER_STALE_SECONDS in lib/cache/shared-cache-handler.mjs, which Next loads by
 *   path as plain JavaScript.
 */

/** `revalidate` of reader pages, in seconds: the CDN's s-maxage and Next's backstop. */
export const READER_PAGE_REVALIDATE_SECONDS = 5;

/** next.config `expireTime`, in seconds: nothing stale is served after this. */
export const READER_PAGE_EXPIRE_SECONDS = 15;

/**
 * Backstop lifetime of cached reader data (feeds, sitemaps, page tags), in seconds. Every
 * change expires them at once; this only bounds how long a missed expiry can last.
 */
export const READER_DATA_REVALIDATE_SECONDS = 60;

/**
 * Cache-Control of cached text documents (feeds, sitemaps, robots.txt): browsers and feed
 * readers must revalidate (cheap with the ETag and Last-Modified validators); shared caches
 * may hold a copy as long as a reader page, so an unpublished story leaves a CDN almost at once.
 */
export const DOCUMENT_CACHE_CONTROL = `public, max-age=0, s-maxage=${READER_PAGE_REVALIDATE_SECONDS}, must-revalidate`;
