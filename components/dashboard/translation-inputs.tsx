/**
 * Inputs for a record's texts in other languages (a tag's name, a byline's bio, the site's
 * name): one field per language and text, named "<field>:<language>" as the lib calls read
 * them, each typed in that language's script and direction. No hooks: usable in client forms
 * and Server Components alike.
 */
import { Input, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { directionOf, STORY_LANGUAGES } from "@/lib/i18n/languages";

/** One translatable text of a record. */
export interface TranslatedText {
  /** The record's field ("name"); the inputs are named "name:fa". */
  field: string;
  /** The label before the language's name: "Name" gives "Name in Dari". */
  label: string;
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
  /** Shown in the empty field: the text readers get when it stays empty. */
  placeholder?: string;
  /** Spans both columns of the language's grid on wide screens (a long text). */
  wide?: boolean;
}

/** A language's English name without its endonym ("Dari (دری)" → "Dari"); the code when unknown. */
export function languageName(code: string): string {
  const name = STORY_LANGUAGES.find((l) => l.code === code)?.name;
  return name ? name.replace(/\s*\(.*\)$/, "") : code;
}

/** The form field name of one text in one language ("name:fa"). */
export function translationKey(field: string, language: string): string {
  return `${field}:${language}`;
}

/**
 * `text` as a placeholder in a field of any direction: cut at a word after `max` characters
 * and isolated (FSI…PDI), so an English fallback keeps its own order in a right-to-left field.
 */
export function fallbackPlaceholder(text: string, max = 80): string | undefined {
  if (!text) return undefined;
  const cut = text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text;
  return `\u2068${cut}\u2069`;
}

/**
 * A record's `translations` ({ fa: { name } }) as form values keyed by field name
 * ({ "name:fa": … }), for the inputs' initial values.
 */
export function translationValues(translations: Partial<Record<string, Partial<Record<string, string>>>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [language, texts] of Object.entries(translations ?? {})) {
    for (const [field, value] of Object.entries(texts ?? {})) if (typeof value === "string") out[translationKey(field, language)] = value;
  }
  return out;
}

/** True when any of `texts` in `language` has a value or an error. */
export function languageHasContent(language: string, texts: readonly TranslatedText[], values: Record<string, string | undefined>, errors: Record<string, string | undefined>): boolean {
  return texts.some((t) => {
    const key = translationKey(t.field, language);
    return !!values[key] || !!errors[key];
  });
}

/**
 * The inputs of `texts` in one language, labelled "<label> in <language>", with the language's
 * `lang` and `dir`, for a two-column grid on wide screens. Each field's error shows under it;
 * its paragraph is `<id>-error`.
 * @param idPrefix makes the ids unique on the page ("tag" gives "tag-name-fa").
 */
export function LanguageTextInputs({
  language,
  texts,
  values,
  errors,
  idPrefix,
}: {
  language: string;
  texts: readonly TranslatedText[];
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  idPrefix: string;
}) {
  const dir = directionOf(language);
  return texts.map((t) => {
    const key = translationKey(t.field, language);
    const id = `${idPrefix}-${t.field}-${language}`;
    const error = errors[key];
    const common = {
      id,
      name: key,
      lang: language,
      dir,
      defaultValue: values[key] ?? "",
      placeholder: t.placeholder ? fallbackPlaceholder(t.placeholder) : undefined,
      "aria-invalid": !!error,
      "aria-describedby": error ? `${id}-error` : undefined,
    };
    return (
      <div key={key} className={t.wide ? "min-w-0 sm:col-span-2" : "min-w-0"}>
        <Field id={id} errorId={`${id}-error`} label={`${t.label} in ${languageName(language)}`} error={error}>
          {t.rows ? <Textarea {...common} rows={t.rows} /> : <Input {...common} />}
        </Field>
      </div>
    );
  });
}

/**
 * "Other languages": a disclosure with the inputs of `texts` in every story language, open
 * when one of them has a value or an error.
 */
export function OtherLanguages({
  texts,
  values,
  errors,
  idPrefix,
}: {
  texts: readonly TranslatedText[];
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  idPrefix: string;
}) {
  const filled = STORY_LANGUAGES.filter((l) => languageHasContent(l.code, texts, values, errors));
  return (
    <details open={filled.length > 0} className="group rounded border border-neutral-300 bg-white" data-testid="other-languages">
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
        Other languages
        <span className="ms-2 font-normal text-neutral-600 group-open:hidden">{filled.length > 0 ? `(${filled.map((l) => languageName(l.code)).join(", ")})` : "(none yet)"}</span>
      </summary>
      <div className="flex flex-col divide-y divide-neutral-200 border-t border-neutral-200">
        <p className="px-3 py-2 text-xs text-neutral-600">Readers of a story in another language see these texts; an empty field shows the one above.</p>
        {STORY_LANGUAGES.map((l) => (
          <fieldset key={l.code} className="grid min-w-0 gap-3 px-3 py-3 sm:grid-cols-2">
            <legend className="sr-only">{languageName(l.code)}</legend>
            <LanguageTextInputs language={l.code} texts={texts} values={values} errors={errors} idPrefix={idPrefix} />
          </fieldset>
        ))}
      </div>
    </details>
  );
}
