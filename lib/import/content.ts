/**
 * WordPress post content → a story body (Tiptap JSON), through the same schema and
 * sanitiser as the editor, so an imported story renders and edits like any other.
 * Pure (no database). Handles:
 * - block-editor markup: `<!-- wp:… -->` comments are dropped, their HTML kept;
 * - classic content: blank lines make paragraphs and single newlines line breaks (as
 *   WordPress's wpautop does);
 * - shortcodes: [caption] becomes a photo with its caption, [gallery] a sequence of photos
 *   (its `ids`, else the post's own attachments, without `exclude`), [audio]/[video]/[embed]
 *   become links, others are removed keeping their text;
 * - `<!--more-->` and `<!--nextpage-->` are dropped (one page per story);
 * - bare URLs alone on a line (oEmbeds) become links;
 * - images (and block-editor image and gallery figures) become placeholders, `images` in the
 *   result, which the importer turns into media-library photos or, when it cannot get the
 *   file, into links to the old host ("Image: alt text") with `resolveImages`;
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
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { withPhotoAttrs, type LibraryPhoto } from "@/lib/media/body";

/** An image of a post's content, in body order; the body holds a placeholder for each. */
export interface WpImage {
  /** The image's URL as written (often a resized copy, "silo-1024x768.jpg"); "" for a gallery photo known only by id. */
  src: string;
  alt: string;
  /** The caption written with it ([caption], a figure's figcaption), plain text. */
  caption: string;
  /** The WordPress attachment id ("wp-image-<id>" class, a block's data-id, a gallery's ids), "" when unknown. */
  attachmentId: string;
}

export interface ConvertedContent {
  body: JSONContent;
  /** What was changed or dropped, for the import report. */
  notes: string[];
  /** The images, in order: `images[i]` is the placeholder whose mediaId is `imagePlaceholder(i)`. */
  images: WpImage[];
}

export interface ConvertOptions {
  /** The post's own attachments in gallery order (a `[gallery]` without `ids` shows them). */
  childAttachments?: string[];
}

const PLACEHOLDER = "wp-image:";

/** The mediaId a body placeholder carries for the image at `index` of `images`. */
export function imagePlaceholder(index: number): string {
  return `${PLACEHOLDER}${index}`;
}

const BLOCK_START = /^<(p|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|div|hr|dl|dt|dd|section|iframe|address)[\s>/]/i;

const attr = (attrs: string, name: string) => new RegExp(`${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s\\]]+))`, "i").exec(attrs)?.slice(2).find((v) => v !== undefined) ?? "";


function linkTo(url: string, label: string): string {
  return isSafeUrl(url) && /^https?:\/\//i.test(url) ? `<a href="${escapeAttribute(url)}">${escapeText(label || url)}</a>` : escapeText(label);
}

/** A shortcode tag of the content: `[name attributes]` or `[/name]`, at `start`…`end` (exclusive). */
interface ShortcodeTag {
  start: number;
  end: number;
  /** Lower-cased, as WordPress matches shortcode names case-insensitively here. */
  name: string;
  closing: boolean;
  attrs: string;
}

const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/**
 * The shortcode tags of `text`, in order and never overlapping: `[`, an optional `/`, a name
 * (`[a-z][\w-]*`), then `]` at once or whitespace and attributes up to the next `]`.
 * Attributes hold no `[` (nor can they in WordPress), so a bracket in running text
 * ("[Updated at 5pm: …") is not taken for a tag that ends at the next shortcode.
 * One index-based pass, linear in the length of `text`: the position of the next `]` is
 * remembered, so a text of many `[name ` with no `]` is not rescanned for each of them
 * (the regular expressions used before took quadratic time: a minute for 400 KB).
 */
