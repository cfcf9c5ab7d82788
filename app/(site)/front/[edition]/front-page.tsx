/**
 * The front page: lead story, top stories (as editors arranged them on the desk's Front page
 * screen, the rest by the automatic rule they chose), the section blocks (in the order they
 * chose, or the navigation's), and a link to older stories. The desk's preview renders this
 * same page with a proposal not yet saved.
 */
import { StoryListItem } from "@/components/site/story-bits";
import type { StoryListProps } from "@/components/site/story-list";
import type { ReaderPage } from "@/components/site/render";
import { countPublicStories, type StoryCard } from "@/lib/stories/queries";
import type { FrontProposal } from "@/lib/front/arrange";
import { loadFrontBlocks, loadFrontStories, type FrontBlock } from "@/lib/front/arrangement";
import type { ReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { feedLinks, siteMeta } from "@/lib/seo/metadata";
import { editionAlternates } from "@/lib/site/editions";
import { editionPrefixer } from "@/lib/site/reader";
import { t } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";

const LATEST = 6;

/** Stories of a front-page block: headline and date only, as h3 under the block's h2. */
function CompactList({ stories, ...card }: StoryListProps) {
  return (
    <ul className="flex flex-col gap-5">
      {stories.map((s) => (
        <li key={s.id}>
          <StoryListItem story={s} {...card} size="sm" headingLevel={3} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The front page at the context's instant, as saved; with `proposal`, as it would be with that
 * change (a preview for the desk: not cached, not indexed).
 */
export async function frontPage(context: ReaderContext, proposal?: FrontProposal): Promise<ReaderPage> {
  const { now, settings, edition, scope } = context;
  if (!proposal) await tagReaderPage([RECENT_TAG]);
  // Another edition's front: its language's stories by the editors' rule (they pin stories on
  // the default edition's front only).
  const [slots, total] = await Promise.all([loadFrontStories(now, LATEST + 1, proposal, { scope, pins: edition.isDefault }), countPublicStories(now, scope)]);
  const latest = { items: slots.map((s) => s.story), total };
  const shownIds = latest.items.map((s) => s.id);
  const sections = await loadFrontBlocks(now, { sections: 4, perSection: 3, excludeIds: shownIds, scope, language: edition.language }, proposal);
  const origin = siteUrl();
  const home = `${origin}${edition.prefix}/`;
  const title = settings.tagline ? `${settings.siteName} — ${settings.tagline}` : settings.siteName;
  const description = settings.tagline || settings.aboutText || undefined;
  const language = chromeLanguageOf(settings);
  return {
    kind: "page",
    language,
    meta: {
      ...siteMeta(origin, settings.siteName, title),
      feeds: feedLinks(origin, edition.isDefault ? { kind: "site" } : { kind: "edition", language: edition.language }, settings.siteName),
      description,
      canonical: home,
      // Every edition's front page names the others (Google's localized versions documentation).
      languages: editionAlternates(context.site, origin),
      openGraph: { type: "website", siteName: settings.siteName, title: settings.siteName, description, url: home },
      ...(proposal ? { title: `Preview: ${title}`, robots: { index: false, follow: false } } : {}),
    },
    body: <FrontPage context={context} latest={latest} sections={sections} language={language} />,
  };
}

function FrontPage({
  context: { settings, now, edition, site },
  latest,
  sections,
  language,
}: {
  context: ReaderContext;
  /** The language of the page's own words. */
  language: string;
  latest: { items: StoryCard[]; total: number };
  sections: FrontBlock[];
}) {
  const [lead, ...rest] = latest.items;
  const secondary = lead && !lead.photo ? rest.slice(0, 2) : [];
  const latestList = rest.slice(secondary.length, LATEST);
  const tz = settings.timeZone;
  const loc = settings.locale;
  const prefixOf = editionPrefixer({ site });

  if (!lead) {
    return (
      <section className="py-24 text-center">
        <h1 className="font-serif text-3xl font-bold">{settings.siteName}</h1>
        <p className="mt-4 text-neutral-600">{t(language, "list.noStoriesYet")}</p>
      </section>
    );
  }

  return (
    <div className="flex flex-col gap-12">
      <h1 className="sr-only">{settings.siteName}</h1>

      <div className="grid gap-10 lg:grid-cols-3">
        <div className="flex flex-col gap-8 lg:col-span-2">
          <section aria-label={t(language, "list.leadStory")} data-testid="lead-story">
            <StoryListItem story={lead} timeZone={tz} siteLocale={loc} size="lg" now={now} prefixOf={prefixOf} />
          </section>
          {/* A lead without a photo is a text lead: the next two top stories sit under it, so
              the column beside "Latest" never stands empty. */}
          {secondary.length > 0 ? (
            <div className="grid gap-8 border-t border-neutral-200 pt-6 sm:grid-cols-2" data-testid="top-stories">
              {secondary.map((s) => (
                <StoryListItem key={s.id} story={s} timeZone={tz} siteLocale={loc} size="md" now={now} prefixOf={prefixOf} />
              ))}
            </div>
          ) : null}
        </div>
        <section aria-labelledby="latest-heading" data-testid="latest">
          <h2 id="latest-heading" className="mb-4 border-b-2 border-neutral-900 pb-1 text-sm font-bold uppercase tracking-wider">
            {t(language, "front.latest")}
          </h2>
          <CompactList stories={latestList} timeZone={tz} siteLocale={loc} now={now} prefixOf={prefixOf} />
        </section>
      </div>

      {sections.length > 0 ? (
        <div className="grid gap-10 md:grid-cols-2">
          {sections.map(({ section, stories }) => (
            <section key={section.id} aria-labelledby={`section-${section.slug}`} data-testid="section-block">
              <h2 id={`section-${section.slug}`} className="mb-4 border-b-2 border-brand pb-1 text-sm font-bold uppercase tracking-wider">
                <a href={`${edition.prefix}/tag/${section.slug}`} className="hover:text-brand">
                  {section.name}
                </a>
              </h2>
              <CompactList stories={stories} timeZone={tz} siteLocale={loc} underSectionId={section.id} now={now} prefixOf={prefixOf} />
            </section>
          ))}
        </div>
      ) : null}

      {latest.total > 0 ? (
        <p className="text-center">
          <a href={`${edition.prefix}/latest`} className="inline-block rounded border border-neutral-900 px-5 py-2 font-semibold hover:bg-neutral-900 hover:text-white">
            {t(language, "front.moreStories")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
