/**
 * Site settings for admins: validated with zod on the server, field errors by name, an audit
 * entry with what changed. (Breaking news is a story's flag, set in the editor.)
 */
import "server-only";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { getDb } from "@/db";
import { saveSiteSettings } from "@/lib/stories/store";
import type { Viewer } from "@/lib/auth/load-viewer";
import { isValidTimeZone } from "@/lib/dates/format";
import { cleanString } from "@/lib/text/clean";
import { addressField } from "@/lib/text/urls";
import { AppError } from "@/lib/errors";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import { gatherTranslationFields, translationFieldName, translationsSchema } from "@/lib/i18n/translation-fields";
import { can } from "@/lib/permissions/roles";
import { getSiteSettings, type SiteSettings } from "./settings";

const text = (max: number, label: string) => cleanString(max, label);
const LANGUAGE_CODES = STORY_LANGUAGES.map((l) => l.code) as [string, ...string[]];
const url = (label: string) => addressField(500, label, "web");

const settingsSchema = z.object({
  siteName: text(120, "site name").pipe(z.string().min(1, "The site needs a name.")),
  tagline: text(200, "tagline").default(""),
  aboutText: text(3000, "About text").default(""),
  timeZone: text(64, "time zone")
    .refine(isValidTimeZone, { message: "Use an IANA time zone name, e.g. Asia/Kabul or Europe/London." })
    // Stored in its canonical spelling ("asia/kabul" → "Asia/Kabul").
    .transform((tz) => new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone),
  defaultLanguage: z.enum(STORY_LANGUAGES.map((l) => l.code) as [string, ...string[]], { error: "Pick a language from the list." }),
  logoUrl: url("logo address").default(""),
  editionLanguages: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).filter(Boolean))])
    .pipe(z.array(z.enum(LANGUAGE_CODES, { error: "Pick editions from the list." })).max(LANGUAGE_CODES.length))
    .default([]),
  translations: translationsSchema({ siteName: { max: 120, label: "site name" }, tagline: { max: 200, label: "tagline" }, aboutText: { max: 3000, label: "About text" } }).default({}),
});

/**
 * Saves the site settings.
 * @throws AppError: forbidden (not an admin), bad_request with per-field messages.
 */
export async function updateSiteSettings(viewer: Viewer, raw: unknown): Promise<SiteSettings> {
  if (!can(viewer.role, "settings:manage")) throw new AppError("forbidden", "Only admins can change the site settings.");
  const parsed = settingsSchema.safeParse(gatherTranslationFields(raw, ["siteName", "tagline", "aboutText"]));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      // A per-language field's error goes to the field the form shows ("siteName:fa").
      const name = translationFieldName(issue.path) ?? String(issue.path[0] ?? "form");
      fields[name] ??= issue.message;
    }
    throw new AppError("bad_request", "Some settings need fixing.", fields);
  }
  const input = parsed.data;
  const before = await getSiteSettings();
  const next: SiteSettings = {
    siteName: input.siteName,
    tagline: input.tagline,
    aboutText: input.aboutText,
    timeZone: input.timeZone,
    locale: before.locale,
    defaultLanguage: input.defaultLanguage,
    logoUrl: input.logoUrl || null,
    // The default language has the main edition; it is not one of the others.
    editionLanguages: input.editionLanguages.filter((code) => code !== input.defaultLanguage),
    translations: input.translations,
  };
  await saveSiteSettings(next);
  const comparable = (v: unknown) => (v !== null && typeof v === "object" ? JSON.stringify(v) : String(v ?? ""));
  const changed = (Object.keys(next) as (keyof SiteSettings)[]).filter((k) => comparable(next[k]) !== comparable(before[k]));
  const db = await getDb();
  await db.insert(auditLog).values({
    actorId: viewer.id,
    action: "settings.update",
    entityType: "settings",
    entityId: "1",
    details: { changes: Object.fromEntries(changed.map((k) => [k, { from: before[k] ?? null, to: next[k] ?? null }])) },
  });
  return next;
}
