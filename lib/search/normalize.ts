/**
 * Text normalisation for full-text search, shared by the stored search vector (SQL, built in
 * db/schema/search-fold.ts from the same tables) and the reader's query (JS), so both sides
 * fold the same spellings together.
 *
 * Dari and Pashto are written with Persian letters but are often typed on Arabic keyboards,
 * and news copy carries optional marks. We fold:
 * - Arabic Yeh U+064A and Alef Maksura U+0649 → Farsi Yeh U+06CC; Arabic Kaf U+0643 → Keheh U+06A9;
 * - Heh with Yeh above U+06C0 (ezafe) → Heh U+0647;
 * - and delete the tatweel U+0640, the harakat and hamza-above/below marks U+064B–U+065F,
 *   the superscript alef U+0670, and the zero-width non-joiner U+200C (so "می‌شود" and "میشود" match).
 * PostgreSQL's `translate(text, from, to)` deletes characters of `from` that have no partner in
 * `to`, which is how the deletions are expressed.
 */

import { FOLD_DELETE, FOLD_MAP_FROM, FOLD_MAP_TO } from "@/db/schema/search-fold";

export { SEARCH_TRANSLATE } from "@/db/schema/search-fold";

const MAP = new Map<string, string>([...FOLD_MAP_FROM].map((c, i) => [c, FOLD_MAP_TO[i] as string]));
const DELETED = new Set(FOLD_DELETE);

/** The JS twin of the SQL fold: same mapping and deletions, character by character. */
export function foldSearchText(text: string): string {
  let out = "";
  for (const ch of text) {
    if (DELETED.has(ch)) continue;
    out += MAP.get(ch) ?? ch;
  }
  return out;
}
