/**
 * A live blog on its story page, after the introduction: the "Live" badge or the notice that
 * the coverage ended, key events linked to their entries, the pinned entry, then the entries
 * newest first, each with its time of day in the newsroom's zone and the zone's name, its
 * byline, an "edited" time when it changed after posting, and a permanent link
 * (`#entry-<id>`); "Older updates" and "Newer updates" links page through the rest without
 * JavaScript.
 *
 * The page is complete as HTML. While the coverage runs, one small script of the site's own
 * (public/live-updates.js) polls `/news/<slug>/live.json` and offers entries that arrived; it
 * finds the entries by `data-entry-id` and the endpoint in `data-live-endpoint`.
 * Server Components.
 */
import { dateLocaleFor, formatDateTime, formatLongDate, formatTimeOfDayWithZone, isoDateInZone } from "@/lib/dates/format";
import { messageTemplate, t } from "@/lib/i18n/messages";
import type { LivePage, PublicEntry } from "@/lib/live/public";

/** The reader's script for live updates; its address changes when its content does (see app/assets). */
export interface LiveScript {
  src: string;
}

/** Where and how times are written: the newsroom's zone, the site's locale, the story's language. */
export interface LiveZone {
  timeZone: string;
  siteLocale: string;
  language: string;
}

/** One entry as readers see it; the same markup on the page and in the updates endpoint's `html`. */
export function LiveEntry({ entry, zone, pinnedCopy = false }: { entry: PublicEntry; zone: LiveZone; pinnedCopy?: boolean }) {
  const l = zone.language;
  const locale = dateLocaleFor(zone.language, zone.siteLocale);
  const anchor = `entry-${entry.id}`;
  return (
    <article
      id={pinnedCopy ? undefined : anchor}
      className={`live-entry py-5 ${pinnedCopy ? "pt-2" : "scroll-mt-4 border-t border-neutral-200"}`}
      data-entry-id={pinnedCopy ? undefined : entry.id}
      data-entry-version={`${entry.postedAt.getTime()}-${entry.editedAt?.getTime() ?? 0}`}
      data-testid={pinnedCopy ? "live-pinned-entry" : "live-entry"}
    >
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-neutral-600">
        <a href={`#${anchor}`} className="font-semibold text-brand hover:underline" aria-label={`${t(l, "live.entryLink")}: ${formatDateTime(entry.postedAt, zone.timeZone, locale)}`}>
          <time dateTime={entry.postedAt.toISOString()} data-testid="entry-time">
            {formatTimeOfDayWithZone(entry.postedAt, zone.timeZone, locale)}
          </time>
        </a>
        {entry.isKeyEvent ? <span className="rounded bg-neutral-100 px-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-700">{t(l, "live.keyEvent")}</span> : null}
        {entry.editedAt ? (
          <span data-testid="entry-edited">
            {t(l, "live.edited")} <time dateTime={entry.editedAt.toISOString()}>{formatTimeOfDayWithZone(entry.editedAt, zone.timeZone, locale)}</time>
          </span>
        ) : null}
      </p>
      {entry.headline ? (
        <h3 className="mt-2 font-serif text-xl font-bold leading-snug" dir="auto">
          {entry.headline}
        </h3>
      ) : null}
      <div
        className="story-body prose prose-neutral dark:prose-invert mt-2 max-w-none prose-a:text-brand prose-blockquote:border-brand"
        dangerouslySetInnerHTML={{ __html: entry.bodyHtml /* rendered with the shared schema and sanitised at save time */ }}
      />
      {entry.byline ? (
        <p className="mt-2 text-sm text-neutral-600">
          {t(l, "story.by")}: <a href={`/author/${entry.byline.slug}`} className="hover:text-brand" dir="auto">
            <bdi>{entry.byline.name}</bdi>
          </a>
        </p>
      ) : null}
    </article>
  );
}

/** The day an entry was posted, as a heading between days (live blogs often run past midnight). */
function DayHeading({ at, zone }: { at: Date; zone: LiveZone }) {
  return (
    <h3 className="mt-6 text-xs font-bold uppercase tracking-wide text-neutral-500">
      <time dateTime={isoDateInZone(at, zone.timeZone)}>{formatLongDate(at, zone.timeZone, dateLocaleFor(zone.language, zone.siteLocale))}</time>
    </h3>
  );
}

