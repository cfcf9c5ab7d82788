/**
 * Matching text by language: NFC, then the language's letter folding (db/schema/search-fold.ts
 * says which look-alike letters are one letter in which language, and why). Pure and
 * client-safe; the SQL side (stored search vectors, tag lookups) is built from the same tables.
 */
import { FOLD_TABLES, foldRuleOf, type FoldRule } from "@/db/schema/search-fold";

export { foldRuleOf, type FoldRule } from "@/db/schema/search-fold";

const MAPS: Record<FoldRule, Map<string, string>> = {
  default: new Map([...FOLD_TABLES.default.from].map((c, i) => [c, FOLD_TABLES.default.to[i] as string])),
  ps: new Map([...FOLD_TABLES.ps.from].map((c, i) => [c, FOLD_TABLES.ps.to[i] as string])),
};
const DELETED: Record<FoldRule, Set<string>> = { default: new Set(FOLD_TABLES.default.delete), ps: new Set(FOLD_TABLES.ps.delete) };

/**
 * Folds `text` by a rule, character by character, after NFC: the JS twin of the SQL
 * `translate()` over the same tables.
 * @param rule "ps" (Pashto) or "default" (every other language); see foldRuleOf.
 */
export function foldText(text: string, rule: FoldRule): string {
  const map = MAPS[rule];
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (DELETED[rule].has(ch)) continue;
    out += map.get(ch) ?? ch;
  }
  return out;
}

/** Folds `text` by the rule of a BCP 47 language tag ("fa", "ps-AF", "en"). */
export function foldForLanguage(text: string, language: string): string {
  return foldText(text, foldRuleOf(language));
}

/**
 * The key two names are matched by in a language: NFC, single spaces, the language's folding,
 * then lower case (by the language's own rules, per `toLocaleLowerCase`). Two names with the
 * same key are the same word typed differently; two different words never share one.
 */
export function matchKey(name: string, language: string): string {
  const primary = language.toLowerCase().split("-")[0] || "en";
  let lower: string;
  try {
    lower = foldForLanguage(name, language).toLocaleLowerCase(primary);
  } catch {
    lower = foldForLanguage(name, language).toLowerCase();
  }
  return lower.replace(/\s+/g, " ").trim();
}
