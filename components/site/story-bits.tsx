/**
 * Small pieces of reader pages shared by the article page and lists. Server Components.
 */
import type { BylineRef, StoryCard } from "@/lib/stories/queries";
import { cutExcerpt } from "@/lib/stories/excerpt";
import { dateLocaleFor, formatDateTime, formatLongDate, isoDateInZone } from "@/lib/dates/format";
import { t } from "@/lib/i18n/messages";
import { CardPhoto } from "./story-photo";

/**
 * "(Last Updated On: March 18, 2017)" in the newsroom's zone, with a machine-readable <time>.
 * `withTime` adds the time of day (lists do for stories updated on the newsroom's current day):
 * always an absolute time, never "3 hours ago", since cached pages are served for a while.
 */
export function LastUpdated({
  instant,
  timeZone,
  siteLocale,
  language,
  withTime = false,
  className = "",
}: {
  instant: Date;
  timeZone: string;
  siteLocale: string;
  language: string;
  withTime?: boolean;
  className?: string;
}) {
  const locale = dateLocaleFor(language, siteLocale);
  return (
    <p className={`text-sm text-neutral-600 ${className}`} data-testid="last-updated">
      ({t(language, "story.lastUpdatedOn")}:{" "}
      <time dateTime={instant.toISOString()}>{withTime ? formatDateTime(instant, timeZone, locale) : formatLongDate(instant, timeZone, locale)}</time>)
    </p>
  );
}

/** An update counts as later than publication from this many milliseconds on (a save in the same minute is not an update readers need told of). */
const UPDATE_SHOWN_AFTER_MS = 60_000;

/**
 * "Published March 16, 2017 at 9:05 AM · Updated March 18, 2017 at 2:30 PM": the first
 * publication and, when later, the last update, with time of day, in the newsroom's zone and
 * the story's language.
 */
export function StoryDates({ publishedAt, lastUpdatedAt, timeZone, siteLocale, language }: { publishedAt: Date; lastUpdatedAt: Date; timeZone: string; siteLocale: string; language: string }) {
  const locale = dateLocaleFor(language, siteLocale);
  const updated = lastUpdatedAt.getTime() - publishedAt.getTime() >= UPDATE_SHOWN_AFTER_MS;
  return (
    <p className="text-sm text-neutral-600" data-testid="story-dates">
      <span data-testid="published-at">
        {t(language, "story.published")} <time dateTime={publishedAt.toISOString()}>{formatDateTime(publishedAt, timeZone, locale)}</time>
      </span>
      {updated ? (
        <>
          <span aria-hidden="true"> · </span>
          <span data-testid="updated-at">
            {t(language, "story.updated")} <time dateTime={lastUpdatedAt.toISOString()}>{formatDateTime(lastUpdatedAt, timeZone, locale)}</time>
          </span>
        </>
      ) : null}
    </p>
  );
}

/**
 * "By: A, B" with each byline linking to its page. Each name is isolated (<bdi>, HTML's bidi
 * isolation), so a Latin name on a Dari page keeps the colon and commas on the page's side.
 */
export function Bylines({ bylines, language }: { bylines: BylineRef[]; language: string }) {
  if (bylines.length === 0) return null;
  return (
    <p className="text-base font-semibold text-neutral-800" data-testid="bylines">
      {t(language, "story.by")}:{" "}
      {bylines.map((b, i) => (
        <span key={b.id}>
          {i > 0 ? t(language, "story.bylineSeparator") : null}
          <a href={`/author/${b.slug}`} rel="author" className="text-brand hover:underline">
            <bdi>{b.name}</bdi>
          </a>
        </span>
      ))}
    </p>
  );
}

/** The "Live" label of a live blog whose coverage runs, on its cards. */
export function LiveLabel({ language = "en" }: { language?: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-sm border border-brand px-1.5 py-px text-xs font-bold uppercase tracking-wider text-brand" data-testid="live-label">
      <span aria-hidden="true" className="inline-block h-1.5 w-1.5 rounded-full bg-brand" />
      {t(language, "label.live")}
    </span>
  );
}

/** The red "Breaking News" label. */
export function BreakingLabel({ language = "en" }: { language?: string }) {
  return (
    <span className="inline-block rounded-sm bg-brand px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-white">
      {t(language, "label.breaking")}
    </span>
  );
}

