import { Pagination, StoryListItem } from "@/components/site/story-bits";
import type { ReaderPage } from "@/components/site/render";
import { pageCount, parsePageSegment } from "@/lib/site/pagination";
import { editionPrefixer, type ReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { parseSearchQuery, SEARCH_MAX_QUERY_CHARS, type SearchQuery, type SnippetPart } from "@/lib/search/query";
import { searchPublicStories } from "@/lib/search/stories";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";
import { t, tParts } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";

/**
 * The search page's content, shared by `/search` (the empty form, rendered per request) and
 * the cached results route `/search/q/<words>/<page>`, where the proxy sends every
 * `/search?q=…` (proxy.ts): results for the same words are rendered once and served from the
 * page cache until the next change readers see, like every other reader page.
 */
const PER_PAGE = 10;

function Marked({ parts }: { parts: SnippetPart[] }) {
  return parts.map((p, i) =>
    p.mark ? (
      <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
        {p.text}
      </mark>
    ) : (
      <span key={i}>{p.text}</span>
    ),
  );
}

/**
 * The search page for the words `q` (any value: parsed and checked here) and the results
 * page `rawPage` ("2", …; anything else is page 1), at the context's instant. Not indexed.
 */
export async function searchPage(context: ReaderContext, q: unknown, rawPage: string | undefined): Promise<ReaderPage> {
  const query = parseSearchQuery(q);
  const page = rawPage === undefined || rawPage === "1" ? 1 : (parsePageSegment(rawPage) ?? 1);
  await tagReaderPage([RECENT_TAG]);
  // Every language is searched; the page's edition's stories come first.
  const result = query.kind === "ok" ? await searchPublicStories({ text: query.text, now: context.now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE, prefer: context.scope }) : null;
  const { settings } = context;
  const language = chromeLanguageOf(settings);
  const what = query.kind === "empty" ? t(language, "search.title") : t(language, "search.titleWithQuery", { query: query.display });
  return {
    kind: "page",
    language,
    meta: {
      ...siteMeta(siteUrl(), settings.siteName, `${what} | ${settings.siteName}`),
      description: t(language, "search.description", { site: settings.siteName }),
      robots: { index: false, follow: true },
    },
    body: <SearchView query={query} page={page} result={result} settings={settings} now={context.now} language={language} action={`${context.edition.prefix}/search`} prefixOf={editionPrefixer(context)} />,
  };
}

function SearchView({
  query,
  page,
  result,
  settings,
  now,
  language,
  action,
  prefixOf,
}: {
  now: Date;
  /** The language of the page's own words. */
  language: string;
  /** The edition's search address ("/search", "/fa/search"). */
  action: string;
  prefixOf: (language: string) => string;
  query: SearchQuery;
  page: number;
  result: Awaited<ReturnType<typeof searchPublicStories>> | null;
  settings: ReaderContext["settings"];
}) {
  const display = query.kind === "empty" ? "" : query.display;
  // The words searched for, kept in their own direction inside the sentence around them.
  const searched = (
    <strong key="q" dir="auto">
      {display}
    </strong>
  );
  const hrefFor = (n: number) => `${action}?${new URLSearchParams({ q: display, ...(n > 1 ? { page: String(n) } : {}) })}`;

  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="mb-6 font-serif text-3xl font-bold">{t(language, "search.title")}</h1>
      <form action={action} method="get" role="search" className="mb-8 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          {t(language, "search.label")}
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={display}
          maxLength={SEARCH_MAX_QUERY_CHARS}
          placeholder={t(language, "search.label")}
          dir="auto"
          className="min-w-0 flex-1 rounded border border-neutral-300 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          {t(language, "search.submit")}
        </button>
      </form>

      {/* A long query with no spaces still wraps on a phone. */}
      <div data-testid="search-status" className="mb-6 text-neutral-700 [overflow-wrap:anywhere]">
        {query.kind === "no-terms" ? (
          <p>{t(language, "search.noTerms")}</p>
        ) : null}
        {query.kind === "ok" && query.truncated ? (
          <p>{t(language, "search.truncated", { max: SEARCH_MAX_QUERY_CHARS })}</p>
        ) : null}
        {result && result.total === 0 ? (
          <p>{tParts(language, "search.noResults", { query: searched })}</p>
        ) : null}
        {result && result.total > 0 ? (
          <p>{tParts(language, result.capped ? "search.resultsCapped" : "search.results", { count: result.total, query: searched })}</p>
        ) : null}
      </div>

      {result && result.items.length > 0 ? (
        <ul className="divide-y divide-neutral-200" data-testid="search-results">
          {result.items.map((hit) => (
            <li key={hit.id} className="py-5 first:pt-0" data-testid="search-hit">
              <StoryListItem
                story={hit}
                timeZone={settings.timeZone}
                siteLocale={settings.locale}
                now={now}
                photoLayout="side"
                prefixOf={prefixOf}
                title={<Marked parts={hit.titleParts} />}
                summary={hit.snippetParts.length > 0 ? <Marked parts={hit.snippetParts} /> : undefined}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {result ? (
        <Pagination
          page={page}
          pages={pageCount(result.total, PER_PAGE)}
          hrefFor={hrefFor}
          language={language}
          labels={{ prev: t(language, "search.betterMatches"), next: t(language, "search.moreResults") }}
        />
      ) : null}
    </section>
  );
}
