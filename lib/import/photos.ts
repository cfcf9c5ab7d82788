/**
 * Photos of a WordPress import: each image a post uses (featured, in the body, in a gallery)
 * and each photo attachment becomes a media-library photo, through the same checks as any
 * upload (lib/media/process.ts: type by content, bytes, pixels, metadata dropped).
 *
 * - The file comes from the uploads folder or the old site (lib/import/photo-source.ts), once
 *   per URL in a run: the result (without the bytes) is remembered, so a photo used by many
 *   posts is read and checked once.
 * - The same picture is one library item (by content hash), so importing again duplicates
 *   nothing; a photo already in the library keeps its words, and only empty ones (alt text,
 *   caption, description, credit) are filled from WordPress.
 * - In a dry run nothing is stored: the file is read and checked, and the counts are the real
 *   run's.
 * - For a post's resized copy ("silo-1024x768.jpg") the original file is taken: the library
 *   makes its own sizes.
 */
import "server-only";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { media } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { processUpload } from "@/lib/media/process";
import { mediaStorage } from "@/lib/media/store";
import type { AttachmentIndex, AttachmentInfo } from "./attachments";
import type { WpImage } from "./content";
import type { PhotoSource } from "./photo-source";

/** A photo obtained and checked (and, in a real run, its file stored). */
export interface GotPhoto {
  ok: true;
  hash: string;
  storageKey: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  name: string;
}

export type PhotoResult = GotPhoto | { ok: false; url: string; reason: string };

/** The words a library photo gets from WordPress (each may be empty). */
export interface PhotoWords {
  alt: string;
  caption: string;
  description: string;
  credit: string;
}

/** Where an image of a post comes from: the URL to get, and its attachment when the export has it. */
export interface PhotoSourceRef {
  url: string;
  attachment: AttachmentInfo | null;
}

/** A URL without the "-<width>x<height>" that WordPress adds to resized copies, or null when it has none. */
export function originalOfResized(url: string): string | null {
  const m = /^(.*)-\d{1,5}x\d{1,5}(\.[a-z0-9]{2,5})([?#].*)?$/i.exec(url);
  return m ? `${m[1]}${m[2]}` : null;
}

/**
 * Where to get an image: its attachment's file when the export has the attachment, else its
 * `src` made absolute against the site. @returns null for an image with neither.
 */
export function photoRef(image: WpImage, index: AttachmentIndex, siteUrl: string): PhotoSourceRef | null {
  const attachment = image.attachmentId ? (index.byId.get(image.attachmentId) ?? null) : null;
  if (attachment?.url) return { url: attachment.url, attachment };
  if (!image.src) return null;
  try {
    return { url: new URL(image.src, siteUrl || undefined).href, attachment };
  } catch {
    return null;
  }
}

/** The words for a library photo: the attachment's, else those written with the image in the post. */
export function photoWords(ref: PhotoSourceRef, image?: Pick<WpImage, "alt" | "caption">): PhotoWords {
  const a = ref.attachment;
  return {
    alt: (a?.alt || image?.alt || "").slice(0, 500),
    caption: (a?.caption || image?.caption || "").slice(0, 1000),
    description: (a?.description ?? "").slice(0, 2000),
    credit: (a?.credit ?? "").slice(0, 200),
  };
}

/** The photos of one run: gets each URL once, and writes library rows inside item transactions. */
export class ImportPhotos {
  private readonly results = new Map<string, Promise<PhotoResult>>();

  constructor(
    private readonly source: PhotoSource,
    private readonly dryRun: boolean,
  ) {}

  /**
   * The photo at `ref`: for a resized copy the original first, then the copy itself.
   * Never throws: a photo that cannot be had is `{ ok: false, reason }`.
   */
  get(ref: PhotoSourceRef): Promise<PhotoResult> {
    let pending = this.results.get(ref.url);
    if (!pending) {
      pending = this.fetchOne(ref);
      this.results.set(ref.url, pending);
    }
    return pending;
  }

  private async fetchOne(ref: PhotoSourceRef): Promise<PhotoResult> {
    const original = ref.attachment ? null : originalOfResized(ref.url);
    let got = original ? await this.source.get(original) : null;
    if (!got?.ok) got = await this.source.get(ref.url, ref.attachment?.file || undefined);
    if (!got.ok) return { ok: false, url: ref.url, reason: got.reason };
    try {
      const image = await processUpload(got.data, got.name);
      // The file first: a row never points at a missing file (an orphan file is harmless).
      if (!this.dryRun) await mediaStorage().put(image.storageKey, image.data, image.mimeType);
      return {
        ok: true,
        hash: image.hash,
        storageKey: image.storageKey,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        bytes: image.data.byteLength,
        name: got.name || path.basename(new URL(ref.url, "http://x").pathname),
      };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, url: ref.url, reason: e.message };
      return { ok: false, url: ref.url, reason: `could not be stored (${(e as Error).message})` };
    }
  }
}

/**
 * The library item of a photo, inside an item's transaction: inserted (its words from
 * WordPress), or the existing item of the same content, whose empty words are filled.
 * @returns its id, and whether this call created it.
 */
export async function photoRow(tx: Db, got: GotPhoto, words: PhotoWords, actorId: string | null): Promise<{ id: string; created: boolean }> {
  const [row] = await tx
    .insert(media)
    .values({
      storageKey: got.storageKey,
      contentHash: got.hash,
      mimeType: got.mimeType,
      width: got.width,
      height: got.height,
      bytes: got.bytes,
      originalName: got.name.slice(0, 200),
      altText: words.alt,
      caption: words.caption,
      description: words.description,
      creditName: words.credit,
      uploadedBy: actorId,
    })
    .onConflictDoNothing()
    .returning({ id: media.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await tx
    .select({ id: media.id, altText: media.altText, caption: media.caption, description: media.description, creditName: media.creditName })
    .from(media)
    .where(eq(media.contentHash, got.hash))
    .limit(1);
  if (!existing) throw new Error(`the photo ${got.name} clashed with a library file of another content`);
  const fill: Partial<Record<"altText" | "caption" | "description" | "creditName", string>> = {};
  if (!existing.altText && words.alt) fill.altText = words.alt;
  if (!existing.caption && words.caption) fill.caption = words.caption;
  if (!existing.description && words.description) fill.description = words.description;
  if (!existing.creditName && words.credit) fill.creditName = words.credit;
  if (Object.keys(fill).length) await tx.update(media).set({ ...fill, updatedAt: new Date() }).where(eq(media.id, existing.id));
  return { id: existing.id, created: false };
}
