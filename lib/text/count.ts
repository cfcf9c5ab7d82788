/**
 * A number with its noun in the right number ("1 story", "2 stories", "0 stories"), chosen
 * by the language's plural rules (Unicode CLDR, through `Intl.PluralRules`). The desk's
 * language is English; the rule still comes from CLDR rather than `n === 1`, so a count
 * shown in another language later only needs its words. Pure.
 */

const rules = new Intl.PluralRules("en");

/**
 * @param n the count (a whole number; shown with the locale's digit grouping, "1,200").
 * @param one the noun for one ("story").
 * @param other the noun for any other count ("stories").
 * @returns e.g. "1 story", "1,200 stories".
 */
export function countOf(n: number, one: string, other: string): string {
  return `${n.toLocaleString("en")} ${rules.select(n) === "one" ? one : other}`;
}
