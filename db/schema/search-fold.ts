/**
 * The search fold as data: which characters the stored search vector maps and deletes before
 * indexing. It lives with the schema because the generated column's SQL is built from it;
 * lib/search/normalize.ts applies the same tables to readers' queries.
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

/** Characters mapped, each to the character at the same index of FOLD_MAP_TO. */
export const FOLD_MAP_FROM = "\u064A\u0649\u0643\u06C0";
/** What FOLD_MAP_FROM's characters become. */
export const FOLD_MAP_TO = "\u06CC\u06CC\u06A9\u0647";
/** Characters deleted. */
export const FOLD_DELETE = "\u0640" + Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)).join("") + "\u0670\u200C";

/** A PostgreSQL Unicode-escaped literal (`U&'\\064A…'`) of `text`, readable in migrations. */
function unicodeLiteral(text: string): string {
  return `U&'${[...text].map((c) => `\\${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`).join("")}'`;
}

/** The `from` and `to` arguments of the SQL `translate()` call, as SQL literals. */
export const SEARCH_TRANSLATE = { from: unicodeLiteral(FOLD_MAP_FROM + FOLD_DELETE), to: unicodeLiteral(FOLD_MAP_TO) } as const;
