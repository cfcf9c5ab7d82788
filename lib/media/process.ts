/**
 * Checks and prepares an uploaded photo, with sharp (libvips):
 * - the type is read from the content (magic bytes, by libvips's loaders), never from the
 *   file name: JPEG, PNG, WebP, AVIF and GIF only;
 * - at most MEDIA_MAX_BYTES and MEDIA_MAX_PIXELS (a "decompression bomb" is refused before
 *   it is decoded);
 * - the stored file is re-encoded in its own format, turned upright from its EXIF
 *   orientation, with all metadata dropped (EXIF including GPS position, XMP, IPTC) but the
 *   colour profile kept.
 * Throws AppError ("bad_request" or "too_large") with a message naming the file.
 */
import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { AppError } from "@/lib/errors";
import { MEDIA_MAX_BYTES } from "../../scripts/body-limits.mjs";

/** Largest upload accepted: 20 MB (one number for the server's body limit and this check). */
export { MEDIA_MAX_BYTES } from "../../scripts/body-limits.mjs";
/** Largest image accepted: 50 megapixels (a 8,660 × 5,773 photo; phone cameras make 12–48). */
export const MEDIA_MAX_PIXELS = 50_000_000;

export const MEDIA_TYPES = {
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  webp: { mime: "image/webp", ext: "webp" },
  avif: { mime: "image/avif", ext: "avif" },
  gif: { mime: "image/gif", ext: "gif" },
} as const;
export type MediaFormat = keyof typeof MEDIA_TYPES;


export interface ProcessedImage {
  data: Buffer;
  format: MediaFormat;
  mimeType: string;
  ext: string;
  width: number;
  height: number;
  /** SHA-256 (hex) of `data`. */
  hash: string;
  /** Storage file name: first 32 hex digits of the hash and the extension. */
  storageKey: string;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads the real format of `input` (by content).
 * @returns the accepted format, or null for anything else (including HEIC, SVG, TIFF, PDF).
 */
export async function sniffImage(input: Buffer): Promise<{ format: MediaFormat; width: number; height: number; pages: number } | null> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return null;
  }
  let format: MediaFormat | null = null;
  if (meta.format === "jpeg" || meta.format === "png" || meta.format === "webp" || meta.format === "gif") format = meta.format;
  // AVIF is HEIF with AV1 compression; HEIC (HEVC) is refused: browsers cannot show it.
  if (meta.format === "heif" && meta.compression === "av1") format = "avif";
  if (!format || !meta.width || !meta.height) return null;
  return { format, width: meta.width, height: meta.pageHeight ?? meta.height, pages: meta.pages ?? 1 };
}

/**
 * Validates and prepares an upload for storage.
 * @param input the uploaded bytes. @param name the file's name, for messages only.
 * @throws AppError too_large (bytes or pixels) or bad_request (not an accepted image).
 */
export async function processUpload(input: Buffer, name: string): Promise<ProcessedImage> {
  const label = name ? `“${name}”` : "The file";
  if (input.byteLength > MEDIA_MAX_BYTES) {
    throw new AppError("too_large", `${label} is ${mb(input.byteLength)}; photos may be at most ${mb(MEDIA_MAX_BYTES)}.`);
  }
  const found = await sniffImage(input);
  if (!found) {
    throw new AppError("bad_request", `${label} is not a photo we can use. Upload a JPEG, PNG, WebP, AVIF or GIF image.`);
  }
  if (found.width * found.height * found.pages > MEDIA_MAX_PIXELS) {
    throw new AppError(
      "too_large",
      `${label} is ${found.width} × ${found.height} pixels${found.pages > 1 ? ` × ${found.pages} frames` : ""}; photos may be at most ${MEDIA_MAX_PIXELS / 1_000_000} megapixels.`,
    );
  }
  const animated = found.pages > 1;
  let pipeline = sharp(input, { animated, limitInputPixels: MEDIA_MAX_PIXELS }).keepIccProfile();
  if (!animated) pipeline = pipeline.autoOrient();
  switch (found.format) {
    case "jpeg":
      pipeline = pipeline.jpeg({ quality: 90, mozjpeg: true });
      break;
    case "png":
      pipeline = pipeline.png({ compressionLevel: 9 });
      break;
    case "webp":
      pipeline = pipeline.webp({ quality: 90 });
      break;
    case "avif":
      pipeline = pipeline.avif({ quality: 70 });
      break;
    case "gif":
      pipeline = pipeline.gif();
      break;
  }
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await pipeline.toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError("bad_request", `${label} is damaged or incomplete; it could not be read as an image.`);
  }
  const hash = createHash("sha256").update(out.data).digest("hex");
  const type = MEDIA_TYPES[found.format];
  return {
    data: out.data,
    format: found.format,
    mimeType: type.mime,
    ext: type.ext,
    width: out.info.width,
    height: animated ? (out.info.pageHeight ?? out.info.height) : out.info.height,
    hash,
    storageKey: `${hash.slice(0, 32)}.${type.ext}`,
  };
}
