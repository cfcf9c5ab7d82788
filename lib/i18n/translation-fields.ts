/**
 * Text fields of a record in other languages (a tag's name, a byline's name and bio, the site's
 * name and About text), as the desk's forms send them and the database keeps them
 * (`translations` jsonb: { "<language>": { field: text } }). Empty fields are not kept: a
 * reader sees the record's own text instead.
 */
import { z } from "zod";
import { cleanString } from "@/lib/text/clean";
import { STORY_LANGUAGES } from "./languages";

/** Language codes a translation may be in (the desk's story languages). */
export const TRANSLATION_LANGUAGES = STORY_LANGUAGES.map((l) => l.code) as [string, ...string[]];

/**
 * Gathers per-language form fields ("name:fa", "bio:ps") into `translations`
 * ({ fa: { name } }), merged over any `translations` object already given; other keys pass
 * through unchanged. Keys of fields not in `fields` are left alone.
 */
export function gatherTranslationFields(raw: unknown, fields: readonly string[]): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const out: Record<string, unknown> = {};
  const given = (raw as { translations?: unknown }).translations;
  const translations: Record<string, Record<string, unknown>> = given && typeof given === "object" ? { ...(given as Record<string, Record<string, unknown>>) } : {};
  for (const [key, value] of Object.entries(raw)) {
    const colon = key.lastIndexOf(":");
    const field = key.slice(0, colon);
    const language = key.slice(colon + 1);
    if (colon > 0 && fields.includes(field) && /^[a-z]{2,3}$/.test(language)) translations[language] = { ...translations[language], [field]: value };
    else if (key !== "translations") out[key] = value;
  }
  return { ...out, translations };
}

/**
 * The zod schema of `translations` with the given fields and their length limits (cleaned
 * and trimmed like every text staff type); empty fields and languages are dropped. Required:
 * chain `.optional()` or `.default({})`.
 */
export function translationsSchema<F extends string>(limits: Record<F, { max: number; label: string }>) {
  const shape = Object.fromEntries(Object.entries(limits).map(([field, l]) => [field, cleanString((l as { max: number }).max, (l as { label: string }).label).optional()])) as Record<F, z.ZodOptional<ReturnType<typeof cleanString>>>;
  return z
    .partialRecord(z.enum(TRANSLATION_LANGUAGES, { error: "Unknown language." }), z.object(shape))
    .transform((t) => {
      const out: Record<string, Partial<Record<F, string>>> = {};
      for (const [code, values] of Object.entries(t)) {
        const kept = Object.fromEntries(Object.entries(values as Record<string, unknown>).filter(([, v]) => typeof v === "string" && v !== "")) as Partial<Record<F, string>>;
        if (Object.keys(kept).length > 0) out[code] = kept;
      }
      return out;
    });
}

/** The field name a zod issue in `translations` belongs to on the form ("name:fa"), or null. */
export function translationFieldName(path: readonly PropertyKey[]): string | null {
  return path[0] === "translations" && path.length >= 3 ? `${String(path[2])}:${String(path[1])}` : null;
}

/** A record's text in `language`: its translation's field when given, else its own. */
export function translated<F extends string>(own: Record<F, string>, translations: Partial<Record<string, Partial<Record<F, string>>>> | null | undefined, language: string, field: F): string {
  return translations?.[language]?.[field] || own[field];
}