function scanShortcodeTags(text: string): ShortcodeTag[] {
  const tags: ShortcodeTag[] = [];
  /** Index of the first `]` at or after the current name's end, -1 when there is none left. */
  let nextBracket = -2;
  let i = text.indexOf("[");
  while (i !== -1) {
    let j = i + 1;
    const closing = text.charCodeAt(j) === 47; // "/"
    if (closing) j += 1;
    const nameStart = j;
    let end = -1;
    if (j < text.length && isNameStart(text.charCodeAt(j))) {
      j += 1;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j += 1;
      if (text[j] === "]") end = j;
      else if (j < text.length && /\s/.test(text[j]!)) {
        if (nextBracket !== -1 && nextBracket < j) nextBracket = text.indexOf("]", j);
        end = nextBracket;
      }
    }
    // The next "[" lies after the name (whose characters hold none).
    const next = text.indexOf("[", Math.max(i + 1, j));
    if (end !== -1 && (next === -1 || next > end)) {
      tags.push({ start: i, end: end + 1, name: text.slice(nameStart, j).toLowerCase(), closing, attrs: text.slice(j, end) });
    }
    i = next;
  }
  return tags;
}

/**
 * A caption shortcode's content as a figure: its (linked) image, then the caption: the text
 * written after the image, else the `caption` attribute (older exports). Content with no image
 * stays as it is, followed by the caption text.
 */
function captionFigure(inner: string, attrCaption: string): string {
  const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
  if (!image) return attrCaption ? `${inner} ${attrCaption}` : inner;
  const text = (inner.slice(0, image.index) + inner.slice(image.index + image[0].length)).trim();
  return `<figure class="wp-caption">${image[0]}<figcaption>${text || attrCaption}</figcaption></figure>`;
}

/** Attachment ids of a gallery shortcode: `ids` (or the older `include`), else the post's own attachments, without `exclude`. */
function galleryIds(attrs: string, options: ConvertOptions): string[] {
  const list = (name: string) =>
    attr(attrs, name)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => /^\d+$/.test(v));
  const named = list("ids").length ? list("ids") : list("include");
  const exclude = new Set(list("exclude"));
  return (named.length ? named : (options.childAttachments ?? [])).filter((id) => !exclude.has(id));
}

/**
 * Expands the shortcodes a news site's export carries, in one pass over the tags:
 * - `[caption …]…[/caption]` becomes a figure of its image and caption (see captionFigure);
 * - `[gallery …]` becomes one photo placeholder per attachment (see galleryIds); a gallery with
 *   none is dropped and counted in `notes`;
 * - `[audio …]`/`[video …]` become a link to their source, dropping what they wrap (a fallback);
 * - `[embed]url[/embed]` becomes a link paragraph;
 * - any other tag goes and what it wraps stays.
 * An opener pairs with the next closer of its name (as a non-greedy match would).
 */
function shortcodes(html: string, notes: string[], options: ConvertOptions): string {
  const tags = scanShortcodeTags(html);
  // For each opener, the index of the next closer of the same name (-1: none), from the end.
  const closerOf = new Int32Array(tags.length).fill(-1);
  const nextCloser = new Map<string, number>();
  for (let k = tags.length - 1; k >= 0; k--) {
    const t = tags[k]!;
    if (t.closing) nextCloser.set(t.name, k);
    else closerOf[k] = nextCloser.get(t.name) ?? -1;
  }
  const out: string[] = [];
  /** Open captions: the closer that ends each, its caption attribute, and where its content starts in `out`. */
  const captions: { closer: number; text: string; start: number }[] = [];
  let pos = 0;
  let emptyGalleries = 0;
  /** Skips to after the closer `k` (what lies between is consumed); captions it passed are dropped. */
  const skipTo = (k: number) => {
    pos = tags[k]!.end;
    while (captions.length && captions.at(-1)!.closer <= k) captions.pop();
  };
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!;
    if (t.start < pos) continue; // inside an [audio], [video] or [embed] already consumed
    out.push(html.slice(pos, t.start));
    pos = t.end;
    if (t.closing) {
      if (captions.at(-1)?.closer === k) {
        const { text, start } = captions.pop()!;
        out.push(captionFigure(out.splice(start).join(""), text));
      }
      continue;
    }
    const closer = closerOf[k]!;
    if (t.name === "caption") {
      // A caption inside a caption ends at the same closer: only the outer one pairs.
      if (closer !== -1 && captions.at(-1)?.closer !== closer) captions.push({ closer, text: attr(t.attrs, "caption"), start: out.length });
    } else if (t.name === "gallery") {
      const ids = galleryIds(t.attrs, options);
      if (ids.length) out.push(`\n\n${ids.map((id) => `<figure data-wp-gallery-id="${id}"></figure>`).join("\n\n")}\n\n`);
      else emptyGalleries += 1;
    } else if (t.name === "audio" || t.name === "video") {
      const src = attr(t.attrs, "src") || attr(t.attrs, "mp3") || attr(t.attrs, "mp4") || attr(t.attrs, "m4a");
      if (src) out.push(`<p>${linkTo(src, `${t.name === "audio" ? "Audio" : "Video"}: ${src}`)}</p>`);
      if (closer !== -1) skipTo(closer);
    } else if (t.name === "embed" && closer !== -1) {
      const url = html.slice(t.end, tags[closer]!.start).trim();
      out.push(`<p>${linkTo(url, url)}</p>`);
      skipTo(closer);
    }
  }
  out.push(html.slice(pos));
  if (emptyGalleries) notes.push(`${emptyGalleries === 1 ? "a gallery was" : `${emptyGalleries} galleries were`} left out (the export lists no photos for ${emptyGalleries === 1 ? "it" : "them"})`);
  return out.join("");
}

