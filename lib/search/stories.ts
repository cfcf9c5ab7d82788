/**
 * Full-text search over stories, on the generated `stories.search_vector` column and its GIN
 * index (db/schema: headline A, dek B, body C; `english` and `simple` configurations).
 * The reader's /search and the desk's story search both match through `storyMatch`.
 */
import "server-only";
import { and, desc, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { stories } from "@/db/schema";
import { cardColumns, cardsWithRefs, isInLanguageScope, loadCardRefs, type LanguageScope, type StoryCard } from "@/lib/stories/queries";
import { isPublic } from "@/lib/stories/visibility";
import { isPashtoSql } from "@/db/schema/search-fold";
import type { FoldRule } from "@/lib/text/fold";
import { foldSearchTexts, SEARCH_TRANSLATE } from "./normalize";
import { FRAGMENT_DELIMITER, HIGHLIGHT_LT, HIGHLIGHT_START, HIGHLIGHT_STOP, joinFragments, prefixTsQuery, splitHighlights, type SnippetPart } from "./query";

/**
 * The tsquery for a reader's words, already folded by one rule: web-search syntax ("quoted
 * phrase", or, -word), once with English stemming and once word for word, either matching.
 */
function readerTsQuery(folded: string): SQL {
  return sql`(websearch_to_tsquery('english'::regconfig, ${folded}) || websearch_to_tsquery('simple'::regconfig, ${folded}))`;
}

/** True for stories whose language folds by the Pashto rule (db/schema/search-fold.ts). */
const isPashto = sql.raw(isPashtoSql(`"stories"."language"`));

/**
 * One expression per fold rule, chosen by each story's language: a story's search vector was
 * folded by its language's rule, so a query is folded by that rule too before it meets it.
 * When both rules fold the query the same way (most queries), one expression serves all.
 * @param text the query as typed (NFC or not); `build` gets it folded by a rule.
 */
function byStoryRule(text: string, build: (folded: string, rule: FoldRule) => SQL): SQL {
  const folded = foldSearchTexts(text);
  if (folded.default === folded.ps) return build(folded.default, "default");
  return sql`(case when ${isPashto} then ${build(folded.ps, "ps")} else ${build(folded.default, "default")} end)`;
}

/**
 * Stories whose search document matches the reader-syntax `text`. Two queries that differ by
 * rule are written as an OR of two index conditions (not a CASE) so each can use the index.
 */
export function storyMatch(text: string): SQL {
  const folded = foldSearchTexts(text);
  if (folded.default === folded.ps) return sql`${stories.searchVector} @@ ${readerTsQuery(folded.default)}`;
  return sql`((${stories.searchVector} @@ ${readerTsQuery(folded.ps)} and ${isPashto}) or (${stories.searchVector} @@ ${readerTsQuery(folded.default)} and not ${isPashto}))`;
}

/**
 * Stories matching every word of `text` as a prefix, or the reader syntax, for the desk's
 * search box. Null when `text` holds no word.
 */
export function deskStoryMatch(text: string): SQL | null {
  if (!prefixTsQuery(text)) return null;
  const folded = foldSearchTexts(text);
  const one = (f: string) => sql`${stories.searchVector} @@ (to_tsquery('simple'::regconfig, ${prefixTsQuery(f)}) || ${readerTsQuery(f)})`;
  if (folded.default === folded.ps) return one(folded.default);
  return sql`((${one(folded.ps)} and ${isPashto}) or (${one(folded.default)} and not ${isPashto}))`;
}

export interface SearchHit extends StoryCard {
  /** The headline with matched words marked. */
  titleParts: SnippetPart[];
  /** A few fragments of dek and body around the matches, marked; empty when none matched there. */
  snippetParts: SnippetPart[];
}

/**
 * ts_headline over `column`, folded like the index. Our marker characters are removed first,
 * and "<" is swapped for HIGHLIGHT_LT (ts_headline drops anything that parses as an HTML tag,
 * so a story quoting "<b>" would lose it); splitHighlights swaps it back.
 */
function headline(column: SQL | typeof stories.title, text: string, options: string): SQL<string> {
  return byStoryRule(text, (folded) => sql`ts_headline('simple'::regconfig, ${headlineSource(column)}, ${readerTsQuery(folded)}, ${options})`) as SQL<string>;
}

/** The text ts_headline is given for `column` (see headline). */
function headlineSource(column: SQL | typeof stories.title): SQL<string> {
  const fold = (rule: FoldRule) => sql`translate(${column}, ${sql.raw(SEARCH_TRANSLATE[rule].from)}, ${sql.raw(SEARCH_TRANSLATE[rule].to)})`;
  const folded = sql`(case when ${isPashto} then ${fold("ps")} else ${fold("default")} end)`;
  return sql<string>`replace(translate(${folded}, ${HIGHLIGHT_START + HIGHLIGHT_STOP + HIGHLIGHT_LT + FRAGMENT_DELIMITER}, ''), '<', ${HIGHLIGHT_LT})`;
}

/**
 * How many of the newest matching stories are ranked. A common word matches most of an
 * archive, and ranking every match (ts_rank_cd reads each document's positions) grows with the
 * archive; for news, the best of the newest few hundred is what readers want.
 */
export const SEARCH_CANDIDATES = 300;

/** Characters of body text (after the dek) that a result's snippet is cut from. */
const SNIPPET_SOURCE_CHARS = 1000;

/**
 * Public stories matching `text` (from parseSearchQuery, kind "ok"), best first: ts_rank_cd
 * with length normalisation (rank / (rank + 1)) over each story's ranking document (headline,
 * dek and lead: `rank_vector`), newer first among equals, among the newest SEARCH_CANDIDATES
 * matches.
 * @returns the page of hits with highlighted headline and snippet, the total count (at most
 *   SEARCH_CANDIDATES), and whether more stories matched than were ranked.
 */
export async function searchPublicStories(o: {
  text: string;
  now: Date;
  limit: number;
  offset: number;
  /** How many of the newest matches to rank (tests use a small number). */
  candidates?: number;
  /** Stories of this language scope first (the page's edition), best first within each part. */
  prefer?: LanguageScope;
}): Promise<{ items: SearchHit[]; total: number; capped: boolean }> {
  const db = await getDb();
  const cap = o.candidates ?? SEARCH_CANDIDATES;
  // One walk down the newest matches (one more than are ranked, to tell whether there were
  // more), each ranked as it is read; only narrow columns. The order by rank is done here:
  // at most SEARCH_CANDIDATES + 1 rows.
  const candidates = await db
    .select({
      id: stories.id,
      featuredMediaId: stories.featuredMediaId,
      language: stories.language,
      rank: byStoryRule(o.text, (folded) => sql`ts_rank_cd(${stories.rankVector}, ${readerTsQuery(folded)}, 32)`) as SQL<number>,
    })
    .from(stories)
    .where(and(isPublic(o.now), storyMatch(o.text)))
    .orderBy(desc(stories.publishedAt), desc(stories.id))
    .limit(cap + 1);
  const capped = candidates.length > cap;
  const ranked = candidates.slice(0, cap);
  const total = ranked.length;
  // The page's language first, then best first; among equal ranks the newer first, as read (the sort is stable).
  const preferred = (language: string) => (isInLanguageScope(language, o.prefer) ? 1 : 0);
  ranked.sort((x, y) => preferred(y.language) - preferred(x.language) || y.rank - x.rank);
  const from = Math.max(o.offset, 0);
  const page = ranked.slice(from, from + Math.min(Math.max(o.limit, 1), 50));
  if (page.length === 0) return { items: [], total, capped };
  // Cards and highlights only for the page shown, the cards' bylines, tags and photos read at
  // the same time.
  const marks = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
  // The dek, then the body's beginning ("…" between them only when there is a dek).
  const snippetText = sql`concat_ws(' … ', nullif(${stories.dek}, ''), left(${stories.bodyText}, ${sql.raw(String(SNIPPET_SOURCE_CHARS))}))`;
  const [highlighted, refs] = await Promise.all([
    db
      .select({
        ...cardColumns,
        titleMarked: headline(stories.title, o.text, `${marks}, HighlightAll=true`),
        // The snippet comes from the dek and the first SNIPPET_SOURCE_CHARS of the body:
        // ts_headline parses all the text it is given (the dominant cost of a search: about
        // 1 ms per story at 5,000 characters), and the lead, which ranking reads too, is where
        // a match is worth showing.
        snippet: headline(snippetText, o.text, `${marks}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter="${FRAGMENT_DELIMITER}"`),
        snippetSource: headlineSource(snippetText),
      })
      .from(stories)
      // The visibility rule again: a story unpublished between the two queries drops out.
      .where(and(inArray(stories.id, page.map((r) => r.id)), isPublic(o.now))),
    loadCardRefs(page.map((r) => r.id), page.map((r) => r.featuredMediaId)),
  ]);
  const byId = new Map(highlighted.map((h) => [h.id, h]));
  // In rank order.
  const rows = page.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  const cards = cardsWithRefs(rows, refs, o.now);
  return {
    items: cards.map((card) => {
      const h = byId.get(card.id)!;
      const snippetParts = splitHighlights(joinFragments(h.snippet, h.snippetSource));
      return {
        ...card,
        titleParts: splitHighlights(h.titleMarked),
        snippetParts: snippetParts.some((p) => p.mark) ? snippetParts : [],
      };
    }),
    total,
    capped,
  };
}
