/**
 * Story (and tag, byline) slugs.
 *
 * Titles in any script are transliterated to `[a-z0-9-]` by @sindresorhus/slugify (Dari and
 * Pashto included), cut to at most {@link MAX_SLUG_LENGTH} characters at a hyphen, and never
 * empty: a title that transliterates to nothing (emoji, CJK) gets the caller's fallback.
 * Latin-only slug code broke on Arabic script: Ghost turned Ain into a backtick and gave an
 * Alef-only title no slug (https://github.com/TryGhost/Ghost/issues/6163).
 */
import slugify from "@sindresorhus/slugify";

export const MAX_SLUG_LENGTH = 80;

/** A valid stored slug: lowercase ASCII letters and digits in hyphen-separated runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Makes a slug from a title.
 * @param title any text, any script.
 * @param fallback used when the title yields no letters or digits (e.g. "story-<id>"); it is
 *   itself slugified, and "story" is used when it is empty too.
 * @returns a slug matching {@link SLUG_PATTERN}, 1–80 characters.
 */
export function makeSlug(title: string, fallback = "story"): string {
  const cleaned = title.normalize("NFC").replace(/[\u200B-\u200F\uFEFF]/g, "");
  const slug = cutSlug(slugify(cleaned, { decamelize: false }));
  if (slug) return slug;
  return cutSlug(slugify(fallback, { decamelize: false })) || "story";
}

/** Cuts a slug to the length limit at the last hyphen that fits (or hard, for one long word). */
function cutSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const head = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const cut = head.lastIndexOf("-");
  return (cut > 0 ? head.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}

/** True when `value` is a well-formed slug within the length limit. */
export function isValidSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}
