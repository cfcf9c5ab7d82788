/**
 * The language of a reader page's own words (navigation, labels, notices) on pages that are
 * not one story's: the site's. A story page uses its story's language instead.
 */
import type { SiteSettings } from "./settings";
import { MESSAGE_LANGUAGES, messageLanguage } from "@/lib/i18n/messages";

/**
 * The chrome language of a non-story reader page: the site's default language when the
 * reader site has messages for it, else the language of the site's locale, else English.
 * @param settings the site's settings (lib/site/settings.ts).
 * @returns a primary language subtag with a message file, e.g. "en", "fa".
 */
export function chromeLanguageOf(settings: Pick<SiteSettings, "defaultLanguage" | "locale">): string {
  for (const tag of [settings.defaultLanguage, settings.locale]) {
    const primary = tag.toLowerCase().split("-")[0] ?? "";
    if (MESSAGE_LANGUAGES.includes(primary)) return primary;
  }
  return messageLanguage("en");
}
