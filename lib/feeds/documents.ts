/**
 * The site's feeds: the whole site, each tag (section) and each byline, in RSS 2.0, Atom and
 * JSON Feed. Stories come through the one visibility rule (listFeedStories → isPublic), so
 * drafts, scheduled-not-due and unpublished stories never appear; a tag or byline feed exists
 * only when its page does.
 *
 * URLs: lib/feeds/paths.ts.
 */
import "server-only";
import { getDb } from "@/db";
import { getLivePage } from "@/lib/live/public";
import { getBylineBySlug, getBylineRedirect, getPublicStory, getTagBySlug, getTagRedirect, listFeedStories, type FeedStory } from "@/lib/stories/queries";
import { cutExcerpt } from "@/lib/stories/excerpt";
import { siteUrl } from "@/lib/env";
import { cachedReaderData } from "@/lib/site/reader-cache";
import type { TextDocument } from "@/lib/site/conditional-get";
import { getSiteSettings } from "@/lib/site/settings";
import { buildFeed, type FeedChannel, type FeedEntry, type FeedFormat } from "./build";
import { absoluteUrl, feedContentHtml } from "./content";
import { feedPath, type FeedScope } from "./paths";
import { defaultEdition, editionAt, editionScope } from "@/lib/site/editions";
import { t } from "@/lib/i18n/messages";

/** Stories per feed: enough for a reader polling every few hours on a busy day. */
export const FEED_ITEMS = 30;

export type FeedLookup = ({ kind: "feed" } & TextDocument) | { kind: "redirect"; location: string } | { kind: "missing" };

function toEntry(s: FeedStory, origin: string): FeedEntry {
  return {
    url: `${origin}/news/${encodeURIComponent(s.slug)}`,
    title: s.title,
    summary: s.dek || cutExcerpt(s.excerpt, 300),
    contentHtml: feedContentHtml(s.bodyHtml, origin),
    publishedAt: s.publishedAt,
    lastUpdatedAt: s.lastUpdatedAt,
    bylines: s.bylines.map((b) => ({ name: b.name, url: `${origin}/author/${encodeURIComponent(b.slug)}` })),
    tags: s.tags.map((t) => ({ name: t.name, url: `${origin}/tag/${encodeURIComponent(t.slug)}` })),
  };
}

/**
 * Builds one feed at `now` (uncached).
 * @returns the document, a redirect for a renamed tag/byline slug, or missing.
 */
