/**
 * Typing conventions of the story languages, as pure functions (the editor's input rules in
 * lib/editor/smart-typography.ts apply them as people type; tests call them directly).
 *
 * Quotation marks follow the CLDR delimiters of each language (common/main/<lang>.xml,
 * `<delimiters>`): English “…” and ‘…’; Dari and Pashto «…»; Arabic and Urdu ”…“ in logical
 * order. Arabic-script text takes its own comma ، (U+060C), semicolon ؛ (U+061B) and question
 * mark ؟ (U+061F) after an Arabic-script letter (Unicode Standard, chapter 9.2, Arabic);
 * after a digit or a Latin letter the ASCII mark stays ("3,000", "BBC?").
 */

interface Quotes {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
}

const QUOTES: Record<string, Quotes> = {
  en: { open: "“", close: "”", openSingle: "‘", closeSingle: "’" },
  fa: { open: "«", close: "»", openSingle: "“", closeSingle: "”" },
  ps: { open: "«", close: "»", openSingle: "“", closeSingle: "”" },
  ar: { open: "”", close: "“", openSingle: "’", closeSingle: "‘" },
  ur: { open: "”", close: "“", openSingle: "’", closeSingle: "‘" },
};

/** Languages written in Arabic script, which take Arabic punctuation. */
const ARABIC_SCRIPT = new Set(["fa", "ps", "ar", "ur"]);

/** A quotation mark opens at the start of a paragraph, after a space or an opening bracket or mark. */
function opens(before: string): boolean {
  return before === "" || /[\s([{\u00ab\u201c\u2018\u2014\u2013-]/u.test(before);
}

/**
 * The quotation mark to put for a typed `"` (double) or `'` (single).
 * @param language the story's BCP 47 language (unknown languages use English marks).
 * @param before the character just before the mark ("" at the start of a paragraph).
 * @returns the mark; a single quote between letters is the apostrophe ’ ("don’t").
 */
export function smartQuote(language: string, before: string, kind: "double" | "single"): string {
  const q = QUOTES[language] ?? QUOTES.en!;
  if (kind === "double") return opens(before) ? q.open : q.close;
  if (!opens(before) && /\p{L}/u.test(before) && !ARABIC_SCRIPT.has(language)) return "’";
  return opens(before) ? q.openSingle : q.closeSingle;
}

const ARABIC_MARKS: Record<string, string> = { ",": "\u060c", ";": "\u061b", "?": "\u061f" };

/**
 * The Arabic-script form of a typed comma, semicolon or question mark, or null to keep it.
 * @param before the character just before it.
 */
export function arabicPunctuation(language: string, before: string, typed: string): string | null {
  if (!ARABIC_SCRIPT.has(language)) return null;
  const mark = ARABIC_MARKS[typed];
  return mark && /\p{Script=Arabic}/u.test(before) && /\p{L}/u.test(before) ? mark : null;
}

/**
 * Words in `text`, as the language's word breaker sees them (Intl.Segmenter, Unicode UAX #29
 * word boundaries; punctuation and spaces are not words).
 */
export function countWords(text: string, language: string): number {
  let n = 0;
  for (const s of new Intl.Segmenter(language, { granularity: "word" }).segment(text)) if (s.isWordLike) n += 1;
  return n;
}

/**
 * Average silent reading speed in words per minute: 228 for English and 138 for Arabic, the
 * IReST measurements (Trauzettel-Klosinski & Dietz, "Standardized Assessment of Reading
 * Performance", IOVS 2012); the Arabic rate stands for every Arabic-script language.
 */
export function wordsPerMinute(language: string): number {
  return ARABIC_SCRIPT.has(language) ? 138 : 228;
}

/** Reading time of `words` words, in whole minutes (at least 1 for any text, 0 for none). */
export function readingMinutes(words: number, language: string): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute(language)));
}
