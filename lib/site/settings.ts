/**
 * Site settings (name, about text, newsroom time zone, locale). One row; defaults apply
 * until an admin saves settings or the seed writes them.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { settings } from "@/db/schema";

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
}

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: "Newsroom",
  tagline: "",
  aboutText: "",
  timeZone: "UTC",
  locale: "en-US",
  defaultLanguage: "en",
  logoUrl: null,
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
  };
}