/**
 * `html` without its HTML comments, each replaced by `replacement`; an unclosed `<!--` stays
 * as text. Index-based, linear time (a lazy regular expression rescans the rest of the text
 * for each unclosed `<!--`).
 */
function dropComments(html: string, replacement: string): string {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const open = html.indexOf("<!--", pos);
    if (open === -1) break;
    const close = html.indexOf("-->", open + 4);
    // No "-->" after this opener means none after any later one either.
    if (close === -1) break;
    out.push(html.slice(pos, open), replacement);
    pos = close + 3;
  }
  out.push(html.slice(pos));
  return out.join("");
}

/**
 * `html` without `<script>`, `<style>` and `<noscript>` elements and their content. Each kind's
 * closing tag is searched from its opener; a kind with no closing tag left is not searched
 * again, so the pass is linear (an unclosed element stays, for the sanitiser to remove).
 */
function dropRawTextElements(html: string): string {
  const opener = /<(script|style|noscript)\b/gi;
  const unclosed = new Set<string>();
  const out: string[] = [];
  let pos = 0;
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    const kind = m[1]!.toLowerCase();
    if (unclosed.has(kind)) continue;
    const closer = new RegExp(`<\\/${kind}\\s*>`, "gi");
    closer.lastIndex = opener.lastIndex;
    const close = closer.exec(html);
    if (!close) {
      unclosed.add(kind);
      continue;
    }
    out.push(html.slice(pos, m.index));
    pos = closer.lastIndex;
    opener.lastIndex = pos;
  }
  out.push(html.slice(pos));
  return out.join("");
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

/** The attachment id an image names: class "wp-image-<id>" (classic and block editor) or a gallery block's data-id. */
function attachmentIdOf(img: Element): string {
  const byClass = /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(img.getAttribute("class") ?? "")?.[1];
  const byData = img.getAttribute("data-id") ?? "";
  return byClass ?? (/^\d+$/.test(byData) ? byData : "");
}

/**
 * Replaces every image (an `<img>`, with the link around it and the figure it alone fills,
 * whose figcaption is its caption; a gallery placeholder) by a photo placeholder, in document
 * order. @returns the HTML and the images.
 */
