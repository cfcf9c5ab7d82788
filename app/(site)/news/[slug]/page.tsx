import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { BreakingLabel, Bylines, LastUpdated } from "@/components/site/story-bits";
import { cutExcerpt } from "@/lib/stories/excerpt";
import { getPublicStory, listRelatedStories } from "@/lib/stories/queries";
import { labelsFor } from "@/lib/i18n/languages";
import { formatLongDate } from "@/lib/dates/format";
import { decodeSegment, getReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { newsArticleJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { pageAlternates } from "@/lib/seo/metadata";
import { CardPhoto, FeaturedPhoto } from "@/components/site/story-photo";
import { optimisedUrl } from "@/lib/media/responsive";

/**
 * The article page, in the order of the page this project was created from: breaking label,
 * headline, "Last Updated On", body, bylines, tags, the site's About box, "Check Also".
 *
 * Rendered on first request and cached (ISR); nothing is read at build time. The backstop
 * `revalidate` keeps any cached page, a 404 included, at most a few seconds old, so a story's
 * address that answered 404 before publication does not stay a 404 after it (a cached
 * notFound() once ignored revalidate: https://github.com/vercel/next.js/issues/19234).
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const NOTE_LABEL = { update: "Update", correction: "Correction", clarification: "Clarification" } as const;

/** "Check Also" teasers are short: the first words of the story, cut at a word. */
const CHECK_ALSO_EXCERPT_CHARS = 48;

type Props = { params: Promise<{ slug: string }> };

const lookup = cache(async (rawSlug: string) => {
  const slug = decodeSegment(rawSlug);
  if (slug === null) return { kind: "missing" } as const;
  const { now } = await getReaderContext();
  return getPublicStory(slug, now);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await lookup(slug);
  if (found.kind !== "story") return { title: "Not found" };
  const { settings } = await getReaderContext();
  const s = found.story;
  const description = s.seoDescription || s.dek || cutExcerpt(s.excerpt, 160);
  const canonical = s.canonicalUrl ?? `${siteUrl()}/news/${s.slug}`;
  return {
    title: `${s.seoTitle || s.title} | ${settings.siteName}`,
    description,
    // The story's own language as its hreflang (a self-reference, as Google asks).
    alternates: { ...pageAlternates(siteUrl(), canonical, { kind: "site" }, settings.siteName), languages: { [s.language]: canonical } },
    twitter: { card: s.photo ? "summary_large_image" : "summary", title: s.title, description, ...(s.photo ? { images: [siteUrl() + optimisedUrl(s.photo.url, 1280)] } : {}) },
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
      ...(s.photo ? { images: [{ url: siteUrl() + optimisedUrl(s.photo.url, 1280), width: Math.min(1280, s.photo.width), height: Math.round((Math.min(1280, s.photo.width) * s.photo.height) / s.photo.width), alt: s.photo.altText }] } : {}),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const found = await lookup(slug);
  if (found.kind === "redirect") permanentRedirect(`/news/${found.slug}`);
  if (found.kind === "missing") notFound();
  const story = found.story;
  const { now, settings } = await getReaderContext();
  const { stories: related, dependsOnNewest } = await listRelatedStories(story, now, 3);
  // Cached until this story, a story sharing one of its tags, or (when "Check Also" is filled
  // with the newest stories) any story changes (lib/site/reader-cache.ts).
  await tagReaderPage([...story.tags.map((t) => tagListTag(t.id)), ...(dependsOnNewest ? [RECENT_TAG] : [])]);
  const labels = labelsFor(story.language);

  const jsonLd = newsArticleJsonLd(
    {
      slug: story.slug,
      title: story.title,
      description: story.seoDescription || story.dek || story.excerpt,
      language: story.language,
      publishedAt: story.publishedAt,
      lastUpdatedAt: story.lastUpdatedAt,
      section: story.section,
      tags: story.tags,
      bylines: story.bylines,
      imageUrl: story.photo ? optimisedUrl(story.photo.url, 1280) : null,
    },
    settings,
    siteUrl(),
  );

  return (
    <article lang={story.language} dir={story.direction} className="mx-auto max-w-3xl" data-testid="article">
      {/* Structured data for search engines; "<" is escaped so it cannot close the script. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <header className="flex flex-col gap-3">
        {story.breaking ? (
          <p data-testid="breaking-label">
            <BreakingLabel language={story.language} />
          </p>
        ) : null}
        {story.section ? (
          <Link href={`/tag/${story.section.slug}`} className="text-sm font-bold uppercase tracking-wide text-brand">
            {story.section.name}
          </Link>
        ) : null}
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl">{story.title}</h1>
        {story.dek ? <p className="text-xl leading-snug text-neutral-700">{story.dek}</p> : null}
        <LastUpdated instant={story.lastUpdatedAt} timeZone={settings.timeZone} siteLocale={settings.locale} language={story.language} />
        {story.photo ? <FeaturedPhoto photo={story.photo} /> : null}
      </header>

      <div
        className="story-body prose prose-lg prose-neutral mt-8 max-w-none prose-headings:font-serif prose-a:text-brand prose-blockquote:border-brand"
        data-testid="article-body"
        dangerouslySetInnerHTML={{ __html: story.bodyHtml /* rendered with the shared schema and sanitised at save time */ }}
      />

      {story.notes.length > 0 ? (
        <section aria-labelledby="notes-heading" className="mt-8 border-t border-neutral-200 pt-4 text-sm" data-testid="story-notes">
          <h2 id="notes-heading" className="sr-only">
            Updates and corrections
          </h2>
          <ul className="flex flex-col gap-2">
            {story.notes.map((n, i) => (
              <li key={i} dir="auto">
                <strong className="font-semibold">{NOTE_LABEL[n.kind]}</strong> (
                <time dateTime={n.at.toISOString()}>{formatLongDate(n.at, settings.timeZone, settings.locale)}</time>): {n.note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <footer className="mt-10 flex flex-col gap-6">
        <Bylines bylines={story.bylines} language={story.language} />
        {story.tags.length > 0 ? (
          <nav aria-label={labels.tags}>
            <ul className="flex flex-wrap gap-2" data-testid="tags">
              {story.tags.map((t) => (
                <li key={t.id}>
                  <Link
                    href={`/tag/${t.slug}`}
                    rel="tag"
                    className="inline-block rounded-full border border-neutral-300 px-3 py-1 text-sm text-neutral-700 hover:border-brand hover:text-brand"
                  >
                    {t.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        <aside aria-labelledby="about-heading" className="rounded border border-neutral-200 bg-neutral-50 p-5" data-testid="about-box">
          <h2 id="about-heading" className="font-serif text-lg font-bold">
            {labels.about(settings.siteName)}
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
              {labels.checkAlso}
            </h2>
            <ul className="mt-4 grid gap-6 sm:grid-cols-3">
              {related.map((r) => (
                <li key={r.id} lang={r.language} dir={r.direction} data-testid="check-also-item">
                  {r.photo ? <CardPhoto photo={r.photo} sizes="(min-width: 640px) 240px, 100vw" className="mb-2 aspect-[3/2]" /> : null}
                  <h3 className="font-serif text-lg font-bold leading-snug">
                    <Link href={`/news/${r.slug}`} className="hover:text-brand">
                      {r.title}
                    </Link>
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
