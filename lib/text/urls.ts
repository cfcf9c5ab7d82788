/**
 * URL scheme allow-list for links in story bodies. An allow-list, not a prefix check: Tiptap's
 * link extension let `javascript:` through from stored JSON, then through upper case and leading
 * spaces (https://github.com/ueberdosis/tiptap/issues/3673, fixed by an allow-list of schemes).
 *
 * Browsers ignore ASCII whitespace and control characters inside a scheme and decode HTML
 * entities in attributes, so "java&#x09;script:" and "  JaVaScRiPt:" both run script. The
 * check therefore decodes entities, strips those characters and lower-cases *before* reading
 * the scheme; only http, https, mailto, tel and relative URLs pass.
 */
import { decodeHTML } from "entities";

export const SAFE_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Decodes entities repeatedly (at most 3 rounds) so "&amp;#106;" cannot hide a scheme. */
function fullyDecode(value: string): string {
  let current = value;
  for (let i = 0; i < 3; i++) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * True when `href` is safe to store and render as a link or media source.
 * @param href the raw attribute value as received.
 */
export function isSafeUrl(href: string): boolean {
  const normalized = fullyDecode(href)
    .replace(/[\u0000-\u0020\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, "")
    .toLowerCase();
  if (normalized === "") return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized);
  if (!scheme) {
    // No scheme: relative path, fragment, query or protocol-relative URL. A colon before the
    // first "/" would be read as a scheme by some parsers; refuse it.
    const firstSlash = normalized.indexOf("/");
    const colon = normalized.indexOf(":");
    return colon === -1 || (firstSlash !== -1 && firstSlash < colon);
  }
  return (SAFE_SCHEMES as readonly string[]).includes(scheme[1] ?? "");
}
