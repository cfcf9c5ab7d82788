/**
 * Next's shared cache for several instances: ISR pages, route
 * handler responses and `unstable_cache` data live in Redis instead of each process's memory,
 * so a story published through one instance is expired for all of them.
 *
 * Used only when REDIS_URL is set (next.config.ts); Next loads this file by path at server
 * start, so it is plain JavaScript. Built on @fortedigital/nextjs-cache-handler's
 * `redis-strings` handler (the maintained successor of @neshca/cache-handler, for Next 15/16)
 * and the official Redis client.
 *
 * - Keys are prefixed with REDIS_KEY_PREFIX, else "newsroom:<build id>:<database hash>:", so
 *   a page cached by one build or against one database is never served by another.
 * - If Redis is down or not yet reachable, every cache read is a miss and every write is
 *   dropped: readers get freshly rendered pages (slower, never stale). The client reconnects
 *   by itself and caching resumes. Commands fail at once while disconnected (no offline
 *   queue), so a dead Redis never holds a request up.
 * - Entries expire from Redis `EXPIRE_AFTER_STALE_SECONDS` after they turn stale, matching
 *   `expireTime` minus `revalidate` for reader pages (lib/site/http-cache.ts).
 * - Each page entry carries its own lifetime (`cacheControl`). Next 16 keeps a route's lifetime
 *   in the memory of the process that rendered it, and reads it from the entry when the entry
 *   has one; without it, an instance serving a page another instance rendered would send no
 *   `Cache-Control` header and would misjudge staleness.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "@redis/client";

/**
 * Seconds a stale entry stays servable (stale-while-revalidate) before Redis drops it:
 * READER_PAGE_EXPIRE_SECONDS − READER_PAGE_REVALIDATE_SECONDS of lib/site/http-cache.ts,
 * written out because Next loads this file as plain JavaScript (checked by its test).
 */
export const EXPIRE_AFTER_STALE_SECONDS = 10;

/** How long one Redis command may take before the cache treats it as a miss, in ms. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * The key prefix for this build and database.
 * @param {string | undefined} buildId Next's BUILD_ID (undefined outside a build directory).
 * @param {NodeJS.ProcessEnv} env REDIS_KEY_PREFIX, DATABASE_URL, DATA_DIR.
 * @returns {string} e.g. "newsroom:Xy12:3f9a0c1b2d4e:"
 */
export function keyPrefixFor(buildId, env) {
  if (env.REDIS_KEY_PREFIX) return env.REDIS_KEY_PREFIX;
  const database = env.DATABASE_URL || `pglite:${path.resolve(env.DATA_DIR || "./data")}`;
  const dbHash = createHash("sha256").update(database).digest("hex").slice(0, 12);
  return `newsroom:${(buildId || "dev").trim()}:${dbHash}:`;
}

const g = /** @type {{ __newsroomCacheConfig?: Promise<object> }} */ (globalThis);

CacheHandler.onCreation(({ buildId }) => {
  g.__newsroomCacheConfig ??= (async () => {
    const client = createClient({ url: process.env.REDIS_URL, pingInterval: 10_000, disableOfflineQueue: true });
    let lastError = "";
    client.on("error", (e) => {
      // One line per distinct failure, not one per reconnect attempt.
      const message = e instanceof Error ? e.message : String(e);
      if (message !== lastError) console.error(`[cache] Redis: ${message} (serving uncached pages until it is back)`);
      lastError = message;
    });
    client.on("ready", () => {
      if (lastError) console.error("[cache] Redis is back; shared caching resumed");
      lastError = "";
    });
    // Wait a little for the first connection; past that, start uncached and let the client
    // keep reconnecting in the background.
    const connecting = client.connect().catch(() => {});
    await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    if (!client.isReady) console.error("[cache] Redis is not reachable yet: serving uncached pages until it is");
    return {
      handlers: [createRedisHandler({ client, keyPrefix: keyPrefixFor(buildId, process.env), timeoutMs: COMMAND_TIMEOUT_MS })],
      ttl: { estimateExpireAge: (staleAge) => staleAge + EXPIRE_AFTER_STALE_SECONDS },
    };
  })();
  return g.__newsroomCacheConfig;
});

/** Where a page entry's lifetime rides inside the stored value. */
const CACHE_CONTROL_FIELD = "__newsroomCacheControl";

/**
 * The tags of a cached route-handler response (reader pages are route handlers), from the
 * `x-next-cache-tags` header Next stores with it: its path tags (what revalidatePath expires)
 * and the tags noted while rendering. The base handler reads that header for pages only, so
 * without this a route entry would be stored untagged and outlive every expiry.
 * @returns {string[] | undefined} undefined for anything that is not a route entry.
 */
export function routeEntryTags(value) {
  if (value?.kind !== "APP_ROUTE") return undefined;
  const header = value.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header ? header.split(",") : [];
}

/** Next's cache handler over Redis, storing each page entry's lifetime and route tags with it (see above). */
export default class SharedCacheHandler extends CacheHandler {
  async set(key, value, ctx) {
    const withLifetime = value && typeof value === "object" && ctx?.cacheControl ? { ...value, [CACHE_CONTROL_FIELD]: ctx.cacheControl } : value;
    const tags = routeEntryTags(value);
    return super.set(key, withLifetime, tags ? { ...ctx, tags: [...new Set([...(ctx?.tags ?? []), ...tags])] } : ctx);
  }

  async get(key, ctx) {
    const entry = await super.get(key, ctx);
    if (!entry?.value || !(CACHE_CONTROL_FIELD in entry.value)) return entry;
    const { [CACHE_CONTROL_FIELD]: cacheControl, ...value } = entry.value;
    return { ...entry, value, cacheControl };
  }
}
