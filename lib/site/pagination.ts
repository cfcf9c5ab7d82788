/**
 * Page numbers in reader URLs (`/page/2`, `/tag/x/page/3`).
 */

/** The highest page number served; deeper pages are 404s (no crawler runs up huge OFFSETs). */
export const MAX_PAGE = 500;

/**
 * Parses a page segment. Accepts only a canonical decimal integer from 2 to MAX_PAGE
 * ("1" is the list's own URL; "02", "1e3", "-1", "abc" are rejected).
 * @returns the page number, or null for anything else (the caller answers 404).
 */
export function parsePageSegment(segment: string | undefined): number | null {
  if (segment === undefined || !/^[1-9][0-9]{0,3}$/.test(segment)) return null;
  const n = Number(segment);
  return n >= 2 && n <= MAX_PAGE ? n : null;
}

/** Total number of pages for `total` items at `perPage` (at least 1). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
