/**
 * Excerpts: the text readers see under a story's title in lists and "Check Also".
 */

/** Default excerpt length in characters (before the ellipsis). */
export const EXCERPT_LENGTH = 160;

/**
 * Cuts plain text to at most `maxChars` characters at a word boundary and appends "…" when
 * anything was cut. Whitespace is collapsed first. A single word longer than the limit is cut
 * at a grapheme boundary (Intl.Segmenter), never inside a character.
 * @param text plain text (no HTML).
 * @param maxChars limit on the kept text, not counting the "…"; must be ≥ 1.
 * @returns the collapsed text when it fits; else the text cut after a whole word, with
 *   trailing punctuation dropped, then " …" (as on the seed page: "… pull out all of …").
 */
export function cutExcerpt(text: string, maxChars: number = EXCERPT_LENGTH): string {
  if (maxChars < 1) throw new RangeError("maxChars must be at least 1");
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxChars) return clean;
  const head = clean.slice(0, maxChars + 1);
  const lastSpace = head.lastIndexOf(" ");
  if (lastSpace > 0) {
    return `${head.slice(0, lastSpace).replace(/[\s,;:.–—-]+$/u, "")} …`;
  }
  // One long word: keep whole graphemes up to the limit.
  let kept = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(clean)) {
    if (kept.length + segment.length > maxChars) break;
    kept += segment;
  }
  return `${kept}…`;
}
