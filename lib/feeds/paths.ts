/**
 * Where each feed lives. Pure.
 * Site: `/feed.xml` (RSS 2.0), `/atom.xml` (Atom), `/feed.json` (JSON Feed); a language
 * edition: `/<language>/feed.xml` …;
 * a tag: `/tag/<slug>/feed.xml` …; a byline: `/author/<slug>/feed.xml` …; a live blog's
 * entries: `/news/<slug>/feed.xml` ….
 */
import type { FeedFormat } from "./build";

export type FeedScope =
  | { kind: "site" }
  /** A language edition's stories: `/fa/feed.xml` … (lib/site/editions.ts). */
  | { kind: "edition"; language: string }
  | { kind: "tag"; slug: string }
  | { kind: "byline"; slug: string }
  | { kind: "live"; slug: string };

const DIR: Record<Exclude<FeedScope["kind"], "site" | "edition">, string> = { tag: "tag", byline: "author", live: "news" };

const FILE: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

/** The path of a feed, e.g. feedPath({ kind: "tag", slug: "politics" }, "rss") → "/tag/politics/feed.xml". */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  if (scope.kind === "site") return `/${FILE[format]}`;
  if (scope.kind === "edition") return `/${encodeURIComponent(scope.language)}/${FILE[format]}`;
  return `/${DIR[scope.kind]}/${encodeURIComponent(scope.slug)}/${FILE[format]}`;
}
