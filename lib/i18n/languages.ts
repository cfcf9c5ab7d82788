/**
 * Story languages the desk offers, and their text direction.
 * Right-to-left scripts per the Unicode CLDR "characterOrder" data for these languages.
 */

export const STORY_LANGUAGES = [
  { code: "en", name: "English", endonym: "English" },
  { code: "fa", name: "Dari (دری)", endonym: "دری" },
  { code: "ps", name: "Pashto (پښتو)", endonym: "پښتو" },
  { code: "ar", name: "Arabic (العربية)", endonym: "العربية" },
  { code: "ur", name: "Urdu (اردو)", endonym: "اردو" },
] as const;

/**
 * A language's name in that language ("fa" → "دری": Afghanistan's name for its Persian, which
 * CLDR's Intl.DisplayNames would give as "فارسی"), for language switchers; the code otherwise.
 */
export function endonymOf(language: string): string {
  const primary = language.toLowerCase().split("-")[0] ?? "";
  return STORY_LANGUAGES.find((l) => l.code === primary)?.endonym ?? language;
}

const RTL_LANGUAGES = new Set(["ar", "fa", "ps", "ur", "he", "yi", "dv", "ckb", "sd", "ug"]);

/** "rtl" for right-to-left languages (by primary subtag, e.g. "fa-AF" → "rtl"), else "ltr". */
export function directionOf(language: string): "ltr" | "rtl" {
  const primary = language.toLowerCase().split("-")[0] ?? "";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "ltr";
}

/** Labels of the reader page's furniture, in the story's language (English otherwise). */
export interface PageLabels {
  breaking: string;
  lastUpdatedOn: string;
  by: string;
  checkAlso: string;
  about: (siteName: string) => string;
  tags: string;
  skipToContent: string;
  share: string;
  email: string;
  /** Before the first publication's date and time on a story page. */
  published: string;
  /** Before the last update's date and time on a story page. */
  updated: string;
  /** Live blogs: the badge while the coverage runs. */
  live: string;
  /** Live blogs: the notice once the coverage ended, with its date and time. */
  coverageEnded: (at: string) => string;
  keyEvents: string;
  /** Live blogs: the mark of one entry that is a key event. */
  keyEvent: string;
  pinned: string;
  /** Live blogs: links to the next older and the newer pages of entries. */
  olderUpdates: string;
  newerUpdates: string;
  /** Live blogs: before the time an entry was last edited. */
  edited: string;
  /** Live blogs: the permanent link of one entry (its accessible name). */
  entryLink: string;
  /** Live blogs: the button that shows entries that arrived, with their count already written in the language's digits. */
  newUpdates: (count: string, n: number) => string;
}

const LABELS: Record<string, PageLabels> = {
  en: {
    breaking: "Breaking News",
    lastUpdatedOn: "Last Updated On",
    by: "By",
    checkAlso: "Check Also",
    about: (s) => `About ${s}`,
    tags: "Tags",
    skipToContent: "Skip to content",
    share: "Share",
    email: "E-mail",
    published: "Published",
    updated: "Updated",
    live: "Live",
    coverageEnded: (at) => `This live coverage has ended (${at}).`,
    keyEvents: "Key events",
    keyEvent: "Key event",
    pinned: "Pinned",
    olderUpdates: "Older updates",
    newerUpdates: "Newer updates",
    edited: "Edited",
    entryLink: "Link to this update",
    newUpdates: (count, n) => (n === 1 ? "1 new update" : `${count} new updates`),
  },
  fa: {
    breaking: "خبر فوری",
    lastUpdatedOn: "آخرین به‌روزرسانی",
    by: "نویسنده",
    checkAlso: "همچنین ببینید",
    about: (s) => `دربارهٔ ${s}`,
    tags: "برچسب‌ها",
    skipToContent: "رفتن به محتوا",
    share: "هم‌رسانی",
    email: "ایمیل",
    published: "نشر شده",
    updated: "به‌روز شده",
    live: "زنده",
    coverageEnded: (at) => `این پوشش زنده پایان یافته است (${at}).`,
    keyEvents: "رویدادهای مهم",
    keyEvent: "رویداد مهم",
    pinned: "سنجاق‌شده",
    olderUpdates: "به‌روزرسانی‌های پیشین",
    newerUpdates: "به‌روزرسانی‌های تازه‌تر",
    edited: "ویرایش شده",
    entryLink: "پیوند این به‌روزرسانی",
    newUpdates: (count) => `${count} به‌روزرسانی تازه`,
  },
  ps: {
    breaking: "بیړني خبرونه",
    lastUpdatedOn: "وروستی تازه کول",
    by: "لیکوال",
    checkAlso: "دا هم وګورئ",
    about: (s) => `د ${s} په اړه`,
    tags: "ټګونه",
    skipToContent: "منځپانګې ته ورشئ",
    share: "شریکول",
    email: "برېښنالیک",
    published: "خپور شوی",
    updated: "تازه شوی",
    live: "ژوندی",
    coverageEnded: (at) => `دا ژوندۍ خپرونه پای ته رسېدلې ده (${at}).`,
    keyEvents: "مهمې پېښې",
    keyEvent: "مهمه پېښه",
    pinned: "ځړول شوی",
    olderUpdates: "پخواني تازه معلومات",
    newerUpdates: "نوي تازه معلومات",
    edited: "سمون شوی",
    entryLink: "د دې تازه معلوماتو لینک",
    newUpdates: (count) => `${count} نوي تازه معلومات`,
  },
};

/** The furniture labels for a story language. */
export function labelsFor(language: string): PageLabels {
  const primary = language.toLowerCase().split("-")[0] ?? "en";
  return LABELS[primary] ?? (LABELS.en as PageLabels);
}