export async function loadFeed(scope: FeedScope, format: FeedFormat, now: Date): Promise<FeedLookup> {
  const origin = siteUrl();
  const settings = await getSiteSettings();
  const feedUrls = (s: FeedScope) => ({ rss: origin + feedPath(s, "rss"), atom: origin + feedPath(s, "atom"), json: origin + feedPath(s, "json") });
  const base = {
    siteName: settings.siteName,
    language: settings.defaultLanguage,
    imageUrl: settings.logoUrl ? absoluteUrl(settings.logoUrl, origin) : null,
  };
  if (scope.kind === "live") return loadLiveFeed(scope.slug, format, now, base, feedUrls(scope));
  let channel: FeedChannel;
  let stories: FeedStory[];
  if (scope.kind === "site" || scope.kind === "edition") {
    // The site's feed is the default edition's: the stories of the other editions have their own.
    const edition = scope.kind === "site" ? defaultEdition(settings) : editionAt(settings, scope.language);
    if (!edition) return { kind: "missing" };
    channel = {
      ...base,
      siteName: edition.siteName,
      language: edition.language,
      title: edition.siteName,
      description: edition.tagline || t(edition.language, "feed.siteDescription", { site: edition.siteName }),
      htmlUrl: `${origin}${edition.prefix}/`,
      feedUrls: feedUrls(scope),
    };
    stories = await listFeedStories({ now, limit: FEED_ITEMS, scope: editionScope(settings, edition) });
  } else if (scope.kind === "tag") {
    const tag = await getTagBySlug(scope.slug, now);
    if (!tag) {
      const to = await getTagRedirect(scope.slug, now);
      return to ? { kind: "redirect", location: feedPath({ kind: "tag", slug: to }, format) } : { kind: "missing" };
    }
    channel = {
      ...base,
      title: `${tag.name} | ${settings.siteName}`,
      description: tag.description || `Stories tagged ${tag.name} from ${settings.siteName}`,
      htmlUrl: `${origin}/tag/${encodeURIComponent(tag.slug)}`,
      feedUrls: feedUrls(scope),
    };
    stories = await listFeedStories({ now, limit: FEED_ITEMS, tagId: tag.id });
  } else {
    const byline = await getBylineBySlug(scope.slug, now);
    if (!byline) {
      const to = await getBylineRedirect(scope.slug, now);
      return to ? { kind: "redirect", location: feedPath({ kind: "byline", slug: to }, format) } : { kind: "missing" };
    }
    channel = {
      ...base,
      title: `${byline.name} | ${settings.siteName}`,
      description: byline.jobTitle ? `${byline.jobTitle}, ${settings.siteName}` : `Stories by ${byline.name} from ${settings.siteName}`,
      htmlUrl: `${origin}/author/${encodeURIComponent(byline.slug)}`,
      feedUrls: feedUrls(scope),
    };
    stories = await listFeedStories({ now, limit: FEED_ITEMS, bylineId: byline.id });
  }
  const newest = stories.reduce<Date | null>((m, s) => (!m || s.lastUpdatedAt > m ? s.lastUpdatedAt : m), null);
  return {
    kind: "feed",
    body: buildFeed(format, channel, stories.map((s) => toEntry(s, origin))),
    lastModified: newest?.toISOString() ?? null,
  };
}

/**
 * A live blog's feed: its newest entries (FEED_ITEMS), each an item linking to the entry's
 * anchor on the story page, updated when the entry was edited.
 */
async function loadLiveFeed(slug: string, format: FeedFormat, now: Date, base: Pick<FeedChannel, "siteName" | "language" | "imageUrl">, urls: FeedChannel["feedUrls"]): Promise<FeedLookup> {
  const found = await getPublicStory(slug, now);
  if (found.kind === "redirect") return { kind: "redirect", location: feedPath({ kind: "live", slug: found.slug }, format) };
  if (found.kind !== "story" || !found.story.live) return { kind: "missing" };
  const story = found.story;
  const origin = siteUrl();
  const page = await getLivePage(await getDb(), story.id, now, undefined, FEED_ITEMS);
  const url = `${origin}/news/${encodeURIComponent(story.slug)}`;
  const channel: FeedChannel = { ...base, language: story.language, title: `${story.title} | ${base.siteName}`, description: story.dek || cutExcerpt(story.excerpt, 300), htmlUrl: url, feedUrls: urls };
  const entries: FeedEntry[] = page.entries.map((e) => ({
    url: `${url}#entry-${e.id}`,
    title: e.headline || cutExcerpt(e.bodyText, 110),
    summary: cutExcerpt(e.bodyText, 300),
    contentHtml: feedContentHtml(e.bodyHtml, origin),
    publishedAt: e.postedAt,
    lastUpdatedAt: e.editedAt ?? e.postedAt,
    bylines: e.byline ? [{ name: e.byline.name, url: `${origin}/author/${encodeURIComponent(e.byline.slug)}` }] : [],
    tags: [],
  }));
  const newest = entries.reduce<Date>((m, e) => (e.lastUpdatedAt > m ? e.lastUpdatedAt : m), story.lastUpdatedAt);
  return { kind: "feed", body: buildFeed(format, channel, entries), lastModified: newest.toISOString() };
}

/** loadFeed at the current instant, through the reader data cache (expired on every publish). */
export const cachedFeed = cachedReaderData("feed", (scope: FeedScope, format: FeedFormat) => loadFeed(scope, format, new Date()));
