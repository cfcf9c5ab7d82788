/**
 * Text as the newsroom stores it, for every field staff or an import can fill. Pure and
 * client-safe: the desk's forms and the server apply the same rule.
 */
import { z } from "zod";

/**
 * Removes what must never be stored: C0/C1 control characters except tab and newline (XML 1.0
 * §2.2 forbids them, so one pasted bell would make every feed unreadable; PostgreSQL refuses
 * NUL), lone UTF-16 surrogates, and the noncharacters U+FFFE and U+FFFF (also outside XML 1.0);
 * and puts the text in Unicode Normalization Form C (UAX #15), so the same letters typed as
 * one code point or as a letter and a combining mark are stored, compared and searched alike.
 * @param text any string.
 * @returns the string without those characters, in NFC; never throws.
 */
export function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, "").toWellFormed().normalize("NFC");
}

/**
 * A zod string field for text staff type: cleaned with `cleanText`, then trimmed. With `max`,
 * longer text fails with "Keep the <label> under <max> characters." Chain
 * `.pipe(z.string().min(…))` for further limits.
 */
export function cleanString(max?: number, label = "text") {
  const cleaned = z.string().transform((v) => cleanText(v).trim());
  return max === undefined ? cleaned : cleaned.pipe(z.string().max(max, `Keep the ${label} under ${max.toLocaleString("en")} characters.`));
}

/**
 * Size of `text` in bytes of UTF-8, the unit of every storage limit (a Dari or Pashto letter
 * is two bytes, so counting UTF-16 code units would let the desk send what the server refuses).
 */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
