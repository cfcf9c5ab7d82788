import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromeLanguageOf } from "@/lib/site/chrome-language";
import { formatNumber, MESSAGE_LANGUAGES, messagesFor, numberLocaleFor, t, tParts } from "./messages";

const DIR = path.join(__dirname, "messages");
/** Every message file in the folder, so a new language is checked as soon as its file exists. */
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ language: f.replace(/\.json$/, ""), messages: JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Record<string, unknown> }));
const EN = FILES.find((f) => f.language === "en")!.messages;

/** The texts of a message: the string, or each plural form. */
const textsOf = (m: unknown): string[] => (typeof m === "string" ? [m] : Object.values(m as Record<string, string>));
const placeholdersOf = (m: unknown): string[] => [...new Set(textsOf(m).flatMap((s) => [...s.matchAll(/\{([A-Za-z]+)\}/g)].map((x) => x[1]!)))].sort();

describe("message files", () => {
  it("has English, Dari and Pashto, each loaded by the accessor", () => {
    expect(FILES.map((f) => f.language).sort()).toEqual(["en", "fa", "ps"]);
    expect([...MESSAGE_LANGUAGES].sort()).toEqual(["en", "fa", "ps"]);
    for (const { language, messages } of FILES) expect(messagesFor(language)).toEqual(messages);
  });

  it.each(FILES.filter((f) => f.language !== "en"))("$language has exactly the keys of en.json", ({ messages }) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(EN).sort());
  });

  it.each(FILES)("$language has no empty text, the same placeholders as English, and every plural form its language needs", ({ language, messages }) => {
    const categories = new Intl.PluralRules(numberLocaleFor(language)).resolvedOptions().pluralCategories;
    for (const [key, m] of Object.entries(messages)) {
      for (const text of textsOf(m)) expect(text.trim(), `${language} ${key}`).not.toBe("");
      expect(placeholdersOf(m), `${language} ${key}`).toEqual(placeholdersOf(EN[key]));
      expect(typeof m, `${language} ${key}: plural forms where English has them`).toBe(typeof EN[key]);
      if (typeof m === "object") {
        const forms = Object.keys(m as object);
        for (const c of categories) expect(forms, `${language} ${key}`).toContain(c);
        for (const f of forms) expect(["zero", "one", "two", "few", "many", "other"], `${language} ${key}`).toContain(f);
        expect(forms).toContain("other");
      }
    }
  });

  it("writes Dari with the zero-width non-joiner, not a space or a joined form, where its spelling needs it", () => {
    const fa = messagesFor("fa");
    expect(fa["shell.sections"]).toBe("بخش\u200cها");
    expect(fa["front.latest"]).toBe("تازه\u200cترین");
    expect(JSON.stringify(fa)).not.toMatch(/به روز|تازه ترین|ها ی /);
  });
});

/** Reader code: every key it names must be in en.json, and every key in en.json must be used. */
const ROOT = path.join(__dirname, "..", "..");
const SOURCE_DIRS = ["components/site", "app/(site)", "lib/site", "lib/i18n", "lib/seo", "lib/feeds"];
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}
const CODE = SOURCE_DIRS.flatMap((d) => sources(path.join(ROOT, d))).map((f) => fs.readFileSync(f, "utf8"));

describe("keys in the reader's code", () => {
  it("finds the reader's code", () => {
    expect(CODE.length).toBeGreaterThan(20);
  });

  it("names only keys that en.json has", () => {
    const used = CODE.flatMap((src) => [...src.matchAll(/\b(?:t|tParts|messageTemplate)(?:<[^>]*>)?\([^,()]+,\s*"([^"]+)"/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(40);
    for (const key of used) expect(Object.keys(EN), key).toContain(key);
  });

  it("uses every key of en.json somewhere", () => {
    const all = CODE.join("\n");
    for (const key of Object.keys(EN)) expect(all.includes(`"${key}"`), `${key} is never used`).toBe(true);
  });
});

describe("t", () => {
  it("fills placeholders, numbers in the language's digits", () => {
    expect(t("en", "list.pageOf", { page: 2, pages: 1200 })).toBe("Page 2 of 1,200");
    expect(t("fa", "list.pageOf", { page: 2, pages: 10 })).toBe("صفحهٔ ۲ از ۱۰");
    expect(t("ps-AF", "list.pageOf", { page: 3, pages: 4 })).toBe("۳ پاڼه له ۴ څخه");
    expect(t("en", "story.about", { site: "Ariana News" })).toBe("About Ariana News");
    expect(formatNumber("fa", 1200)).toBe("۱٬۲۰۰");
  });

  it("picks the plural form by the language's rules", () => {
    expect(t("en", "live.newUpdates", { count: 1 })).toBe("1 new update");
    expect(t("en", "live.newUpdates", { count: 3 })).toBe("3 new updates");
    expect(t("en", "live.newUpdates", { count: 0 })).toBe("0 new updates");
    expect(t("ps", "search.results", { count: 1, query: "x" })).toBe("۱ خبر له x سره سمون خوري.");
    expect(t("ps", "search.results", { count: 5, query: "x" })).toBe("۵ خبرونه له x سره سمون خوري.");
  });

  it("falls back to English for a language without a message file, by primary subtag otherwise", () => {
    expect(t("de", "shell.search")).toBe("Search");
    expect(t("", "shell.search")).toBe("Search");
    expect(t("FA-af", "shell.search")).toBe("جستجو");
    expect(t("ps", "shell.search")).toBe("لټون");
  });

  it("keeps a placeholder without a value as written, and puts other values in as they are", () => {
    expect(t("en", "story.about")).toBe("About {site}");
    const node = { node: true };
    expect(tParts("en", "search.noResults", { query: node })).toEqual(["No stories match ", node, "."]);
  });
});

describe("the chrome language of pages that are not a story's", () => {
  it("is the site's default language, else its locale's language, else English", () => {
    expect(chromeLanguageOf({ defaultLanguage: "fa", locale: "en-US" })).toBe("fa");
    expect(chromeLanguageOf({ defaultLanguage: "ps", locale: "ps-AF" })).toBe("ps");
    expect(chromeLanguageOf({ defaultLanguage: "ar", locale: "fa-AF" })).toBe("fa");
    expect(chromeLanguageOf({ defaultLanguage: "ur", locale: "de-DE" })).toBe("en");
    expect(chromeLanguageOf({ defaultLanguage: "en", locale: "en-US" })).toBe("en");
  });
});