/**
 * A story in a list: section, title, dek or excerpt, date and bylines. `title` and `summary`
 * replace the plain headline and dek/excerpt (search results pass highlighted ones).
 * The headline is an h2 by default (see `headingLevel`), so no heading level is skipped.
 */
export function StoryListItem({
  story,
  timeZone,
  siteLocale,
  size = "md",
  title,
  summary,
  headingLevel = 2,
  underSectionId,
  now,
  photoLayout = "top",
  prefixOf = () => "",
}: {
  story: StoryCard;
  timeZone: string;
  siteLocale: string;
  size?: "lg" | "md" | "sm";
  title?: React.ReactNode;
  summary?: React.ReactNode;
  /** 2 in a plain list under the page's h1; 3 inside a block that has its own h2. */
  headingLevel?: 2 | 3;
  /** The section whose own heading the list sits under: its label is not repeated on the card. */
  underSectionId?: string;
  /** The render's instant: stories updated on its calendar day (newsroom zone) show the time. */
  now?: Date;
  /** "side": the photo as a thumbnail at the end of the row (lists); "top": above the text. */
  photoLayout?: "top" | "side";
  /** The edition prefix of a story's language ("" or "/fa"): its section label leads to that edition's section page. */
  prefixOf?: (language: string) => string;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  const titleClass =
    size === "lg" ? "text-3xl sm:text-4xl" : size === "md" ? "text-xl" : "text-lg";
  // Small cards and list rows carry the photo as a thumbnail at the line's end; large and
  // medium cards above the text. Every card photo is cut to 3:2, so cards side by side align.
  const side = story.photo !== null && (size === "sm" || photoLayout === "side");
  return (
    <article lang={story.language} dir={story.direction} className={side ? "flex items-start gap-4" : "flex flex-col gap-1"}>
      {story.photo && !side ? (
        <CardPhoto photo={story.photo} sizes={size === "lg" ? "(min-width: 1024px) 640px, 100vw" : "(min-width: 640px) 320px, 100vw"} className="mb-2 aspect-[3/2] w-full" />
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          {story.breaking ? <BreakingLabel language={story.language} /> : null}
          {story.isLive ? <LiveLabel language={story.language} /> : null}
          {story.section && story.section.id !== underSectionId ? (
            <a href={`${prefixOf(story.language)}/tag/${story.section.slug}`} className="text-xs font-bold uppercase tracking-wide text-brand">
              {story.section.name}
            </a>
          ) : null}
        </div>
        <Heading className={`font-serif font-bold leading-tight ${titleClass}`}>
          <a href={`/news/${story.slug}`} className="hover:text-brand">
            {title ?? story.title}
          </a>
        </Heading>
        {size !== "sm" ? <p className="text-neutral-700">{summary ?? (story.dek || cutExcerpt(story.excerpt, 200))}</p> : null}
        <LastUpdated
          instant={story.lastUpdatedAt}
          timeZone={timeZone}
          siteLocale={siteLocale}
          language={story.language}
          withTime={now !== undefined && isoDateInZone(story.lastUpdatedAt, timeZone) === isoDateInZone(now, timeZone)}
        />
      </div>
      {story.photo && side ? (
        <CardPhoto photo={story.photo} sizes={size === "sm" ? "96px" : "(min-width: 640px) 192px, 112px"} className={`aspect-[3/2] shrink-0 ${size === "sm" ? "w-24" : "w-28 sm:w-48"}`} />
      ) : null}
    </article>
  );
}

/**
 * Previous/next links for a paginated list and "Page n of m", in `language` (the page's chrome
 * language, its digits too). `hrefFor(1)` is the list's own URL; `labels` replace the links'
 * default words ("Newer stories", "Older stories").
 */
export function Pagination({
  page,
  pages,
  hrefFor,
  language,
  labels = { prev: t(language, "list.newerStories"), next: t(language, "list.olderStories") },
}: {
  page: number;
  pages: number;
  hrefFor: (n: number) => string;
  language: string;
  labels?: { prev: string; next: string };
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t(language, "list.pagination")} className="mt-10 flex items-center justify-between border-t border-neutral-200 pt-4 text-sm">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className="font-semibold text-brand hover:underline">
          {labels.prev}
        </a>
      ) : (
        <span />
      )}
      <span className="text-neutral-500">
        {t(language, "list.pageOf", { page, pages })}
      </span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next" className="font-semibold text-brand hover:underline">
          {labels.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
