/**
 * The content API's rate limit: each key may make `API_RATE_LIMIT` requests per minute
 * (default 600), counted in fixed one-minute windows. Over it, a request is answered 429 with
 * `Retry-After` (RFC 9110 §10.2.3), the seconds until the window ends.
 * The counts live in this server process: with several instances behind a load balancer a
 * key may make up to that many requests per instance.
 */
import "server-only";

/** The length of a counting window, in milliseconds. */
export const WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

const KEY = Symbol.for("newsroom.apiRateLimit");
type Holder = { [KEY]?: Map<string, Window> };
function windows(): Map<string, Window> {
  const g = globalThis as Holder;
  return (g[KEY] ??= new Map());
}

/** The outcome of counting one request. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends (and the count starts again), at least 1. */
  resetSeconds: number;
}

/**
 * Counts a request of `keyId` at `now` (milliseconds since the epoch).
 * @param limit requests allowed per window.
 */
export function takeRequest(keyId: string, limit: number, now = Date.now()): RateDecision {
  const all = windows();
  const start = now - (now % WINDOW_MS);
  let w = all.get(keyId);
  if (!w || w.start !== start) {
    w = { start, count: 0 };
    all.set(keyId, w);
    // Past 1,000 keys, forget those idle since an earlier window: the map holds
    // about 1,000 keys or this window's active ones, whichever is more.
    if (all.size > 1000) for (const [k, v] of all) if (v.start < start) all.delete(k);
  }
  w.count += 1;
  const resetSeconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
  return { allowed: w.count <= limit, limit, remaining: Math.max(0, limit - w.count), resetSeconds };
}

/** Forgets every count (tests). */
export function resetRateLimits(): void {
  windows().clear();
}
