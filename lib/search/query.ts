/**
 * What a reader or an editor typed into a search box, made safe to hand to PostgreSQL.
 * Pure: no database.
 */
import { cleanText } from "@/lib/text/clean";

/** Longer queries are cut (at a word) to this many characters; nobody types more on purpose. */
export const SEARCH_MAX_QUERY_CHARS = 200;

/** At most this many words go into a prefix (desk) query. */
const MAX_PREFIX_TERMS = 10;

export type SearchQuery =
  /** `text` is NFC, for the search functions (which fold it per story language); `display` is what to show back. */
  | { kind: "ok"; text: string; display: string; truncated: boolean }
  /** Nothing typed (or only spaces): show the empty search form, not an error. */
  | { kind: "empty" }
  /** Only symbols or punctuation: nothing a word index can look for. */
  | { kind: "no-terms"; display: string };

/**
 * Parses a raw `q` parameter (a string, an array from a repeated parameter, or nothing).
 * Removes control characters, collapses whitespace, cuts to SEARCH_MAX_QUERY_CHARS at a word.
 * Never throws.
 */
export function parseSearchQuery(raw: unknown): SearchQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== "string") return { kind: "empty" };
  let display = cleanText(first).replace(/\s+/g, " ").trim();
  if (!display) return { kind: "empty" };
  let truncated = false;
  if (display.length > SEARCH_MAX_QUERY_CHARS) {
    const cut = display.slice(0, SEARCH_MAX_QUERY_CHARS);
    const space = cut.lastIndexOf(" ");
    display = (space > SEARCH_MAX_QUERY_CHARS / 2 ? cut.slice(0, space) : cut).trim();
    truncated = true;
  }
  if (!/[\p{L}\p{N}]/u.test(display)) return { kind: "no-terms", display };
  return { kind: "ok", text: display.normalize("NFC"), display, truncated };
}

/**
 * A `to_tsquery('simple', …)` string matching every word of `text` as a prefix, for the
 * desk's search-as-you-type ("budg" finds "budget"), from text already folded by the caller. Words are runs of letters and digits
 * only, so the result never holds tsquery syntax; null when there is no word.
 */
export function prefixTsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, MAX_PREFIX_TERMS)
    .map((w) => `${w}:*`)
    .join(" & ");
}

/** A piece of a highlighted snippet: matched words have `mark: true`. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** Private-use characters that ts_headline puts around matches; they cannot occur in stored text we show. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";
/** Stands in for "<" inside ts_headline, which would drop tag-like text. */
export const HIGHLIGHT_LT = "\uE002";

/** Stands between ts_headline's fragments (FragmentDelimiter); never in stored text we show. */
export const FRAGMENT_DELIMITER = "\uE003";

/** Punctuation a fragment must not start with: it belongs to the text before the cut. */
const LEADING_PUNCTUATION = /^[\s,.;:!?)\]}\u060C\u061B\u06D4]+/u;

/**
 * Joins ts_headline fragments (separated by FRAGMENT_DELIMITER, matches between
 * HIGHLIGHT_START/STOP) into one snippet that starts at a word and says where text was left
 * out: "…" before a fragment that does not open `source` (the text ts_headline was given),
 * between fragments, and after one that does not close it.
 * @returns the snippet, still with the highlight markers (for splitHighlights).
 */
export function joinFragments(headline: string, source: string): string {
  const marker = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_STOP}]`, "g");
  const fragments = headline
    .split(FRAGMENT_DELIMITER)
    .map((f) => f.replace(LEADING_PUNCTUATION, "").trim())
    .filter((f) => f.replace(marker, "").trim() !== "");
  if (fragments.length === 0) return "";
  const where = (f: string) => {
    const plain = f.replace(marker, "");
    const at = source.indexOf(plain);
    return { opens: at >= 0 && source.slice(0, at).trim() === "", closes: at >= 0 && source.slice(at + plain.length).trim() === "" };
  };
  const first = where(fragments[0]!);
  const last = where(fragments[fragments.length - 1]!);
  return `${first.opens ? "" : "… "}${fragments.join(" … ")}${last.closes ? "" : " …"}`;
}

/**
 * Splits ts_headline output (with HIGHLIGHT_START/STOP around matches) into parts to render
 * as text and <mark>, so the snippet is escaped by React like any other text.
 */
export function splitHighlights(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of headline.replaceAll(HIGHLIGHT_LT, "<").split(HIGHLIGHT_START).entries()) {
    const stop = chunk.indexOf(HIGHLIGHT_STOP);
    if (i > 0 && stop >= 0) {
      if (stop > 0) parts.push({ text: chunk.slice(0, stop), mark: true });
      const rest = chunk.slice(stop + 1);
      if (rest) parts.push({ text: rest, mark: false });
    } else if (chunk) {
      parts.push({ text: chunk.replaceAll(HIGHLIGHT_STOP, ""), mark: false });
    }
  }
  return parts;
}
