/**
 * Text normalisation for full-text search, shared by the stored search vector (SQL) and the
 * reader's query (JS), so both sides fold the same spellings together.
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

const MAP_FROM = "\u064A\u0649\u0643\u06C0";
const MAP_TO = "\u06CC\u06CC\u06A9\u0647";
const DELETE = "\u0640" + Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)).join("") + "\u0670\u200C";

/** A PostgreSQL Unicode-escaped literal (`U&'\\064A…'`) of `text`, readable in migrations. */
function unicodeLiteral(text: string): string {
  return `U&'${[...text].map((c) => `\\${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`).join("")}'`;
}

/** The `from` and `to` arguments of the SQL `translate()` call, as SQL literals. */
export const SEARCH_TRANSLATE = { from: unicodeLiteral(MAP_FROM + DELETE), to: unicodeLiteral(MAP_TO) } as const;

const MAP = new Map<string, string>([...MAP_FROM].map((c, i) => [c, MAP_TO[i] as string]));
const DELETED = new Set(DELETE);

/** The JS twin of the SQL fold: same mapping and deletions, character by character. */
export function foldSearchText(text: string): string {
  let out = "";
  for (const ch of text) {
    if (DELETED.has(ch)) continue;
    out += MAP.get(ch) ?? ch;
  }
  return out;
}