/** Key events linked to their entries (an empty placeholder when there are none, for the updates script to fill). */
export function KeyEvents({ page, zone }: { page: Pick<LivePage, "keyEvents">; zone: LiveZone }) {
  const locale = dateLocaleFor(zone.language, zone.siteLocale);
  if (page.keyEvents.length === 0) return <div data-live-key-events hidden />;
  return (
    <nav aria-labelledby="key-events-heading" className="mt-6 rounded border border-neutral-200 p-4" data-live-key-events data-testid="key-events">
      <h3 id="key-events-heading" className="font-serif text-lg font-bold">
        {t(zone.language, "live.keyEvents")}
      </h3>
      <ol className="mt-2 flex flex-col gap-2 text-sm">
        {page.keyEvents.map((k) => (
          <li key={k.id} className="flex gap-3">
            <time dateTime={k.postedAt.toISOString()} className="shrink-0 text-neutral-600">
              {formatTimeOfDayWithZone(k.postedAt, zone.timeZone, locale)}
            </time>
            <a href={`#entry-${k.id}`} className="text-brand hover:underline" dir="auto">
              {k.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The pinned entry in its box (an empty placeholder when none is pinned). */
export function PinnedBox({ page, zone }: { page: Pick<LivePage, "pinned">; zone: LiveZone }) {
  if (!page.pinned) return <div data-live-pinned hidden />;
  return (
    <div className="mt-6 rounded border-2 border-brand/40 px-4" data-live-pinned data-testid="live-pinned">
      <p className="pt-3 text-xs font-bold uppercase tracking-wide text-brand">{t(zone.language, "live.pinned")}</p>
      <LiveEntry entry={page.pinned} zone={zone} pinnedCopy />
    </div>
  );
}

/**
 * The live blog part of a story page (or one of its older pages).
 * @param page the entries (lib/live/public.ts getLivePage)
 * @param slug the story's slug, for the paging links and the updates endpoint
 * @param newerHref the link back towards the newest entries, on an older page (null on the first)
 * @param script the updates script while the coverage runs on the first page, else null
 */
export function LiveBlog({
  page,
  live,
  slug,
  zone,
  newerHref,
  script,
}: {
  page: LivePage;
  live: { startedAt: Date; endedAt: Date | null };
  slug: string;
  zone: LiveZone;
  newerHref: string | null;
  script: LiveScript | null;
}) {
  const l = zone.language;
  const locale = dateLocaleFor(zone.language, zone.siteLocale);
  return (
    <section aria-labelledby="live-heading" className="mt-10" data-testid="live-blog" data-live-endpoint={script ? `/news/${encodeURIComponent(slug)}/live.json` : undefined}>
      <h2 id="live-heading" className="flex items-center gap-3 font-serif text-2xl font-bold">
        {live.endedAt ? null : (
          <span className="inline-flex items-center gap-1.5 rounded bg-brand px-2 py-0.5 font-sans text-sm font-bold uppercase tracking-wide text-white" data-testid="live-badge">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-white" />
            {t(l, "label.live")}
          </span>
        )}
        <span className="sr-only">{t(l, "label.live")}</span>
      </h2>
      {live.endedAt ? (
        <p className="mt-3 rounded border border-neutral-300 bg-neutral-50 p-3 text-sm" role="status" data-testid="coverage-ended">
          {t(l, "live.coverageEnded", { at: formatDateTime(live.endedAt, zone.timeZone, locale) })}
        </p>
      ) : null}

      {newerHref ? null : <KeyEvents page={page} zone={zone} />}
      {newerHref ? null : <PinnedBox page={page} zone={zone} />}

      {newerHref ? (
        <p className="mt-6">
          <a href={newerHref} className="text-brand hover:underline" rel="prev">
            {t(l, "live.newerUpdates")}
          </a>
        </p>
      ) : null}

      {script ? (
        <div className="sticky top-2 z-10 mt-6 text-center" data-live-notice hidden>
          <button type="button" className="rounded-full bg-brand px-4 py-2 text-sm font-semibold text-white shadow-lg" data-live-show data-label-one={t(l, "live.newUpdates", { count: 1 })}
            data-label-many={messageTemplate(l, "live.newUpdates", 2).replace("{count}", "{n}")} />
        </div>
      ) : null}

      <div className="mt-4" data-live-entries data-testid="live-entries">
        {page.entries.map((e, i) => {
          const day = isoDateInZone(e.postedAt, zone.timeZone);
          const previous = i > 0 ? isoDateInZone(page.entries[i - 1]!.postedAt, zone.timeZone) : "";
          const heading = day !== previous ? <DayHeading at={e.postedAt} zone={zone} /> : null;
          return (
            <div key={e.id} data-live-item={e.id}>
              {heading}
              <LiveEntry entry={e} zone={zone} />
            </div>
          );
        })}
      </div>

      {page.older ? (
        <p className="mt-6 border-t border-neutral-200 pt-4">
          <a href={`/news/${encodeURIComponent(slug)}/updates/${page.older}`} className="font-semibold text-brand hover:underline" rel="next" data-testid="older-updates">
            {t(l, "live.olderUpdates")}
          </a>
        </p>
      ) : null}
      {script ? <script src={script.src} defer /> : null}
    </section>
  );
}
