/**
 * Shared pieces of reader-page metadata (Next's Metadata objects): feed discovery links,
 * canonical URLs and social cards. Next merges metadata shallowly, so a page that sets
 * `alternates` must pass its feeds again; `pageAlternates` does both.
 */
import type { Metadata } from "next";
import { feedPath, type FeedScope } from "@/lib/feeds/paths";

/**
 * `<link rel="canonical">` plus `<link rel="alternate">` for the RSS, Atom and JSON feeds of
 * `scope`, titled so feed readers can list them. URLs are absolute.
 */
export function pageAlternates(origin: string, canonicalPath: string | null, scope: FeedScope, title: string): NonNullable<Metadata["alternates"]> {
  return {
    ...(canonicalPath !== null ? { canonical: canonicalPath.startsWith("http") ? canonicalPath : origin + canonicalPath } : {}),
    types: {
      "application/rss+xml": [{ url: origin + feedPath(scope, "rss"), title: `${title} (RSS)` }],
      "application/atom+xml": [{ url: origin + feedPath(scope, "atom"), title: `${title} (Atom)` }],
      "application/feed+json": [{ url: origin + feedPath(scope, "json"), title: `${title} (JSON Feed)` }],
    },
  };
}
