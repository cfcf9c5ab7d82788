/**
 * The optional `[[...page]]` segment of tag and byline pages: none is page 1,
 * `page/N` is page N (N ≥ 2). Anything else is not a page (404).
 */
import { parsePageSegment } from "./pagination";

/** @returns the page number, or null for a path that is not a list page. */
export function pageFromRest(rest: string[] | undefined): number | null {
  if (!rest || rest.length === 0) return 1;
  if (rest.length !== 2 || rest[0] !== "page") return null;
  return parsePageSegment(rest[1]);
}

/** The URL of page `n` of a list whose first page is `base`. */
export function listPageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}/page/${n}`;
}
