/**
 * A streaming reader of WordPress eXtended RSS (WXR 1.0–1.2) exports, on the strict XML
 * parser saxes. It holds one record at a time, so memory does not grow with the file: the
 * caller pulls records (`for await … of readWxr(stream)`) and the file is read no faster
 * than they are handled.
 *
 * Records: `site` (title, link, language, once, before the first item), `author`,
 * `term` (categories, tags and other taxonomies, in one shape) and `item` (posts, pages,
 * attachments, menu items…). Comments are counted per item, not kept. Text is as in the
 * XML after entity and CDATA decoding (WordPress's own HTML entities inside are left for
 * the mapper to decode once).
 * Reading stops at the first well-formedness error: no record after it is yielded (the strict
 * parser goes on after an error, closing elements as it guesses, so the records it would
 * still report are not the file's), then WxrError says where it is (line and column).
 */
import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";

export interface WxrSite {
  title: string;
  link: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

export interface WxrTerm {
  taxonomy: string;
  slug: string;
  name: string;
  /** The parent's slug, "" at the top. */
  parent: string;
  description: string;
}

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  postName: string;
  status: string;
  postParent: string;
  postType: string;
  password: string;
  isSticky: boolean;
  /** An attachment's file URL on the old site (`wp:attachment_url`); "" for other types. */
  attachmentUrl: string;
  /** `wp:menu_order`: the order of an attachment among its post's (galleries), "" when absent. */
  menuOrder: string;
  /** Categories, tags and other terms on the item. */
  terms: { taxonomy: string; slug: string; name: string }[];
  meta: { key: string; value: string }[];
  comments: number;
  /**
   * Size of `content:encoded` in bytes of UTF-8. Over MAX_ITEM_CONTENT_BYTES the content is
   * not kept (`content` is empty) and the importer skips the item.
   */
  contentBytes: number;
  /** 1-based position of the item in the file. */
  index: number;
}

/** Text of an export, in chunks: a stream, or any (async) iterable of buffers or strings. */
export type WxrChunks = Readable | AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export type WxrRecord = { kind: "site"; site: WxrSite } | { kind: "author"; author: WxrAuthor } | { kind: "term"; term: WxrTerm } | { kind: "item"; item: WxrItem };

/**
 * The largest `content:encoded` of one item that is kept, in bytes of UTF-8: far above any
 * real story (a long feature is under 100 KB of HTML), and a bound on the memory and the
 * conversion time one item can take.
 */
export const MAX_ITEM_CONTENT_BYTES = 2 * 1024 * 1024;

/** Characters XML 1.0 does not allow anywhere (C0 controls but tab, newline and return). */
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** The first well-formedness error of an export, at `line` and `column` (1-based). */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = "WxrError";
  }
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  pubDate: "pubDate",
  "dc:creator": "creator",
  guid: "guid",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "postId",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  "wp:post_modified": "postModified",
  "wp:post_modified_gmt": "postModifiedGmt",
  "wp:post_name": "postName",
  "wp:status": "status",
  "wp:post_parent": "postParent",
  "wp:post_type": "postType",
  "wp:post_password": "password",
  "wp:attachment_url": "attachmentUrl",
  "wp:menu_order": "menuOrder",
};

function newItem(index: number): WxrItem {
  return {
    title: "",
    link: "",
    pubDate: "",
    creator: "",
    guid: "",
    content: "",
    excerpt: "",
    postId: "",
    postDate: "",
    postDateGmt: "",
    postModified: "",
    postModifiedGmt: "",
    postName: "",
    status: "",
    postParent: "",
    postType: "",
    password: "",
    isSticky: false,
    attachmentUrl: "",
    menuOrder: "",
    terms: [],
    meta: [],
    comments: 0,
    contentBytes: 0,
    index,
  };
}

/** Sets the field of an author that the closing tag `name` ends. @returns true at the author's own end. */
function closeAuthorField(author: WxrAuthor, name: string, value: string): boolean {
  if (name === "wp:author_login") author.login = value.trim();
  else if (name === "wp:author_email") author.email = value.trim();
  else if (name === "wp:author_display_name") author.displayName = value.trim();
  return name === "wp:author";
}

/** Sets the field of a term that the closing tag `name` ends. @returns true at the term's own end. */
function closeTermField(term: WxrTerm, name: string, value: string): boolean {
  if (name === "wp:category_nicename" || name === "wp:tag_slug" || name === "wp:term_slug") term.slug = value.trim();
  else if (name === "wp:cat_name" || name === "wp:tag_name" || name === "wp:term_name") term.name = value.trim();
  else if (name === "wp:category_parent" || name === "wp:term_parent") term.parent = value.trim();
  else if (name === "wp:category_description" || name === "wp:tag_description" || name === "wp:term_description") term.description = value.trim();
  else if (name === "wp:term_taxonomy") term.taxonomy = value.trim();
  return name === "wp:category" || name === "wp:tag" || name === "wp:term";
}

/** Sets the site field that the closing tag `name` (a child of `<channel>`) ends. */
function closeSiteField(site: WxrSite, name: string, value: string): void {
  if (name === "title") site.title = value.trim();
  else if (name === "link") site.link = value.trim();
  else if (name === "language") site.language = value.trim();
  else if (name === "wp:base_site_url") site.baseSiteUrl = value.trim();
  else if (name === "wp:base_blog_url") site.baseBlogUrl = value.trim();
}

