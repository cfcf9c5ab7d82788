/**
 * Story languages the desk offers, and their text direction.
 * Right-to-left scripts per the Unicode CLDR "characterOrder" data for these languages.
 */
import { messageLanguage, messageTemplate, t } from "./messages";

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

/**
 * The furniture labels for a story language (English for a language without a message file),
 * read from the reader site's message files (lib/i18n/messages.ts).
 */
export function labelsFor(language: string): PageLabels {
  const l = messageLanguage(language);
  return {
    breaking: t(l, "label.breaking"),
    lastUpdatedOn: t(l, "story.lastUpdatedOn"),
    by: t(l, "story.by"),
    checkAlso: t(l, "story.checkAlso"),
    about: (site) => t(l, "story.about", { site }),
    tags: t(l, "story.tags"),
    skipToContent: t(l, "shell.skipToContent"),
    share: t(l, "story.share"),
    email: t(l, "story.email"),
    published: t(l, "story.published"),
    updated: t(l, "story.updated"),
    live: t(l, "label.live"),
    coverageEnded: (at) => t(l, "live.coverageEnded", { at }),
    keyEvents: t(l, "live.keyEvents"),
    keyEvent: t(l, "live.keyEvent"),
    pinned: t(l, "live.pinned"),
    olderUpdates: t(l, "live.olderUpdates"),
    newerUpdates: t(l, "live.newerUpdates"),
    edited: t(l, "live.edited"),
    entryLink: t(l, "live.entryLink"),
    newUpdates: (count, n) => messageTemplate(l, "live.newUpdates", n).replace("{count}", count),
  };
}
