/**
 * hreflang alternates of a story that exists in several languages, for the page head and the
 * sitemaps, per Google's "Tell Google about localized versions of your page"
 * (https://developers.google.com/search/docs/specialty/international/localized-versions):
 * every version lists every version, itself included, by the same URLs; `x-default` names the
 * version for readers whose language none of them is. Pure.
 */

/** A public language version of a story: its BCP 47 language and absolute URL. */
export interface AlternateVersion {
  language: string;
  url: string;
  /** The version the others were translated from. */
  original: boolean;
}

/**
 * The hreflang → URL map of a group of public versions (the page's own among them).
 * `x-default` is the version in the site's default language, else the original, else none.
 * A lone version gets its self-reference only (no x-default: there is nothing to choose from).
 * @param versions public versions only; the first of two in one language wins (there should
 *   never be two).
 * @param defaultLanguage the site's default language (settings).
 */
export function hreflangAlternates(versions: readonly AlternateVersion[], defaultLanguage: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of versions) if (!(v.language in out)) out[v.language] = v.url;
  if (Object.keys(out).length < 2) return out;
  const fallback = versions.find((v) => v.language === defaultLanguage) ?? versions.find((v) => v.original);
  if (fallback) out["x-default"] = fallback.url;
  return out;
}
