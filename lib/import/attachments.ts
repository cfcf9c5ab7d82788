/**
 * WordPress attachments (uploaded files) as the importer needs them: what a photo is called,
 * where its file lives, and the words WordPress keeps with it. Pure, but for the pre-pass
 * reader, which reads an export once and keeps only its attachments.
 *
 * Where WordPress keeps a photo's words (https://developer.wordpress.org/reference/functions/wp_prepare_attachment_for_js/):
 * - alt text: the `_wp_attachment_image_alt` meta;
 * - caption: the attachment's excerpt (`excerpt:encoded`);
 * - description: its content (`content:encoded`);
 * - credit: `image_meta.credit` inside `_wp_attachment_metadata`, a PHP-serialised array that
 *   WordPress fills from the file's IPTC data on upload (wp_read_image_metadata);
 * - file: `_wp_attached_file`, the path under wp-content/uploads ("2017/03/silo.jpg").
 */
import { unserialize } from "php-serialize";
import { wpPlainText } from "./content";
import { readWxr, WxrError, type WxrChunks, type WxrItem } from "./wxr";

export interface AttachmentInfo {
  /** WordPress post id of the attachment. */
  id: string;
  /** The file's URL on the old site. */
  url: string;
  /** Path under wp-content/uploads, "" when the export does not say. */
  file: string;
  title: string;
  alt: string;
  caption: string;
  description: string;
  credit: string;
  /** Post id of the post it was uploaded to, "" or "0" for none. */
  parent: string;
  /** Its place among the parent's attachments (galleries without ids list them in this order). */
  menuOrder: number;
}

/** File name endings of the photo formats the media library takes (others stay on the old host). */
const PHOTO_FILE = /\.(jpe?g|png|gif|webp|avif)$/i;

/** Whether an attachment's URL names a photo file (by its ending: the export carries no MIME type). */
export function isPhotoAttachment(a: Pick<AttachmentInfo, "url" | "file">): boolean {
  const path = a.file || (() => {
    try {
      return new URL(a.url).pathname;
    } catch {
      return a.url;
    }
  })();
  return PHOTO_FILE.test(path);
}

/** The credit in `_wp_attachment_metadata` (`image_meta.credit`), or "" when absent or unreadable. */
export function creditFromMetadata(serialized: string): string {
  if (!serialized.includes("credit")) return "";
  try {
    const meta = unserialize(serialized, {}, { strict: false }) as { image_meta?: { credit?: unknown } } | null;
    const credit = meta?.image_meta?.credit;
    return typeof credit === "string" ? credit.trim().slice(0, 200) : "";
  } catch {
    // A truncated or hand-edited value: the credit is simply unknown.
    return "";
  }
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a substring
 * (`slice`, `trim`) as a view into its parent string, so an index of short values cut from
 * the XML parser's 64 KB chunks would keep every chunk alive: measured, 110 MB of heap for
 * 20,000 attachments of a 91 MB export, against 7 MB for copies.
 */
const detached = (s: string): string => (s.length === 0 ? "" : Buffer.from(s, "utf8").toString("utf8"));

/** The attachment an item describes, or null when the item is not an attachment. */
export function attachmentInfo(item: WxrItem): AttachmentInfo | null {
  if (item.postType !== "attachment") return null;
  const meta = (key: string) => item.meta.find((m) => m.key === key)?.value ?? "";
  return {
    id: detached(item.postId.trim()),
    url: detached((item.attachmentUrl || item.guid).trim()),
    file: detached(meta("_wp_attached_file").trim()),
    title: detached(wpPlainText(item.title).slice(0, 300)),
    alt: detached(wpPlainText(meta("_wp_attachment_image_alt")).slice(0, 500)),
    caption: detached(wpPlainText(item.excerpt).slice(0, 1000)),
    description: detached(wpPlainText(item.content).slice(0, 2000)),
    credit: detached(creditFromMetadata(meta("_wp_attachment_metadata"))),
    parent: detached(item.postParent.trim()),
    menuOrder: Number(item.menuOrder) || 0,
  };
}

/** The attachments of an export, by WordPress id, with each post's attachments in gallery order. */
export interface AttachmentIndex {
  byId: Map<string, AttachmentInfo>;
  /** Attachment ids by parent post id, ordered by menu order then id (WordPress's gallery default). */
  byParent: Map<string, string[]>;
}

/** An index with nothing in it (an export read once cannot be pre-read). */
export function emptyAttachmentIndex(): AttachmentIndex {
  return { byId: new Map(), byParent: new Map() };
}

/**
 * Reads an export once and keeps its attachments (posts may name a featured photo or a gallery
 * whose attachments come later in the file, as WordPress writes items in id order and a
 * post's uploads get later ids than the post).
 * @returns the index; memory grows with the number of attachments (a few hundred bytes each),
 *   not with the file. A file that is not well-formed gives the attachments before its first
 *   error (the import itself reports the error).
 */
export async function readAttachmentIndex(input: WxrChunks): Promise<AttachmentIndex> {
  const index = emptyAttachmentIndex();
  try {
    for await (const record of readWxr(input)) {
      if (record.kind !== "item") continue;
      const info = attachmentInfo(record.item);
      if (!info || !info.id) continue;
      index.byId.set(info.id, info);
      if (info.parent && info.parent !== "0") {
        const siblings = index.byParent.get(info.parent);
        if (siblings) siblings.push(info.id);
        else index.byParent.set(info.parent, [info.id]);
      }
    }
  } catch (e) {
    // The attachments before a file's first XML error are kept; the import reports the error.
    if (!(e instanceof WxrError)) throw e;
  }
  for (const ids of index.byParent.values()) {
    ids.sort((a, b) => index.byId.get(a)!.menuOrder - index.byId.get(b)!.menuOrder || Number(a) - Number(b));
  }
  return index;
}
