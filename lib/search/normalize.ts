/**
 * Text normalisation for full-text search, shared by the stored search vectors (SQL, built in
 * db/schema from db/schema/search-fold.ts) and readers' queries (JS, lib/text/fold.ts), so both
 * sides fold the same spellings together. A story is folded by its own language's rule; a
 * query is folded once per rule and matched against the stories of that rule.
 */
import { foldText, type FoldRule } from "@/lib/text/fold";

export { SEARCH_TRANSLATE } from "@/db/schema/search-fold";

/** A query's text folded by each rule, in a fixed order ("default", then "ps"). */
export function foldSearchTexts(text: string): Record<FoldRule, string> {
  return { default: foldText(text, "default"), ps: foldText(text, "ps") };
}
