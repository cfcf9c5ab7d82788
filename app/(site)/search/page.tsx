import type { Metadata } from "next";
import { Pagination, StoryListItem } from "@/components/site/story-bits";
import { pageCount, parsePageSegment } from "@/lib/site/pagination";
import { getReaderContext } from "@/lib/site/reader";
import { parseSearchQuery, SEARCH_MAX_QUERY_CHARS, type SnippetPart } from "@/lib/search/query";
import { searchPublicStoriesCached } from "@/lib/search/cached";

/**
 * `/search?q=…&page=N`: public stories matching the words, best first, with the matched
 * words marked. Rendered per request (the query is in the URL) from cached results
 * (lib/search/cached.ts); robots are asked not to index result pages.
 */
export const dynamic = "force-dynamic";

const PER_PAGE = 10;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseSearchQuery((await searchParams).q);
  const { settings } = await getReaderContext();
  const what = query.kind === "empty" ? "Search" : `Search: ${query.display}`;
  return { title: `${what} | ${settings.siteName}`, robots: { index: false, follow: true } };
}

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

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = parseSearchQuery(params.q);
  const rawPage = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = rawPage === undefined || rawPage === "1" ? 1 : (parsePageSegment(rawPage) ?? 1);
  const { settings } = await getReaderContext();
  const result = query.kind === "ok" ? await searchPublicStoriesCached({ text: query.text, limit: PER_PAGE, offset: (page - 1) * PER_PAGE }) : null;
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

      <div data-testid="search-status" className="mb-6 text-neutral-700">
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
              : result.total === 1
                ? "1 story matches"
                : `${result.total} stories match`}{" "}
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
