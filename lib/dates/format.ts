/**
 * Dates shown to readers. Always in the newsroom's IANA time zone from settings, never the
 * server's (a server zone leaking in shifted Ghost's scheduled times:
 * https://github.com/TryGhost/Ghost/issues/11749); Intl.DateTimeFormat does the zone
 * arithmetic from the IANA database, so half-hour zones (Asia/Kabul, +04:30) and DST zones work.
 *
 * Formatters are built once per (kind, locale, zone) and reused: constructing an
 * Intl.DateTimeFormat costs far more than formatting with one (it was the largest single item
 * in a CPU profile of a search page, ten dated cards per render).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
/** More distinct (locale, zone) pairs than any newsroom uses; past it the memo starts over. */
const MAX_FORMATTERS = 500;

/** A shared formatter; throws RangeError (not cached) for an unknown zone or locale. */
function formatter(kind: string, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

/** Locale used to write dates for a story language ("fa" and "ps" read the Afghan calendar). */
export function dateLocaleFor(language: string, siteLocale: string): string {
  const base = language.toLowerCase().split("-")[0];
  if (base === "fa") return "fa-AF";
  if (base === "ps") return "ps-AF";
  return siteLocale;
}

/**
 * Formats an instant as a long calendar date in a time zone, e.g. "March 18, 2017" for
 * en-US.
 * @param instant an absolute instant.
 * @param timeZone IANA zone, e.g. "Asia/Kabul".
 * @param locale BCP 47 locale, default "en-US".
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function formatLongDate(instant: Date, timeZone: string, locale = "en-US"): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  const format = formatter("long-date", locale, timeZone, { year: "numeric", month: "long", day: "numeric" });
  if (locale.toLowerCase().startsWith("ps")) {
    // CLDR's Pashto pattern prints the era ("AP 1405 ...") first; Afghan papers write
    // day, month, year, as Dari does.
    const part = (type: string) => format.formatToParts(instant).find((p) => p.type === type)?.value ?? "";
    return `${part("day")} ${part("month")} ${part("year")}`;
  }
  return format.format(instant);
}

/**
 * Formats an instant's time of day in a time zone, in the locale's own clock and digits, e.g.
 * "9:05 AM" for en-US, "۰۹:۰۵" for fa-AF.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function formatTimeOfDay(instant: Date, timeZone: string, locale = "en-US"): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  return formatter("time", locale, timeZone, { hour: "numeric", minute: "2-digit" }).format(instant);
}

/**
 * Formats an instant with date and time of day in a time zone, e.g. "March 30, 2025 at 9:00 AM"
 * for en-US, "۱۵ قوس ۱۴۰۵ ساعت ۱۳:۳۵" for fa-AF; Pashto as day, month, year "په" time (see
 * formatLongDate for why its CLDR pattern is not used).
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function formatDateTime(instant: Date, timeZone: string, locale = "en-US"): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  if (locale.toLowerCase().startsWith("ps")) return `${formatLongDate(instant, timeZone, locale)} په ${formatTimeOfDay(instant, timeZone, locale)}`;
  return formatter("date-time", locale, timeZone, { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }).format(instant);
}

/** The calendar date of an instant in a zone as "YYYY-MM-DD" (for `<time dateTime>` and tests). */
export function isoDateInZone(instant: Date, timeZone: string): string {
  return formatter("iso-date", "en-CA", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Formats an instant as Intl's long date and short time in a time zone, e.g.
 * "March 30, 2025 at 9:00 AM" for en-US (the desk's wording for schedules and saves).
 * Client-safe: Intl only.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function formatDateAtTime(instant: Date, timeZone: string, locale = "en-US"): string {
  return formatter("date-at-time", locale, timeZone, { dateStyle: "long", timeStyle: "short" }).format(instant);
}

/**
 * An instant's time of day with the zone's name, e.g. "8:40 AM GMT+4:30" for Asia/Kabul in
 * en-US: live blog entries carry it, so a reader in another zone (or a reporter posting from
 * one) never mistakes the newsroom's clock for theirs. The offset is the one in force at that
 * instant (the IANA database's), not today's, so entries on both sides of a DST change are right.
 * @throws RangeError for an unknown time zone or an invalid date.
 */
export function formatTimeOfDayWithZone(instant: Date, timeZone: string, locale = "en-US"): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  return formatter("time-zone", locale, timeZone, { hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(instant);
}