/**
 * Watches `parser` for its first well-formedness error (saxes goes on after an error).
 * @returns a getter of that error as a WxrError, null while there is none.
 */
function firstError(parser: SaxesParser): () => WxrError | null {
  let fault: WxrError | null = null;
  parser.on("error", (e) => {
    // saxes prefixes its message with "line:column: "; the position is kept apart.
    const reason = e.message.replace(/^\d+:\d+:\s*/, "").replace(/\.$/, "");
    fault ??= new WxrError(`The export is not well-formed XML at line ${parser.line}, column ${parser.column}: ${reason}`, parser.line, parser.column);
  });
  return () => fault;
}

/** The text of `stream`, decoded as UTF-8 chunk by chunk, without the characters XML 1.0 forbids. */
async function* xmlText(stream: WxrChunks): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) {
    // WordPress exports the control characters authors pasted, which XML 1.0 forbids even in
    // CDATA (https://www.w3.org/TR/xml/#charsets): drop them before the strict parser sees
    // them. A character split across chunks is kept whole by the streaming decoder.
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    yield text.replace(FORBIDDEN_XML_CHARS, "");
  }
  const rest = decoder.decode();
  if (rest) yield rest.replace(FORBIDDEN_XML_CHARS, "");
}

/**
 * Reads records from a WXR stream.
 * @throws WxrError at the first well-formedness error, once the records before it were
 *   yielded (none after it is).
 */
export async function* readWxr(stream: WxrChunks): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const out: WxrRecord[] = [];
  const path: string[] = [];
  let text = "";
  let item: WxrItem | null = null;
  let items = 0;
  let site: WxrSite | null = { title: "", link: "", language: "", baseSiteUrl: "", baseBlogUrl: "" };
  let author: WxrAuthor | null = null;
  let term: WxrTerm | null = null;
  let meta: { key: string; value: string } | null = null;
  let itemTerm: { taxonomy: string; slug: string } | null = null;
  let inComment = false;
  /** Bytes of the item's `content:encoded` read so far. */
  let contentBytes = 0;
  /** The first well-formedness error; every event after it is ignored. */
  const fault = firstError(parser);
  parser.on("opentag", (tag) => {
    if (fault()) return;
    const name = tag.name;
    path.push(name);
    text = "";
    if (name === "item") {
      if (site) {
        out.push({ kind: "site", site });
        site = null;
      }
      item = newItem(++items);
    } else if (item && name === "content:encoded") contentBytes = 0;
    else if (name === "wp:author" && !item) author = { login: "", email: "", displayName: "" };
    else if ((name === "wp:category" || name === "wp:tag" || name === "wp:term") && !item) {
      term = { taxonomy: name === "wp:category" ? "category" : name === "wp:tag" ? "post_tag" : "", slug: "", name: "", parent: "", description: "" };
    } else if (item && name === "wp:postmeta") meta = { key: "", value: "" };
    else if (item && name === "wp:comment") inComment = true;
    else if (item && name === "category" && !inComment) {
      const a = tag.attributes as Record<string, string>;
      itemTerm = { taxonomy: a.domain ?? "", slug: a.nicename ?? "" };
    }
  });
  const onText = (t: string) => {
    if (fault()) return;
    if (item && path.at(-1) === "content:encoded" && path.at(-2) === "item") {
      // Past the limit the content is counted, not kept (the item is skipped).
      contentBytes += Buffer.byteLength(t, "utf8");
      if (contentBytes > MAX_ITEM_CONTENT_BYTES) {
        text = "";
        return;
      }
    }
    text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    if (fault()) return;
    const name = tag.name;
    path.pop();
    const value = text;
    text = "";
    if (item) {
      if (name === "item") {
        out.push({ kind: "item", item });
        item = null;
      } else if (inComment) {
        if (name === "wp:comment") {
          inComment = false;
          item.comments += 1;
        }
      } else if (meta) {
        if (name === "wp:meta_key") meta.key = value.trim();
        else if (name === "wp:meta_value") meta.value = value;
        else if (name === "wp:postmeta") {
          item.meta.push(meta);
          meta = null;
        }
      } else if (name === "category" && itemTerm) {
        item.terms.push({ ...itemTerm, name: value.trim() });
        itemTerm = null;
      } else if (name === "wp:is_sticky") item.isSticky = value.trim() === "1";
      else if (ITEM_FIELDS[name] && path.at(-1) === "item") {
        (item as unknown as Record<string, string>)[ITEM_FIELDS[name]] = value;
        if (name === "content:encoded") item.contentBytes = contentBytes;
      }
      return;
    }
    if (author) {
      if (closeAuthorField(author, name, value)) {
        out.push({ kind: "author", author });
        author = null;
      }
      return;
    }
    if (term) {
      if (closeTermField(term, name, value)) {
        out.push({ kind: "term", term });
        term = null;
      }
      return;
    }
    if (site && path.at(-1) === "channel") closeSiteField(site, name, value);
  });

  for await (const text of xmlText(stream)) {
    parser.write(text);
    if (fault()) break;
    while (out.length) yield out.shift() as WxrRecord;
  }
  if (!fault()) parser.close();
  while (out.length) yield out.shift() as WxrRecord;
  const error = fault();
  if (error) throw error;
  if (site) yield { kind: "site", site };
}
