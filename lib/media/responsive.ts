/**
 * Responsive image markup for stored photos, pure (used by the server renderer, the reader
 * pages and the editor alike). Resized copies come from Next's image optimiser
 * (`/_next/image?url=…&w=…&q=…`, sharp underneath), which answers in AVIF or WebP when the
 * browser accepts them and keeps its results on disk; next.config.ts allows exactly
 * IMAGE_WIDTHS and THUMB_WIDTHS.
 */

/** Widths of the `srcset` candidates for photos in the page's column and wider. */
export const IMAGE_WIDTHS = [320, 480, 640, 828, 1080, 1280, 1920] as const;
/** Extra small widths for card thumbnails. */
export const THUMB_WIDTHS = [160, 240] as const;
/** The one quality the optimiser is allowed to use. */
export const IMAGE_QUALITY = 75;

/** The parts of a library photo that delivery needs. */
export interface PhotoRef {
  /** "/media/<key>" */
  url: string;
  width: number;
  height: number;
  altText: string;
  caption: string;
  creditName: string;
  creditOrg: string;
  creditUrl: string | null;
}

/** The optimiser URL of `url` at width `w`. */
export function optimisedUrl(url: string, w: number): string {
  return `/_next/image?url=${encodeURIComponent(url)}&w=${w}&q=${IMAGE_QUALITY}`;
}

export interface ImgAttributes {
  src: string;
  srcSet: string;
  sizes: string;
  width: number;
  height: number;
  alt: string;
}

/**
 * `<img>` attributes for a photo: srcset up to the photo's own width (never upscaled), the
 * `sizes` the layout gives it, and width/height from the file so the page does not shift.
 * @param sizes a CSS `sizes` value, e.g. "(min-width: 768px) 768px, 100vw".
 * @param thumbs include the small thumbnail widths (cards).
 */
export function imgAttributes(photo: PhotoRef, sizes: string, thumbs = false): ImgAttributes {
  const all: number[] = [...(thumbs ? THUMB_WIDTHS : []), ...IMAGE_WIDTHS];
  let widths = all.filter((w) => w <= photo.width);
  if (widths.length === 0) widths = [all[0] as number];
  // Animated GIFs are passed through by the optimiser unchanged: one candidate is enough.
  if (photo.url.endsWith(".gif")) widths = [widths.at(-1) as number];
  return {
    src: optimisedUrl(photo.url, widths.at(-1) as number),
    srcSet: widths.map((w) => `${optimisedUrl(photo.url, w)} ${w}w`).join(", "),
    sizes,
    width: photo.width,
    height: photo.height,
    alt: photo.altText,
  };
}

/**
 * "Photo: Name / Organisation", or "" when there is no credit. A credit that already names its
 * kind ("Illustration: …", "Graphic: …", "Map: …") is shown as written, not as a photo.
 * @param asPhoto writes a plain credit as a photo's (default "Photo: <who>"; reader pages pass
 * their language's words).
 */
export function creditLine(photo: Pick<PhotoRef, "creditName" | "creditOrg">, asPhoto: (who: string) => string = (who) => `Photo: ${who}`): string {
  const who = [photo.creditName, photo.creditOrg].filter(Boolean).join(" / ");
  if (!who) return "";
  return /^\p{L}[\p{L} ]{0,30}: /u.test(who) ? who : asPhoto(who);
}
