/**
 * Language editions: the site in each language it publishes in. The default language's
 * edition lives at `/`; every other edition under its language code (`/fa`, `/ps`), with its
 * own front page, navigation, About page and feeds, and the site's name, tagline and About
 * text in that language (settings, falling back to the default language's). Story addresses
 * stay `/news/<slug>` in every language. Pure: works on settings already read.
 */
import { directionOf, STORY_LANGUAGES } from "@/lib/i18n/languages";
import type { SiteSettings } from "./settings";
import type { LanguageScope } from "@/lib/stories/queries";

/** One edition of the site. */
export interface Edition {
  /** BCP 47 language code, e.g. "fa". */
  language: string;
  /** "" for the default edition, else "/<language>": prefix of the edition's own pages. */
  prefix: string;
  direction: "ltr" | "rtl";
  isDefault: boolean;
  siteName: string;
  tagline: string;
  aboutText: string;
}

/** Language codes an edition may have (the desk's story languages), for routes and checks. */
export const EDITION_CODES: readonly string[] = STORY_LANGUAGES.map((l) => l.code);

/** The edition of `language` from settings, whether or not it is published (texts fall back). */
function editionOf(settings: SiteSettings, language: string): Edition {
  const isDefault = language === settings.defaultLanguage;
  const own = isDefault ? {} : (settings.translations[language] ?? {});
  return {
    language,
    prefix: isDefault ? "" : `/${language}`,
    direction: directionOf(language),
    isDefault,
    siteName: own.siteName || settings.siteName,
    tagline: own.tagline || settings.tagline,
    aboutText: own.aboutText || settings.aboutText,
  };
}

/** Every published edition: the default first, then the others in the order settings give. */
export function editionsOf(settings: SiteSettings): Edition[] {
  const others = settings.editionLanguages.filter((code, i, all) => code !== settings.defaultLanguage && EDITION_CODES.includes(code) && all.indexOf(code) === i);
  return [editionOf(settings, settings.defaultLanguage), ...others.map((code) => editionOf(settings, code))];
}

/**
 * The published edition for a language code from an address ("fa" for `/fa`), or null when the
 * site has no such edition (the address answers 404). The default edition has no prefix, so
 * its own code is null too (`/en` is not a second address of the front page).
 */
export function editionAt(settings: SiteSettings, code: string): Edition | null {
  return editionsOf(settings).find((e) => !e.isDefault && e.language === code) ?? null;
}

/** The default edition. */
export function defaultEdition(settings: SiteSettings): Edition {
  return editionOf(settings, settings.defaultLanguage);
}

/**
 * The edition a story belongs to: its language's when the site publishes one, else the
 * default (a story in a language without an edition is read in the default edition's chrome
 * and navigation).
 */
export function editionForLanguage(settings: SiteSettings, language: string): Edition {
  const primary = language.toLowerCase().split("-")[0] ?? "";
  return editionsOf(settings).find((e) => e.language === primary) ?? defaultEdition(settings);
}

/**
 * Which stories an edition lists (front page, Latest, feeds, breaking bar): another
 * language's edition, the stories in that language; the default edition, every story not in
 * another edition's language (so a story in a language without an edition is still listed).
 * Undefined when the site has one edition: every story.
 */
export function editionScope(settings: SiteSettings, edition: Edition): LanguageScope | undefined {
  if (!edition.isDefault) return { only: edition.language };
  const others = editionsOf(settings)
    .filter((e) => !e.isDefault)
    .map((e) => e.language);
  return others.length ? { except: others } : undefined;
}

/**
 * The prefix of the edition a story in `language` belongs to ("" or "/fa"), for links that
 * lead on from the story (its section's page in its language's edition).
 */
export function editionPrefixOf(settings: SiteSettings, language: string): string {
  return editionForLanguage(settings, language).prefix;
}

/**
 * hreflang alternates of the editions' front pages (every edition's front names every
 * edition's, the default's as x-default), absolute on `origin`; undefined with one edition.
 */
export function editionAlternates(settings: SiteSettings, origin: string): Record<string, string> | undefined {
  const editions = editionsOf(settings);
  if (editions.length < 2) return undefined;
  const out: Record<string, string> = Object.fromEntries(editions.map((e) => [e.language, `${origin}${e.prefix}/`]));
  out["x-default"] = `${origin}/`;
  return out;
}
