/**
 * The reader site's own words (navigation, labels, notices, page titles), from one message
 * file per language in lib/i18n/messages/. English (en.json) is the reference: its keys type
 * every lookup, so a missing or misspelt key is a type error, and lib/i18n/messages.test.ts
 * checks that every other file has the same keys and placeholders.
 *
 * A message is a string with named placeholders ("About {site}"), or, where a count is
 * involved, an object of plural forms keyed by the language's CLDR plural categories
 * (Intl.PluralRules: "one", "other", …). Numbers put into a message are written in the
 * language's own digits (Intl.NumberFormat with the locale lib/dates uses for it, e.g. fa-AF).
 * Pure: no framework, no server-only code.
 */
import { dateLocaleFor } from "@/lib/dates/format";
import en from "./messages/en.json";
import fa from "./messages/fa.json";
import ps from "./messages/ps.json";

type English = typeof en;

/** Every message key, from en.json. */
export type MessageKey = keyof English;
/** The keys whose message has plural forms (they need a `count`). */
export type PluralKey = { [K in MessageKey]: English[K] extends string ? never : K }[MessageKey];
/** The keys whose message is one string. */
export type TextKey = Exclude<MessageKey, PluralKey>;

/** Plural forms by CLDR category; "other" is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A language's message file: the same keys as en.json, strings or plural forms. */
export type Messages = { [K in MessageKey]: English[K] extends string ? string : PluralForms };

/** Values for a message's placeholders; numbers are written in the language's digits. */
export type MessageParams = Record<string, string | number>;

/** The message files, by primary language subtag. Adding a language: a file and a line here. */
const CATALOGUES: Record<string, Messages> = { en, fa, ps };

/** The languages that have a message file. */
export const MESSAGE_LANGUAGES = Object.keys(CATALOGUES);

/**
 * The message language for a language tag: its primary subtag when it has a message file
 * ("fa-AF" → "fa"), else English.
 */
export function messageLanguage(language: string): string {
  const primary = language.toLowerCase().split("-")[0] ?? "";
  return primary in CATALOGUES ? primary : "en";
}

/** The message file for a language (English for one without a file). */
export function messagesFor(language: string): Messages {
  return CATALOGUES[messageLanguage(language)] as Messages;
}

/** The locale numbers are written in for a language: the one lib/dates writes its dates in ("fa" → "fa-AF"). */
export function numberLocaleFor(language: string): string {
  const lang = messageLanguage(language);
  return dateLocaleFor(lang, lang);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A number in the language's digits and grouping, e.g. 1200 → "1,200" (en), "۱٬۲۰۰" (fa). */
export function formatNumber(language: string, n: number): string {
  const locale = numberLocaleFor(language);
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** The CLDR plural category of `n` in the language (Intl.PluralRules). */
export function pluralCategory(language: string, n: number): Intl.LDMLPluralRule {
  const locale = numberLocaleFor(language);
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n);
}

/**
 * The unfilled text of a message; for a plural message, the form for `count` (the "other"
 * form when the file has none for its category).
 */
export function messageTemplate(language: string, key: MessageKey, count?: number): string {
  const message = messagesFor(language)[key] as string | PluralForms;
  if (typeof message === "string") return message;
  const category = count === undefined ? "other" : pluralCategory(language, count);
  return message[category] ?? message.other;
}

/**
 * A message with its placeholders filled, as pieces: the text between placeholders, and each
 * parameter in its place (numbers in the language's digits, other values as given: a React
 * node stays a node). A placeholder without a value is left as written.
 */
export function tParts<T>(language: string, key: MessageKey, params: Record<string, string | number | T> = {}): (string | T)[] {
  const count = typeof params.count === "number" ? params.count : undefined;
  const pieces = messageTemplate(language, key, count).split(/(\{[A-Za-z]+\})/);
  const out: (string | T)[] = [];
  for (const piece of pieces) {
    if (piece === "") continue;
    const name = /^\{([A-Za-z]+)\}$/.exec(piece)?.[1];
    const value = name !== undefined && Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) out.push(piece);
    else out.push(typeof value === "number" ? formatNumber(language, value) : value);
  }
  return out;
}

/**
 * The text of a message in a language (English for one without a message file), its
 * placeholders filled from `params`; a plural message picks its form by `params.count`.
 */
export function t(language: string, key: PluralKey, params: MessageParams & { count: number }): string;
export function t(language: string, key: TextKey, params?: MessageParams): string;
export function t(language: string, key: MessageKey, params: MessageParams = {}): string {
  return tParts<string>(language, key, params).join("");
}
