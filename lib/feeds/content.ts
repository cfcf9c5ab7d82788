/**
 * Story HTML made fit for feed readers (RSS `content:encoded`, Atom `content`, JSON Feed
 * `content_html`), after Ghost's feed bugs (https://github.com/TryGhost/Ghost/issues/10316,
 * https://github.com/TryGhost/Ghost/issues/8442):
 * - no script, style, iframe, object, embed or form: embeds become a plain link to their source;
 * - links and images absolute (feed readers have no base URL);
 * - characters XML 1.0 forbids removed (one pasted bell made Ghost's whole feed invalid).
 * Pure: no database.
 */
import sanitizeHtml from "sanitize-html";
import { cleanText } from "@/lib/text/clean";
import { isSafeUrl, SAFE_SCHEMES } from "@/lib/text/urls";

/** `url` made absolute against `origin` when it is a site-relative path; others unchanged. */
export function absoluteUrl(url: string, origin: string): string {
  if (url.startsWith("//")) return `https:${url}`;
  if (url.startsWith("/")) return `${origin}${url}`;
  return url;
}

const EMBED_TAGS = ["iframe", "embed", "object", "video", "audio"];

/**
 * Feed-safe HTML for a story body (already sanitised at save time; this is a second, stricter
 * wall that also covers rows written by older code or imports).
 * @param html the stored body HTML.
 * @param origin the site's absolute origin, e.g. "https://news.example", for relative links.
 */
export function feedContentHtml(html: string, origin: string): string {
  const out = sanitizeHtml(cleanText(html), {
    allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "br", "figure", "figcaption", "img"],
    allowedAttributes: { "*": ["dir", "lang"], a: ["href"], img: ["src", "alt", "width", "height"] },
    allowedSchemes: [...SAFE_SCHEMES],
    allowProtocolRelative: true,
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "style", "textarea", "option", "noscript"],
    transformTags: {
      // An embed becomes a link to what it showed, so readers of the feed can still follow it.
      ...Object.fromEntries(
        EMBED_TAGS.map((tag) => [
          tag,
          (_: string, attribs: sanitizeHtml.Attributes) => {
            const src = attribs.src || attribs.data || "";
            // An embed without a safe source becomes a <span>, which is not allowed: dropped.
            return src && isSafeUrl(src) ? { tagName: "a", attribs: { href: src }, text: src } : { tagName: "span", attribs: {}, text: "" };
          },
        ]),
      ),
      a: (_, attribs): sanitizeHtml.Tag => ({ tagName: "a", attribs: attribs.href ? { href: absoluteUrl(attribs.href, origin) } : {} }),
      img: (_, attribs) => ({ tagName: "img", attribs: { ...attribs, ...(attribs.src ? { src: absoluteUrl(attribs.src, origin) } : {}) } }),
    },
    exclusiveFilter: (frame) => frame.tag === "a" && !!frame.attribs.href && !isSafeUrl(frame.attribs.href),
  });
  return cleanText(out);
}