function extractImages(html: string): { html: string; images: WpImage[] } {
  const images: WpImage[] = [];
  if (!/<img\b|data-wp-gallery-id/i.test(html)) return { html, images };
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const placeholder = (image: WpImage): Element => {
    const figure = document.createElement("figure");
    figure.setAttribute("data-media-id", imagePlaceholder(images.length));
    images.push(image);
    return figure;
  };
  for (const el of [...document.querySelectorAll("img, figure[data-wp-gallery-id]")] as Element[]) {
    if (el.tagName.toLowerCase() === "figure") {
      el.replaceWith(placeholder({ src: "", alt: "", caption: "", attachmentId: el.getAttribute("data-wp-gallery-id") ?? "" }));
      continue;
    }
    const src = (el.getAttribute("src") ?? "").trim();
    const alt = cleanText(el.getAttribute("alt") ?? "").trim();
    const attachmentId = attachmentIdOf(el);
    let container: Element = el;
    const link = el.parentElement;
    if (link?.tagName.toLowerCase() === "a" && link.children.length === 1 && !(link.textContent ?? "").trim()) container = link;
    let caption = "";
    const figure = container.parentElement;
    if (figure?.tagName.toLowerCase() === "figure" && figure.querySelectorAll("img").length === 1) {
      caption = (figure.querySelector("figcaption")?.textContent ?? "").replace(/\s+/g, " ").trim();
      container = figure;
    }
    // An image with nowhere to come from keeps only its words.
    if (!attachmentId && !(isSafeUrl(src) && /^(https?:)?\/\//i.test(src)) && !src.startsWith("/")) {
      container.replaceWith(document.createTextNode(alt));
      continue;
    }
    container.replaceWith(placeholder({ src, alt, caption: cleanText(caption).slice(0, 1000), attachmentId }));
  }
  return { html: document.body.innerHTML, images };
}

/** Embeds become links to their source; headings and other tags are mapped into the editor's set. */
function mediaToLinks(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    nonTextTags: ["script", "style", "textarea", "noscript"],
    transformTags: {
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
}

/** What an image placeholder becomes: a library photo, a link to the file on the old host, or nothing. */
export type ResolvedImage = { photo: LibraryPhoto } | { link: string; label: string; caption?: string } | null;

/**
 * `body` with each image placeholder replaced: by the library photo (its attributes from the
 * library, as the desk stores them), or by a paragraph linking to the old file
 * ("Image: <alt text>", then its caption), or removed. Pure.
 * @param resolve called with each placeholder's index into ConvertedContent.images.
 */
export function resolveImages(body: JSONContent, resolve: (index: number) => ResolvedImage): JSONContent {
  const walk = (n: JSONContent): JSONContent[] => {
    const id = n.type === STORY_PHOTO ? String(n.attrs?.mediaId ?? "") : "";
    if (id.startsWith(PLACEHOLDER)) {
      const found = resolve(Number(id.slice(PLACEHOLDER.length)));
      if (!found) return [];
      if ("photo" in found) return [withPhotoAttrs({ type: STORY_PHOTO, attrs: { mediaId: found.photo.id } }, new Map([[found.photo.id, found.photo]]))];
      const caption = found.caption ? [{ type: "text", text: ` ${found.caption}` }] : [];
      return [{ type: "paragraph", content: [{ type: "text", text: `Image: ${found.label}`, marks: [{ type: "link", attrs: { href: found.link } }] }, ...caption] }];
    }
    return n.content ? [{ ...n, content: n.content.flatMap(walk) }] : [n];
  };
  return walk(body)[0] ?? { type: "doc", content: [] };
}

/**
 * Converts WordPress content HTML to a story body.
 * @throws nothing: content that cannot be read as HTML becomes plain paragraphs.
 */
export function wpContentToBody(content: string, options: ConvertOptions = {}): ConvertedContent {
  const notes: string[] = [];
  let html = cleanText(content).replace(/\r\n?/g, "\n");
  if (/<!--\s*nextpage\s*-->/i.test(html)) notes.push("a paginated post was joined into one page");
  html = dropRawTextElements(dropComments(html, "\n"));
  html = shortcodes(html, notes, options);
  // Block-editor embeds keep their URL alone inside a wrapper: make it a link.
  html = html.replace(/<div class="wp-block-embed__wrapper">\s*(https?:\/\/[^\s<]+)\s*<\/div>/gi, (_, url: string) => `<p>${linkTo(url, url)}</p>`);
  html = autoParagraphs(html);
  const extracted = extractImages(html);
  html = mediaToLinks(extracted.html);
  const clean = sanitizeBodyHtml(html).replace(/<p>(\s|<br \/>)*<\/p>/g, "");
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  const doc = PMDOMParser.fromSchema(bodySchema).parse(document.body as unknown as Node);
  return { body: doc.toJSON() as JSONContent, notes, images: extracted.images };
}

/** Plain text of a WordPress HTML field (titles, excerpts): tags removed, entities decoded once. */
export function wpPlainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${dropComments(cleanText(html), "")}</body></html>`);
  return (document.body.textContent ?? "").replace(/\s+/g, " ").trim();
}
