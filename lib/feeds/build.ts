/**
 * Feed documents (RSS 2.0, Atom 1.0, JSON Feed 1) from stories, with the `feed` library.
 * Pure: no database; every URL in the input is absolute.
 *
 * Rules (machine-readable dates are instants with an offset, never the server's zone; the
 * text is well-formed XML 1.0, https://www.w3.org/TR/xml/#charsets):
 * - RSS `pubDate` is the publication instant (RFC 822, as `Date#toUTCString` writes it:
 *   "Sun, 30 Mar 2025 04:30:00 GMT"); Atom/JSON carry it as `published`/`date_published`, and the
 *   "Last Updated On" instant as `updated`/`date_modified` (RSS: `atom:updated`).
 * - The channel's date is the newest "Last Updated On" of its items, never "now", so the same
 *   stories give the same bytes (and ETag).
 * - All text passes `cleanText` (no XML-forbidden characters) and is escaped once, by the library.
 * - The library writes titles, summaries and content as CDATA sections but splits only the
 *   first "]]>" of a text, so a second one ended the section early: a headline "a]]>b]]>c"
 *   made the whole RSS feed unreadable, and could forge elements. Every "]]>" of those texts
 *   is split here (`]]]]><![CDATA[>`, the standard way: https://www.w3.org/TR/xml/#sec-cdata-sect).
 * - An Atom title is `type="html"` in the library, so plain-text titles are HTML-escaped for it;
 *   RSS and JSON titles are plain text.
 */
import { escapeText as escapeHtml } from "entities";
import { Feed } from "feed";
import { cleanText } from "@/lib/text/clean";

export type FeedFormat = "rss" | "atom" | "json";

/** Stands for "]]>" inside a CDATA text while the library writes the document. */
const CDATA_END = "\u0000";

/** Content-Type of each format (RSS and Atom have registered media types; JSON Feed's own). */
export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page this feed follows (site home, tag page, byline page). */
  htmlUrl: string;
  /** This feed's own URL, per format. */
  feedUrls: Record<FeedFormat, string>;
  /** BCP 47 language of the channel. */
  language: string;
  siteName: string;
  /** Absolute URL of the site's icon or logo, when there is one. */
  imageUrl?: string | null;
}

export interface FeedEntry {
  url: string;
  title: string;
  /** Plain text shown as the item's summary. */
  summary: string;
  /** Feed-safe HTML (feedContentHtml). */
  contentHtml: string;
  publishedAt: Date;
  lastUpdatedAt: Date;
  bylines: { name: string; url: string }[];
  tags: { name: string; url: string }[];
}


/**
 * Writes one feed document.
 * @returns the document text (XML or JSON), UTF-8 when encoded.
 */
export function buildFeed(format: FeedFormat, channel: FeedChannel, entries: FeedEntry[]): string {
  // A NUL never survives cleanText, so it cannot come from a story: it marks each "]]>" of a
  // CDATA text until the document is written, then becomes the split.
  const cdata = (text: string) => (format === "json" ? text : cleanText(text).replaceAll("]]>", CDATA_END));
  const newest = entries.reduce<Date | null>((m, e) => (!m || e.lastUpdatedAt > m ? e.lastUpdatedAt : m), null);
  const feed = new Feed({
    id: channel.htmlUrl,
    title: cleanText(channel.title),
    description: cleanText(channel.description),
    link: channel.htmlUrl,
    language: channel.language,
    // With no story yet, the epoch: a fixed date keeps the bytes (and ETag) stable.
    updated: newest ?? new Date(0),
    generator: "Newsroom CMS",
    copyright: `© ${cleanText(channel.siteName)}`,
    feedLinks: { [format]: channel.feedUrls[format] },
    ...(channel.imageUrl ? { image: channel.imageUrl, favicon: channel.imageUrl } : {}),
  });
  for (const e of entries) {
    const title = cleanText(e.title);
    feed.addItem({
      id: e.url,
      guid: e.url,
      link: e.url,
      title: cdata(format === "atom" ? escapeHtml(title) : title),
      description: cdata(format === "atom" ? escapeHtml(cleanText(e.summary)) : cleanText(e.summary)),
      content: cdata(e.contentHtml),
      date: e.lastUpdatedAt,
      published: e.publishedAt,
      // RSS's <author> must be an e-mail address; bylines go to dc:creator there instead.
      // (The library also fails on an empty author list.)
      ...(format === "rss" || e.bylines.length === 0 ? {} : { author: e.bylines.map((b) => ({ name: cleanText(b.name), link: b.url })) }),
      category: e.tags.map((t) => ({ name: cleanText(t.name), domain: t.url })),
      extensions:
        format === "rss"
          ? [
              // One element per byline (xml-js writes an array as repeated elements).
              { name: "dc:creator", objects: e.bylines.map((b) => ({ _text: cleanText(b.name) })) as unknown as Record<string, unknown> },
              { name: "atom:updated", objects: { _text: e.lastUpdatedAt.toISOString() } },
            ]
          : [],
    });
  }
  if (format === "rss") return feed.rss2().replaceAll(CDATA_END, "]]]]><![CDATA[>");
  if (format === "atom") return feed.atom1().replaceAll(CDATA_END, "]]]]><![CDATA[>");
  return feed.json1();
}
