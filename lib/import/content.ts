/**
 * WordPress post content → a story body (Tiptap JSON), through the same schema and
 * sanitiser as the editor, so an imported story renders and edits like any other.
 * Pure (no database). Handles:
 * - block-editor markup: `<!-- wp:… -->` comments are dropped, their HTML kept;
 * - classic content: blank lines make paragraphs and single newlines line breaks (as
 *   WordPress's wpautop does);
 * - shortcodes: [caption] keeps its caption text, [gallery] is dropped (reported),
 *   [audio]/[video]/[embed] become links, others are removed keeping their text;
 * - `<!--more-->` and `<!--nextpage-->` are dropped (one page per story);
 * - bare URLs alone on a line (oEmbeds) become links;
 * - images stay on their remote host, as links ("Image: alt text");
 * - iframes and embeds become links to their source; scripts, styles, inline handlers and
 *   unsafe URLs go (the same scheme allow-list as the editor, lib/editor/urls.ts); headings
 *   outside h2–h4 are mapped into that range.
 */
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import type { JSONContent } from "@tiptap/core";
import { escapeAttribute, escapeText } from "entities";
import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import { bodySchema, sanitizeBodyHtml } from "@/lib/editor/render";
import { cleanText } from "@/lib/text/clean";
import { isSafeUrl } from "@/lib/text/urls";
import { countOf } from "@/lib/text/count";

export interface ConvertedContent {
  body: JSONContent;
  /** What was changed or dropped, for the import report. */
  notes: string[];
}

const BLOCK_START = /^<(p|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|div|hr|dl|dt|dd|section|iframe|address)[\s>/]/i;

const attr = (attrs: string, name: string) => new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s\\]]+))`, "i").exec(attrs)?.slice(2).find((v) => v !== undefined) ?? "";


function linkTo(url: string, label: string): string {
  return isSafeUrl(url) && /^https?:\/\//i.test(url) ? `<a href="${escapeAttribute(url)}">${escapeText(label || url)}</a>` : escapeText(label);
}

/** Expands the shortcodes a news site's export carries. */
function shortcodes(html: string, notes: string[]): string {
  let out = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attrs: string, inner: string) => {
    const caption = attr(attrs, "caption");
    // The caption is the text after the image (or the attribute, in older exports).
    return `${inner}${caption ? ` ${caption}` : ""}`;
  });
  let galleries = 0;
  out = out.replace(/\[gallery[^\]]*\]/gi, () => {
    galleries += 1;
    return "";
  });
  if (galleries) notes.push(`${galleries === 1 ? "a gallery was" : `${galleries} galleries were`} left out (galleries are not imported)`);
  out = out.replace(/\[(audio|video)([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (_, kind: string, attrs: string) => {
    const src = attr(attrs, "src") || attr(attrs, "mp3") || attr(attrs, "mp4") || attr(attrs, "m4a");
    return src ? `<p>${linkTo(src, `${kind === "audio" ? "Audio" : "Video"}: ${src}`)}</p>` : "";
  });
  out = out.replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_, url: string) => `<p>${linkTo(url.trim(), url.trim())}</p>`);
  // Any other shortcode: its tags go, what it wrapped stays.
  out = out.replace(/\[\/?[a-z][\w-]*(\s[^\]]*)?\]/gi, "");
  return out;
}

/** wpautop's core: blank lines make paragraphs, single newlines inside text become <br>. */
function autoParagraphs(html: string): string {
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      // A bare URL alone on its line is an oEmbed in WordPress: keep it as a link.
      if (/^https?:\/\/\S+$/.test(chunk)) return `<p>${linkTo(chunk, chunk)}</p>`;
      if (BLOCK_START.test(chunk)) return chunk;
      const lines = chunk.replace(/^(https?:\/\/\S+)$/gm, (url) => linkTo(url, url));
      return `<p>${lines.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n");
}

/** Images become links to the remote file; embeds links to their source. */
function mediaToLinks(html: string, notes: string[]): string {
  let images = 0;
  const out = sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    nonTextTags: ["script", "style", "textarea", "noscript"],
    transformTags: {
      img: (_, a): sanitizeHtml.Tag => {
        images += 1;
        const src = a.src ?? "";
        return src && isSafeUrl(src) && /^https?:\/\//i.test(src) ? { tagName: "a", attribs: { href: src }, text: `Image: ${a.alt || src.split("/").pop() || "photo"}` } : { tagName: "span", attribs: {}, text: a.alt ?? "" };
      },
      iframe: (_, a): sanitizeHtml.Tag => (a.src && isSafeUrl(a.src) ? { tagName: "a", attribs: { href: a.src }, text: a.src } : { tagName: "span", attribs: {}, text: "" }),
      h1: "h2",
      h5: "h4",
      h6: "h4",
      b: "strong",
      i: "em",
      del: "s",
      strike: "s",
      tr: "p",
      dt: "p",
      dd: "p",
      figcaption: "p",
    },
  });
  if (images) notes.push(`${countOf(images, "image", "images")} left on the old host, as ${images === 1 ? "a link" : "links"}`);
  return out;
}

/**
 * Converts WordPress content HTML to a story body.
 * @throws nothing: content that cannot be read as HTML becomes plain paragraphs.
 */
export function wpContentToBody(content: string): ConvertedContent {
  const notes: string[] = [];
  let html = cleanText(content).replace(/\r\n?/g, "\n");
  if (/<!--\s*nextpage\s*-->/i.test(html)) notes.push("a paginated post was joined into one page");
  html = html.replace(/<!--[\s\S]*?-->/g, "\n").replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, "");
  html = shortcodes(html, notes);
  // Block-editor embeds keep their URL alone inside a wrapper: make it a link.
  html = html.replace(/<div class="wp-block-embed__wrapper">\s*(https?:\/\/[^\s<]+)\s*<\/div>/gi, (_, url: string) => `<p>${linkTo(url, url)}</p>`);
  html = autoParagraphs(html);
  html = mediaToLinks(html, notes);
  const clean = sanitizeBodyHtml(html).replace(/<p>(\s|<br \/>)*<\/p>/g, "");
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  const doc = PMDOMParser.fromSchema(bodySchema).parse(document.body as unknown as Node);
  return { body: doc.toJSON() as JSONContent, notes };
}

/** Plain text of a WordPress HTML field (titles, excerpts): tags removed, entities decoded once. */
export function wpPlainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${cleanText(html).replace(/<!--[\s\S]*?-->/g, "")}</body></html>`);
  return (document.body.textContent ?? "").replace(/\s+/g, " ").trim();
}
