/**
 * Site settings (name, about text, newsroom time zone, locale). One row; defaults apply
 * until an admin saves settings or the seed writes them.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { settings, type Translations } from "@/db/schema";

export interface SiteSettings {
  siteName: string;
  tagline: string;
  aboutText: string;
  /** IANA zone for every date shown to readers. */
  timeZone: string;
  /** BCP 47 locale of the site's furniture and dates. */
  locale: string;
  /** Language new stories start in. */
  defaultLanguage: string;
  logoUrl: string | null;
  /** Languages with an edition of their own besides the default one (/<code>/), in order. */
  editionLanguages: string[];
  /** The site's name, tagline and About text in other languages; missing ones fall back to the fields above. */
  translations: Translations<"siteName" | "tagline" | "aboutText">;
}

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: "Newsroom",
  tagline: "",
  aboutText: "",
  timeZone: "UTC",
  locale: "en-US",
  defaultLanguage: "en",
  logoUrl: null,
  editionLanguages: [],
  translations: {},
};

/** The site's settings, or the defaults when none are saved. */
export async function getSiteSettings(): Promise<SiteSettings> {
  const db = await getDb();
  const [row] = await db.select().from(settings).where(eq(settings.id, 1)).limit(1);
  if (!row) return DEFAULT_SETTINGS;
  return {
    siteName: row.siteName,
    tagline: row.tagline,
    aboutText: row.aboutText,
    timeZone: row.timeZone,
    locale: row.locale,
    defaultLanguage: row.defaultLanguage,
    logoUrl: row.logoUrl,
    editionLanguages: row.editionLanguages,
    translations: row.translations,
  };
}
