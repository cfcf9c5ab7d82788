import { Pagination, StoryListItem } from "@/components/site/story-bits";
import type { ReaderPage } from "@/components/site/render";
import { pageCount, parsePageSegment } from "@/lib/site/pagination";
import type { ReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { parseSearchQuery, SEARCH_MAX_QUERY_CHARS, type SearchQuery, type SnippetPart } from "@/lib/search/query";
import { searchPublicStories } from "@/lib/search/stories";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";
import { countOf } from "@/lib/text/count";

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
  const result = query.kind === "ok" ? await searchPublicStories({ text: query.text, now: context.now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }) : null;
  const { settings } = context;
  const what = query.kind === "empty" ? "Search" : `Search: ${query.display}`;
  return {
    kind: "page",
    meta: {
      ...siteMeta(siteUrl(), settings.siteName, `${what} | ${settings.siteName}`),
      description: `Search the stories of ${settings.siteName}.`,
      robots: { index: false, follow: true },
    },
    body: <SearchView query={query} page={page} result={result} settings={settings} now={context.now} />,
  };
}

function SearchView({
  query,
  page,
  result,
  settings,
  now,
}: {
  now: Date;
  query: SearchQuery;
  page: number;
  result: Awaited<ReturnType<typeof searchPublicStories>> | null;
  settings: ReaderContext["settings"];
}) {
  const display = query.kind === "empty" ? "" : query.display;
  const hrefFor = (n: number) => `/search?${new URLSearchParams({ q: display, ...(n > 1 ? { page: String(n) } : {}) })}`;

  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="mb-6 font-serif text-3xl font-bold">Search</h1>
      <form action="/search" method="get" role="search" className="mb-8 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search stories
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={display}
          maxLength={SEARCH_MAX_QUERY_CHARS}
          placeholder="Search stories"
          dir="auto"
          className="min-w-0 flex-1 rounded border border-neutral-300 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>

      {/* A long query with no spaces still wraps on a phone. */}
      <div data-testid="search-status" className="mb-6 text-neutral-700 [overflow-wrap:anywhere]">
        {query.kind === "no-terms" ? (
          <p>Type a word to search for: punctuation and symbols alone match nothing.</p>
        ) : null}
        {query.kind === "ok" && query.truncated ? (
          <p>Your search was longer than {SEARCH_MAX_QUERY_CHARS} characters, so only its beginning was used.</p>
        ) : null}
        {result && result.total === 0 ? (
          <p>
            No stories match <strong dir="auto">{display}</strong>.
          </p>
        ) : null}
        {result && result.total > 0 ? (
          <p>
            {result.capped
              ? `More than ${result.total.toLocaleString("en")} stories match`
              : `${countOf(result.total, "story matches", "stories match")}`}{" "}
            <strong dir="auto">{display}</strong>
            {result.capped ? `: the best of the newest ${result.total.toLocaleString("en")} are shown. Add a word to narrow the search.` : "."}
          </p>
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
                title={<Marked parts={hit.titleParts} />}
                summary={hit.snippetParts.length > 0 ? <Marked parts={hit.snippetParts} /> : undefined}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {result ? <Pagination page={page} pages={pageCount(result.total, PER_PAGE)} hrefFor={hrefFor} labels={{ prev: "← Better matches", next: "More results →" }} /> : null}
    </section>
  );
}
