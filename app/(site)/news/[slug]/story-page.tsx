/**
 * The article page, in the order of the page this project was created from: breaking label,
 * headline, "Last Updated On", body, bylines, tags, the site's About box, "Check Also".
 */
import { BreakingLabel, Bylines, LastUpdated, StoryDates } from "@/components/site/story-bits";
import { gonePage, notFoundPage, redirectTo, type ReaderPage } from "@/components/site/render";
import { CardPhoto, FeaturedPhoto } from "@/components/site/story-photo";
import { cutExcerpt } from "@/lib/stories/excerpt";
import { getPublicStory, listRelatedStories, type PreviewStory, type PublicStory } from "@/lib/stories/queries";
import { PreviewBanner } from "@/components/site/preview-banner";
import { ShareLinks } from "@/components/site/share-links";
import { t } from "@/lib/i18n/messages";
import { dateLocaleFor, formatLongDate } from "@/lib/dates/format";
import { decodeSegment, readerContext, type ReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, liveListTag, tagListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { liveBlogPostingJsonLd, newsArticleJsonLd } from "@/lib/seo/json-ld";
import { getDb } from "@/db";
import { getLivePage, type LivePage } from "@/lib/live/public";
import { isAppError } from "@/lib/errors";
import { LiveBlog } from "@/components/site/live-blog";
import { feedLinks, type PageMeta } from "@/lib/seo/metadata";
import { optimisedUrl } from "@/lib/media/responsive";
import { hreflangAlternates } from "@/lib/seo/alternates";
import { editionForLanguage } from "@/lib/site/editions";
import { LanguageSwitcher } from "@/components/site/language-switcher";

const NOTE_LABEL = { update: "story.note.update", correction: "story.note.correction", clarification: "story.note.clarification" } as const;

/** "Check Also" teasers are short: the first words of the story, cut at a word. */
const CHECK_ALSO_EXCERPT_CHARS = 48;

/** Head of a story page: title, description, canonical URL, hreflang, social cards, NewsArticle JSON-LD. */
function storyMeta(s: PublicStory, { settings, site, edition }: ReaderContext, live: LivePage | null = null): PageMeta {
  const origin = siteUrl();
  const description = s.seoDescription || s.dek || cutExcerpt(s.excerpt, 160);
  const canonical = s.canonicalUrl ?? `${origin}/news/${s.slug}`;
  const image = s.photo
    ? { url: origin + optimisedUrl(s.photo.url, 1280), width: Math.min(1280, s.photo.width), height: Math.round((Math.min(1280, s.photo.width) * s.photo.height) / s.photo.width), alt: s.photo.altText }
    : null;
  return {
    title: `${s.seoTitle || s.title} | ${settings.siteName}`,
    description,
    canonical,
    feeds: feedLinks(origin, edition.isDefault ? { kind: "site" } : { kind: "edition", language: edition.language }, settings.siteName),
    // Every public language version, this one included (a self-reference, as Google asks).
    languages: hreflangAlternates(
      [
        { language: s.language, url: canonical, original: !s.isTranslation },
        ...s.translations.map((t) => ({ language: t.language, url: `${origin}/news/${encodeURIComponent(t.slug)}`, original: t.original })),
      ],
      site.defaultLanguage,
    ),
    twitter: { card: image ? "summary_large_image" : "summary", title: s.title, description, ...(image ? { images: [image.url] } : {}) },
    openGraph: {
      type: "article",
      title: s.title,
      description,
      url: canonical,
      siteName: settings.siteName,
      publishedTime: s.publishedAt.toISOString(),
      modifiedTime: s.lastUpdatedAt.toISOString(),
      section: s.section?.name,
      tags: s.tags.map((t) => t.name),
      ...(image ? { images: [image] } : {}),
    },
    jsonLd: [jsonLdOf(s, settings, origin, live)],
    direction: s.direction,
  };
}

/** The page's structured data: a NewsArticle, or a LiveBlogPosting with the entries shown. */
function jsonLdOf(s: PublicStory, settings: ReaderContext["settings"], origin: string, live: LivePage | null): Record<string, unknown> {
  const story = {
    slug: s.slug,
    title: s.title,
    description: s.seoDescription || s.dek || s.excerpt,
    language: s.language,
    publishedAt: s.publishedAt,
    lastUpdatedAt: s.lastUpdatedAt,
    section: s.section,
    tags: s.tags,
    bylines: s.bylines,
    imageUrl: s.photo ? optimisedUrl(s.photo.url, 1280) : null,
  };
  if (!s.live || !live) return newsArticleJsonLd(story, settings, origin);
  const updates = live.entries.map((e) => ({ id: e.id, headline: e.headline, text: e.bodyText, postedAt: e.postedAt, editedAt: e.editedAt, byline: e.byline }));
  return liveBlogPostingJsonLd(story, s.live, updates, settings, origin);
}

/** The entries of a live blog page (`before`: an older page's cursor); null for other stories or an unknown cursor. */
async function liveEntriesOf(story: PublicStory, now: Date, before?: string): Promise<LivePage | null> {
  if (!story.live) return null;
  try {
    return await getLivePage(await getDb(), story.id, now, before);
  } catch (e) {
    if (isAppError(e) && e.code === "bad_request") return null;
    throw e;
  }
}

/** The updates script of a live blog whose coverage runs (public/live-updates.js). */
const LIVE_SCRIPT = { src: "/live-updates.js" };

/**
 * The context of a story's page: the edition of its language (its site name, About text,
 * navigation and links), whatever address reached it (story addresses have no edition prefix).
 */
function inStoryEdition(context: ReaderContext, language: string): ReaderContext {
  return readerContext(context.site, editionForLanguage(context.site, language), context.now);
}

/**
 * The story a `/news/<slug>` address names at the context's instant: its page, a 308 to its
 * current slug when `rawSlug` is an old one, gone (410: published, then moved to the trash),
 * or not found (never public, unpublished, malformed).
 */
export async function storyPage(context: ReaderContext, rawSlug: string): Promise<ReaderPage> {
  const slug = decodeSegment(rawSlug);
  if (slug === null) return notFoundPage;
  const found = await getPublicStory(slug, context.now);
  if (found.kind === "redirect") return redirectTo(`/news/${found.slug}`);
  if (found.kind === "missing") return notFoundPage;
  if (found.kind === "gone") return gonePage;
  const story = found.story;
  context = inStoryEdition(context, story.language);
  const [{ stories: related, dependsOnNewest }, live] = await Promise.all([listRelatedStories(story, context.now, 3), liveEntriesOf(story, context.now)]);
  // Cached until this story, a story sharing one of its tags, or (when "Check Also" is filled
  // with the newest stories) any story changes (lib/site/reader-cache.ts).
  await tagReaderPage([...story.tags.map((t) => tagListTag(t.id)), ...(dependsOnNewest ? [RECENT_TAG] : [])]);
  return {
    kind: "page",
    meta: storyMeta(story, context, live),
    body: <StoryArticle story={story} related={related} context={context} live={live} />,
    runsSiteScript: story.live !== null && story.live.endedAt === null,
    language: story.language,
    storyPage: true,
  };
}

/**
 * An older page of a live blog's entries (`/news/<slug>/updates/<cursor>`): the story's header
 * and the entries before the cursor, with links to the newest and to older ones. Not indexed
 * (the story page is the canonical one). Not found for another story or an unknown cursor.
 */
export async function liveUpdatesPage(context: ReaderContext, rawSlug: string, cursor: string): Promise<ReaderPage> {
  const slug = decodeSegment(rawSlug);
  if (slug === null) return notFoundPage;
  const found = await getPublicStory(slug, context.now);
  if (found.kind === "redirect") return redirectTo(`/news/${found.slug}/updates/${cursor}`);
  if (found.kind !== "story" || !found.story.live) return found.kind === "gone" ? gonePage : notFoundPage;
  const story = found.story;
  context = inStoryEdition(context, story.language);
  const live = await liveEntriesOf(story, context.now, cursor);
  if (!live || live.entries.length === 0) return notFoundPage;
  // Expired with the story's page, on every change to the live blog or its entries.
  await tagReaderPage([liveListTag(story.slug)]);
  const meta = storyMeta(story, context, live);
  const { settings } = context;
  const zone = { timeZone: settings.timeZone, siteLocale: settings.locale, language: story.language };
  return {
    kind: "page",
    storyPage: true,
    language: story.language,
    meta: { ...meta, robots: { index: false, follow: true } },
    body: (
      <article lang={story.language} dir={story.direction} className="mx-auto max-w-3xl" data-testid="article">
        <header className="flex flex-col gap-3">
          <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">
            <a href={`/news/${story.slug}`} className="hover:text-brand">
              {story.title}
            </a>
          </h1>
          <LastUpdated instant={story.lastUpdatedAt} timeZone={settings.timeZone} siteLocale={settings.locale} language={story.language} />
        </header>
        <LiveBlog page={live} live={story.live!} slug={story.slug} zone={zone} newerHref={`/news/${story.slug}#live-heading`} script={null} />
      </article>
    ),
  };
}

/**
 * A preview of a story: the same page readers get (head, article, "Check Also"), under the
 * preview bar, and never indexed. The caller sends it uncached (lib/site/preview-response.ts).
 */
export async function previewStoryPage(context: ReaderContext, preview: PreviewStory): Promise<ReaderPage> {
  const { story } = preview;
  context = inStoryEdition(context, story.language);
  const { stories: related } = await listRelatedStories(story, context.now, 3);
  const state = {
    status: preview.status,
    publishedAt: preview.publishedAt,
    embargoUntil: preview.embargoUntil,
    now: context.now,
    timeZone: context.settings.timeZone,
    locale: context.settings.locale,
    pendingChanges: preview.pendingChanges,
  };
  const meta = storyMeta(story, context);
  return {
    kind: "page",
    language: story.language,
    storyPage: true,
    meta: { ...meta, title: `Preview: ${meta.title}`, robots: { index: false, follow: false } },
    body: (
      <>
        <PreviewBanner state={state} />
        <StoryArticle story={story} related={related} context={context} />
      </>
    ),
  };
}

function StoryArticle({
  story,
  related,
  context,
  live = null,
}: {
  story: PublicStory;
  related: Awaited<ReturnType<typeof listRelatedStories>>["stories"];
  context: ReaderContext;
  live?: LivePage | null;
}) {
  const { settings } = context;
  const l = story.language;
  return (
    <article lang={story.language} dir={story.direction} className="mx-auto max-w-3xl" data-testid="article">
      <header className="flex flex-col gap-3">
        {story.breaking ? (
          <p data-testid="breaking-label">
            <BreakingLabel language={story.language} />
          </p>
        ) : null}
        {story.section ? (
          <a href={`${context.edition.prefix}/tag/${story.section.slug}`} className="text-sm font-bold uppercase tracking-wide text-brand">
            {story.section.name}
          </a>
        ) : null}
        <LanguageSwitcher versions={story.translations} language={story.language} />
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl">{story.title}</h1>
        {story.dek ? <p className="text-xl leading-snug text-neutral-700">{story.dek}</p> : null}
        <LastUpdated instant={story.lastUpdatedAt} timeZone={settings.timeZone} siteLocale={settings.locale} language={story.language} />
        <StoryDates publishedAt={story.publishedAt} lastUpdatedAt={story.lastUpdatedAt} timeZone={settings.timeZone} siteLocale={settings.locale} language={story.language} />
        {story.photo ? <FeaturedPhoto photo={story.photo} language={story.language} /> : null}
      </header>

      <div
        className="story-body prose prose-lg prose-neutral dark:prose-invert mt-8 max-w-none prose-headings:font-serif prose-a:text-brand prose-blockquote:border-brand"
        data-testid="article-body"
        dangerouslySetInnerHTML={{ __html: story.bodyHtml /* rendered with the shared schema and sanitised at save time */ }}
      />

      {story.live && live ? (
        <LiveBlog
          page={live}
          live={story.live}
          slug={story.slug}
          zone={{ timeZone: settings.timeZone, siteLocale: settings.locale, language: story.language }}
          newerHref={null}
          script={story.live.endedAt ? null : LIVE_SCRIPT}
        />
      ) : null}

      {story.notes.length > 0 ? (
        <section aria-labelledby="notes-heading" className="mt-8 border-t border-neutral-200 pt-4 text-sm" data-testid="story-notes">
          <h2 id="notes-heading" className="sr-only">
            {t(l, "story.notes")}
          </h2>
          <ul className="flex flex-col gap-2">
            {story.notes.map((n, i) => (
              <li key={i} dir="auto">
                <strong className="font-semibold">{t(l, NOTE_LABEL[n.kind])}</strong> (
                <time dateTime={n.at.toISOString()}>{formatLongDate(n.at, settings.timeZone, dateLocaleFor(l, settings.locale))}</time>): {n.note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <footer className="mt-10 flex flex-col gap-6">
        <Bylines bylines={story.bylines} language={story.language} />
        {story.tags.length > 0 ? (
          <nav aria-label={t(l, "story.tags")}>
            <ul className="flex flex-wrap gap-2" data-testid="tags">
              {story.tags.map((t) => (
                <li key={t.id}>
                  <a
                    href={`${context.edition.prefix}/tag/${t.slug}`}
                    rel="tag"
                    className="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm text-neutral-700 hover:border-brand hover:text-brand"
                  >
                    <bdi>{t.name}</bdi>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <ShareLinks url={story.canonicalUrl ?? `${siteUrl()}/news/${story.slug}`} title={story.title} language={story.language} />

        <aside aria-labelledby="about-heading" className="rounded border border-neutral-200 bg-neutral-50 p-5" data-testid="about-box">
          <h2 id="about-heading" className="font-serif text-lg font-bold">
            {t(l, "story.about", { site: settings.siteName })}
          </h2>
          {settings.aboutText ? (
            <p className="mt-2 text-sm leading-relaxed text-neutral-700" dir="auto">
              {settings.aboutText}
            </p>
          ) : null}
        </aside>

        {related.length > 0 ? (
          <section aria-labelledby="check-also-heading" data-testid="check-also">
            <h2 id="check-also-heading" className="border-b-2 border-brand pb-1 font-serif text-xl font-bold">
              {t(l, "story.checkAlso")}
            </h2>
            <ul className="mt-4 grid gap-6 sm:grid-cols-3">
              {related.map((r) => (
                <li key={r.id} lang={r.language} dir={r.direction} data-testid="check-also-item">
                  {r.photo ? <CardPhoto photo={r.photo} sizes="(min-width: 640px) 240px, 100vw" className="mb-2 aspect-[3/2] w-full" /> : null}
                  <h3 className="font-serif text-lg font-bold leading-snug">
                    <a href={`/news/${r.slug}`} className="hover:text-brand">
                      {r.title}
                    </a>
                  </h3>
                  <LastUpdated instant={r.lastUpdatedAt} timeZone={settings.timeZone} siteLocale={settings.locale} language={r.language} className="mt-1" />
                  <p className="mt-1 text-sm text-neutral-700" data-testid="check-also-excerpt">
                    {cutExcerpt(r.excerpt, CHECK_ALSO_EXCERPT_CHARS)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </footer>
    </article>
  );
}
