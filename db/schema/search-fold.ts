/**
 * Letter folding by language, as data: which characters are mapped and deleted before text is
 * matched (stories' stored search vectors, readers' queries, tag names). It lives with the
 * schema because the generated search columns' SQL is built from it; lib/text/fold.ts applies
 * the same tables in JavaScript, so both sides fold the same spellings together.
 *
 * Dari and Pashto are written with Persian-derived letters but are often typed on Arabic (or,
 * for Pashto, Persian) keyboards, which give look-alike code points for the same letter. What
 * is one letter differs by language:
 * - Every language ("common"): Arabic Kaf U+0643 → Keheh U+06A9 (Dari's and Pashto's kaf);
 *   Alef Maksura U+0649 → Farsi Yeh U+06CC (the dotless yeh, as Arabic keyboards type it);
 *   Arabic-Indic digits U+0660–0669 and Extended Arabic-Indic digits U+06F0–06F9 → ASCII
 *   digits (so "۲۰۲۶" finds "2026"); and deleted: tatweel U+0640, the harakat and combining
 *   hamza marks U+064B–U+065F (Pashto: but U+0654, see FOLD_TABLES), superscript alef U+0670, zero-width non-joiner and joiner
 *   U+200C/U+200D (so "می‌شود" and "میشود" match), the bidi marks U+200E/U+200F/U+061C and the
 *   soft hyphen U+00AD.
 * - Dari, and every other language ("default"): also Arabic Yeh U+064A → Farsi Yeh U+06CC, and
 *   Heh with Yeh above U+06C0 (the ezafe) → Heh U+0647. In Dari these are keyboard variants of
 *   one letter (the Afghan standard keyboard, ISIRI 9147 and the Arabic layout differ on them).
 * - Pashto ("ps"): Persian Gaf U+06AF → Pashto Gaf U+06AB (Pashto has one g, typed on Persian
 *   keyboards as گ); but Pashto's five yehs — ی U+06CC, ي U+064A, ې U+06D0, ۍ U+06CD, ئ U+0626 —
 *   are distinct letters (masculine, feminine and plural endings), as are ه U+0647 and ۀ
 *   U+06C0, so none of them is folded into another (Pashto Academy orthography; Unicode's
 *   Arabic block chart notes U+06CD and U+06D0 as Pashto letters).
 * Text is NFC before it is folded (the stored text is NFC), so a combining hamza has already
 * composed with its letter (ي + U+0654 → ئ) and the deletion only removes stray marks.
 * PostgreSQL's `translate(text, from, to)` deletes characters of `from` that have no partner in
 * `to`, which is how the deletions are expressed.
 */

/** The fold rules: Pashto's, and the one every other language uses. */
export type FoldRule = "default" | "ps";

const DIGITS_FROM = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9";
const DIGITS_TO = "01234567890123456789";

const COMMON_FROM = "\u0643\u0649" + DIGITS_FROM;
const COMMON_TO = "\u06A9\u06CC" + DIGITS_TO;

/** The marks U+064B–U+065F, less `keep`. */
function marks(keep = ""): string {
  return Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i))
    .filter((c) => !keep.includes(c))
    .join("");
}

const COMMON_DELETE = "\u0640\u0670\u200C\u200D\u200E\u200F\u061C\u00AD";

/**
 * Per rule: characters mapped (each to the character at the same index of `to`) and deleted.
 * Pashto keeps the combining hamza above U+0654: after Heh it writes the letter ۀ (as
 * U+0647 U+0654, which NFC does not compose), so deleting it would make ۀ into ه.
 */
export const FOLD_TABLES: Record<FoldRule, { from: string; to: string; delete: string }> = {
  default: { from: COMMON_FROM + "\u064A\u06C0", to: COMMON_TO + "\u06CC\u0647", delete: COMMON_DELETE + marks() },
  ps: { from: COMMON_FROM + "\u06AF", to: COMMON_TO + "\u06AB", delete: COMMON_DELETE + marks("\u0654") },
};

/** The fold rule of a BCP 47 language tag: "ps" for Pashto ("ps", "ps-AF"), else "default". */
export function foldRuleOf(language: string): FoldRule {
  return language.toLowerCase().split("-")[0] === "ps" ? "ps" : "default";
}

/** A PostgreSQL Unicode-escaped literal (`U&'\\064A…'`) of `text`, readable in migrations. */
function unicodeLiteral(text: string): string {
  return `U&'${[...text].map((c) => `\\${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`).join("")}'`;
}

/** Per rule, the `from` and `to` arguments of the SQL `translate()` call, as SQL literals. */
export const SEARCH_TRANSLATE: Record<FoldRule, { from: string; to: string }> = {
  default: { from: unicodeLiteral(FOLD_TABLES.default.from + FOLD_TABLES.default.delete), to: unicodeLiteral(FOLD_TABLES.default.to) },
  ps: { from: unicodeLiteral(FOLD_TABLES.ps.from + FOLD_TABLES.ps.delete), to: unicodeLiteral(FOLD_TABLES.ps.to) },
};

/** SQL (raw text) true when the language column `languageSql` names Pashto, as foldRuleOf decides. */
export function isPashtoSql(languageSql: string): string {
  return `(lower(${languageSql}) = 'ps' or lower(${languageSql}) like 'ps-%')`;
}
