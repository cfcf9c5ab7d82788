/**
 * What every reader page's loader is given (components/site/render.tsx reads it once per
 * render), and the decoding of URL segments.
 */
import "server-only";
import type { SiteSettings } from "./settings";
import { editionPrefixOf, editionScope, type Edition } from "./editions";
import type { LanguageScope } from "@/lib/stories/queries";

export interface ReaderContext {
  /** One instant for the whole render: every visibility check uses it. */
  now: Date;
  /**
   * The settings as the page's edition shows them: its site name, tagline and About text, and
   * its language as `defaultLanguage` (the language of the page's own words). The default
   * edition's are the settings as saved.
   */
  settings: SiteSettings;
  /** The edition whose address this is (`/` or `/fa/…`); story pages are the default's. */
  edition: Edition;
  /** Which stories the edition lists (undefined: all). */
  scope: LanguageScope | undefined;
  /** The settings as saved (every edition's texts), for pages that pick an edition themselves. */
  site: SiteSettings;
}

/** The settings as `edition` shows them (see ReaderContext.settings). */
export function settingsInEdition(site: SiteSettings, edition: Edition): SiteSettings {
  if (edition.isDefault) return site;
  return { ...site, siteName: edition.siteName, tagline: edition.tagline, aboutText: edition.aboutText, defaultLanguage: edition.language };
}

/** The context of a render of `edition`'s page at `now`. */
export function readerContext(site: SiteSettings, edition: Edition, now: Date): ReaderContext {
  return { now, settings: settingsInEdition(site, edition), edition, scope: editionScope(site, edition), site };
}

/**
 * Decodes a URL segment the router may hand over still percent-encoded.
 * @returns the decoded text, or null for a malformed escape (the page answers 404).
 */
export function decodeSegment(segment: string): string | null {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Per story language, the prefix of its edition's pages ("" or "/fa"), for links from cards to section pages. */
export function editionPrefixer(context: Pick<ReaderContext, "site">): (language: string) => string {
  return (language) => editionPrefixOf(context.site, language);
}
