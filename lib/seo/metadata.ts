/**
 * What goes in a reader page's <head>, as data: title, description, canonical URL, feed
 * discovery links, hreflang alternates, robots, Open Graph and Twitter cards, JSON-LD.
 * Reader pages are rendered to plain HTML (components/site/document.tsx writes the tags), so
 * this is the one shape every reader page fills. Pure: no `server-only`, no framework.
 */
import { feedPath, type FeedScope } from "@/lib/feeds/paths";

/** A `<link rel="alternate">` to a feed. `href` is absolute. */
export interface FeedLink {
  type: "application/rss+xml" | "application/atom+xml" | "application/feed+json";
  href: string;
  title: string;
}

/** An Open Graph image (https://ogp.me/#structured). */
export interface OpenGraphImage {
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

/** Open Graph properties (https://ogp.me/); `article:*` only for `type: "article"`. */
export interface OpenGraph {
  type: "website" | "article" | "profile";
  siteName: string;
  title?: string;
  description?: string;
  url?: string;
  images?: OpenGraphImage[];
  publishedTime?: string;
  modifiedTime?: string;
  section?: string;
  tags?: string[];
}

/** The head of a reader page. URLs are absolute. */
export interface PageMeta {
  title: string;
  description?: string;
  canonical?: string;
  feeds: FeedLink[];
  /** hreflang → URL (https://developers.google.com/search/docs/specialty/international/localized-versions). */
  languages?: Record<string, string>;
  /** Default: index, follow. Search results and 404s are `{ index: false, follow: true }`. */
  robots?: { index: boolean; follow: boolean };
  openGraph?: OpenGraph;
  twitter?: { card: "summary" | "summary_large_image"; title?: string; description?: string; images?: string[] };
  /** JSON-LD objects (schema.org), written as <script type="application/ld+json">. */
  jsonLd?: object[];
  /**
   * The direction of the page's main text (a story's); "rtl" preloads the Arabic-script web
   * font (components/site/document.tsx). Absent: the site's, left to right.
   */
  direction?: "ltr" | "rtl";
}

/** The RSS, Atom and JSON feeds of `scope`, titled "<title> (RSS)" etc. so feed readers can list them. */
export function feedLinks(origin: string, scope: FeedScope, title: string): FeedLink[] {
  return [
    { type: "application/rss+xml", href: origin + feedPath(scope, "rss"), title: `${title} (RSS)` },
    { type: "application/atom+xml", href: origin + feedPath(scope, "atom"), title: `${title} (Atom)` },
    { type: "application/feed+json", href: origin + feedPath(scope, "json"), title: `${title} (JSON Feed)` },
  ];
}

/** `path` (site-relative, or already absolute) as an absolute URL on `origin`. */
export function absoluteUrl(origin: string, path: string): string {
  return /^https?:\/\//i.test(path) ? path : origin + path;
}

/**
 * The head every reader page starts from: `title`, the site's feeds, an Open Graph site name
 * and a Twitter summary card. Pages spread it and override what they know better.
 */
export function siteMeta(origin: string, siteName: string, title: string): PageMeta {
  return {
    title,
    feeds: feedLinks(origin, { kind: "site" }, siteName),
    openGraph: { type: "website", siteName },
    twitter: { card: "summary" },
  };
}
