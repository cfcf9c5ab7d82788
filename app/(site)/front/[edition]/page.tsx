import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BreakingLabel, StoryListItem } from "@/components/site/story-bits";
import { listBreakingStories, listPublicStories, listSectionBlocks, type StoryCard } from "@/lib/stories/queries";
import { getReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/**
 * The front page: breaking-news bar, lead story, latest stories, a block per section, and a
 * link to older stories. Readers reach it at `/` through a rewrite (next.config.ts) to
 * `/front/latest`: a route with a parameter can be cached like every other reader page (ISR,
 * rendered on first request), while a page with no parameters would be prerendered during
 * `next build`, when the database must not be read (the build machine need not reach it, and
 * the embedded database allows one process). Any other edition is a 404.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { edition: string }[] {
  return [];
}

/** The one edition there is. */
const FRONT_EDITION = "latest";

const LATEST = 6;

type Props = { params: Promise<{ edition: string }> };

/** Stories of a front-page block: headline and date only, as h3 under the block's h2. */
function CompactList({ stories, timeZone, siteLocale }: { stories: StoryCard[]; timeZone: string; siteLocale: string }) {
  return (
    <ul className="flex flex-col gap-5">
      {stories.map((s) => (
        <li key={s.id}>
          <StoryListItem story={s} timeZone={timeZone} siteLocale={siteLocale} size="sm" headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getReaderContext();
  const title = settings.tagline ? `${settings.siteName} — ${settings.tagline}` : settings.siteName;
  const description = settings.tagline || settings.aboutText || undefined;
  return {
    title,
    description,
    alternates: pageAlternates(siteUrl(), "/", { kind: "site" }, settings.siteName),
    openGraph: { type: "website", siteName: settings.siteName, title: settings.siteName, description, url: `${siteUrl()}/` },
  };
}

export default async function HomePage({ params }: Props) {
  if ((await params).edition !== FRONT_EDITION) notFound();
  const { now, settings } = await getReaderContext();
  await tagReaderPage([RECENT_TAG]);
  const [breaking, latest] = await Promise.all([listBreakingStories(now, 5), listPublicStories({ now, limit: LATEST + 1 })]);
  const [lead, ...rest] = latest.items;
  const shownIds = latest.items.map((s) => s.id);
  const sections = await listSectionBlocks(now, { sections: 4, perSection: 3, excludeIds: shownIds });
  const tz = settings.timeZone;
  const loc = settings.locale;

  if (!lead) {
    return (
      <section className="py-24 text-center">
        <h1 className="font-serif text-3xl font-bold">{settings.siteName}</h1>
        <p className="mt-4 text-neutral-600">No stories have been published yet.</p>
      </section>
    );
  }

  return (
    <div className="flex flex-col gap-12">
      <h1 className="sr-only">{settings.siteName}</h1>
      {breaking.length > 0 ? (
        <section aria-label="Breaking news" className="flex flex-wrap items-center gap-3 border-y-2 border-brand bg-red-50 px-4 py-3" data-testid="breaking-bar">
          <BreakingLabel />
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            {breaking.map((b) => (
              <li key={b.id} lang={b.language} dir={b.direction}>
                <Link href={`/news/${b.slug}`} className="font-semibold hover:text-brand hover:underline">
                  {b.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-label="Lead story" className="lg:col-span-2" data-testid="lead-story">
          <StoryListItem story={lead} timeZone={tz} siteLocale={loc} size="lg" />
        </section>
        <section aria-labelledby="latest-heading" data-testid="latest">
          <h2 id="latest-heading" className="mb-4 border-b-2 border-neutral-900 pb-1 text-sm font-bold uppercase tracking-wider">
            Latest
          </h2>
          <CompactList stories={rest.slice(0, LATEST)} timeZone={tz} siteLocale={loc} />
        </section>
      </div>

      {sections.length > 0 ? (
        <div className="grid gap-10 md:grid-cols-2">
          {sections.map(({ section, stories }) => (
            <section key={section.id} aria-labelledby={`section-${section.slug}`} data-testid="section-block">
              <h2 id={`section-${section.slug}`} className="mb-4 border-b-2 border-brand pb-1 text-sm font-bold uppercase tracking-wider">
                <Link href={`/tag/${section.slug}`} className="hover:text-brand">
                  {section.name}
                </Link>
              </h2>
              <CompactList stories={stories} timeZone={tz} siteLocale={loc} />
            </section>
          ))}
        </div>
      ) : null}

      {latest.total > 0 ? (
        <p className="text-center">
          <Link href="/latest" className="inline-block rounded border border-neutral-900 px-5 py-2 font-semibold hover:bg-neutral-900 hover:text-white">
            More stories
          </Link>
        </p>
      ) : null}
    </div>
  );
}
