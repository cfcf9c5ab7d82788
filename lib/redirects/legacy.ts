/**
 * Old WordPress addresses kept after an import (table `legacy_redirects`): how a path is
 * normalised into its key, and the one indexed read that answers a request for it.
 *
 * Keys: a path in lower case, every segment percent-decoded then encoded again (so
 * `/%E6%97%A5/` and `/%e6%97%a5` and `/日` are one key), with no trailing slash ("/" stays
 * "/"). Query addresses of the home page live in their own key space, without a leading
 * slash: `p:123`, `page_id:45`.
 */
import { inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { legacyRedirects } from "@/db/schema";

/** What a redirect was made for (the report counts them by kind). */
export type LegacyKind =
  | "permalink"
  | "permalink-feed"
  | "link"
  | "link-feed"
  | "post-id"
  | "page-id"
  | "category"
  | "category-feed"
  | "tag"
  | "tag-feed"
  | "author"
  | "author-feed";

/** Kinds whose paginated archive (`<path>/page/<n>`) leads to the first page of the new list. */
export const ARCHIVE_KINDS: readonly LegacyKind[] = ["category", "tag", "author"];

/** Longest path kept or looked up, in characters; longer ones are no WordPress address we keep. */
export const MAX_LEGACY_PATH = 2000;

/**
 * The key of a path (see the module's doc), or null when it cannot be one (not starting with
 * "/", a malformed percent-escape, too long). A query or fragment is dropped.
 */
export function normalizeLegacyPath(raw: string): string | null {
  const path = raw.split(/[?#]/)[0]!;
  if (!path.startsWith("/") || path.length > MAX_LEGACY_PATH) return null;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (!segment) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    out.push(encodeURIComponent(decoded.toLowerCase()).toLowerCase());
  }
  return `/${out.join("/")}`;
}

/** The key of a home-page query address (`?p=123` → "p:123"), or null for anything else. */
export function legacyQueryKey(params: URLSearchParams): string | null {
  for (const name of ["p", "page_id"] as const) {
    const v = params.get(name);
    if (v !== null) return /^[1-9][0-9]{0,18}$/.test(v.trim()) ? `${name}:${v.trim()}` : null;
  }
  return null;
}

const PAGED = /^(.+)\/page\/[1-9][0-9]{0,6}$/;

/**
 * The new address for an old path or query key, or null when none was kept. One indexed read:
 * the key itself and, for a paginated archive (`/category/x/page/3`), its first page's key,
 * which counts only when it is a category, tag or author archive.
 */
export async function findLegacyRedirect(db: Db, key: string): Promise<string | null> {
  const paged = key.startsWith("/") ? PAGED.exec(key)?.[1] : undefined;
  const keys = paged ? [key, paged] : [key];
  const rows = await db.select({ path: legacyRedirects.path, target: legacyRedirects.target, kind: legacyRedirects.kind }).from(legacyRedirects).where(inArray(legacyRedirects.path, keys));
  const exact = rows.find((r) => r.path === key);
  if (exact) return exact.target;
  const archive = rows.find((r) => r.path === paged && ARCHIVE_KINDS.includes(r.kind as LegacyKind));
  return archive?.target ?? null;
}
