/**
 * Story languages the desk offers, and their text direction.
 * Right-to-left scripts per the Unicode CLDR "characterOrder" data for these languages.
 */

export const STORY_LANGUAGES = [
  { code: "en", name: "English" },
  { code: "fa", name: "Dari (دری)" },
  { code: "ps", name: "Pashto (پښتو)" },
  { code: "ar", name: "Arabic (العربية)" },
  { code: "ur", name: "Urdu (اردو)" },
] as const;

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
  },
};

/** The furniture labels for a story language. */
export function labelsFor(language: string): PageLabels {
  const primary = language.toLowerCase().split("-")[0] ?? "en";
  return LABELS[primary] ?? (LABELS.en as PageLabels);
}
