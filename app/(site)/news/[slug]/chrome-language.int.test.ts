/**
 * The words around a story (the shell's navigation, skip link, breaking-news bar and footer,
 * and the story's own labels) in the story's language, rendered by the real route loader on a
 * real database: a Pashto and a Dari story carry their language's words and no English ones;
 * pages that are not a story's ("Page not found", the search form) use the site's default language.
 */
import { describe, expect, it, vi } from "vitest";
import { notFoundPage, renderReaderPage } from "@/components/site/render";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { t } from "@/lib/i18n/messages";
import en from "@/lib/i18n/messages/en.json";
import { createStory, saveSiteSettings, upsertByline, upsertTag } from "@/lib/stories/store";
import { engines, useTestDatabase } from "@/test/db";
import { withReaderStylesheet } from "@/test/reader-stylesheet";
import { searchPage } from "../../search/search-view";
import { storyPage } from "./story-page";

// Next's data cache exists only inside a Next server; rendered here directly, pages read through it.
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn, revalidatePath: () => undefined, revalidateTag: () => undefined }));

withReaderStylesheet();

const HOUR = 3_600_000;

/** The page's HTML (200), or fails the test. */
async function html(load: Parameters<typeof renderReaderPage>[0], status = 200): Promise<string> {
  const page = await renderReaderPage(load);
  if (page.status !== status) throw new Error(`expected ${status}, got ${page.status}`);
  return page.status === 308 ? "" : page.html;
}

/** What a reader reads or hears in the page's <body>: its text, and the labels and placeholders of its elements. */
function readerText(page: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(page)?.[1] ?? "";
  const attributes = [...body.matchAll(/\s(?:aria-label|placeholder|title|alt|data-label-one|data-label-many)="([^"]*)"/g)].map((m) => m[1]);
  return `${body.replace(/<[^>]+>/g, " ")}\n${attributes.join("\n")}`.replace(/&amp;/g, "&");
}

/** The English message texts' words: each piece between placeholders with a word in it. */
const ENGLISH = [
  ...new Set(
    Object.values(en)
      .flatMap((m) => (typeof m === "string" ? [m] : Object.values(m)))
      .flatMap((s) => s.split(/\{[A-Za-z]+\}/))
      .map((s) => s.trim())
      .filter((s) => /[A-Za-z]{3}/.test(s)),
  ),
];

describe.each(engines())("the chrome of a story page in the story's language on %s", (engine) => {
  useTestDatabase(engine);

  async function setUp() {
    await saveSiteSettings({ siteName: "Ariana", tagline: "", aboutText: "د خبرونو یوه خپلواکه اداره.", timeZone: "Asia/Kabul", locale: "en-US", defaultLanguage: "en" });
    await upsertTag({ slug: "afghanistan", name: "افغانستان", sectionOrder: 1 });
    await upsertByline({ slug: "mina", name: "مینه رحیمي" });
    const published = new Date(Date.now() - 2 * HOUR);
    const common = { status: "published" as const, publishedAt: published, tagSlugs: ["afghanistan"], bylineSlugs: ["mina"] };
    await createStory({ ...common, title: "د کابل باران", language: "ps", body: bodyFromParagraphs(["په کابل کې باران اورېږي."]) });
    const ps = await createStory({ ...common, title: "د ټاکنو شمېرنه", language: "ps", isBreaking: true, body: bodyFromParagraphs(["شمېرنه پیل شوه."]) });
    const fa = await createStory({ ...common, title: "بارش در هرات", language: "fa", isBreaking: true, body: bodyFromParagraphs(["در هرات باران می‌بارد."]) });
    return { ps: ps.slug, fa: fa.slug };
  }

  it("a Pashto story and a Dari story: their language's words around them, none in English", async () => {
    const slugs = await setUp();
    for (const language of ["ps", "fa"] as const) {
      const page = await html((c) => storyPage(c, slugs[language]));
      expect(page).toMatch(new RegExp(`<html lang="${language}" dir="rtl">`));
      const text = readerText(page);
      for (const key of ["shell.skipToContent", "shell.search", "shell.about", "shell.rssFeed", "shell.breakingNews", "label.breaking", "story.lastUpdatedOn", "story.published", "story.by", "story.tags", "story.share", "story.email", "story.checkAlso"] as const) {
        expect(text, `${language} ${key}`).toContain(t(language, key));
      }
      expect(text).toContain(t(language, "story.about", { site: "Ariana" }));
      for (const english of ENGLISH) expect(text, `${language}: "${english}"`).not.toContain(english);
    }
  });

  it("pages that are not a story's (404, search) speak the site's default language", async () => {
    await saveSiteSettings({ siteName: "Ariana", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "fa-AF", defaultLanguage: "fa" });
    const page = await html(async () => notFoundPage, 404);
    expect(page).toContain('<html lang="fa" dir="rtl">');
    expect(page).toContain(`<title>${t("fa", "error.notFoundTitle")} | Ariana</title>`);
    const text = readerText(page);
    for (const key of ["error.notFoundTitle", "error.notFoundText", "error.home", "shell.skipToContent", "shell.search"] as const) expect(text).toContain(t("fa", key));
    for (const english of ENGLISH) expect(text, english).not.toContain(english);

    await saveSiteSettings({ siteName: "Ariana", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "ps-AF", defaultLanguage: "ps" });
    const search = await html((c) => searchPage(c, undefined, undefined));
    expect(search).toContain('<html lang="ps" dir="rtl">');
    const searchText = readerText(search);
    for (const key of ["search.title", "search.label", "search.submit", "shell.about"] as const) expect(searchText).toContain(t("ps", key));
    for (const english of ENGLISH) expect(searchText, english).not.toContain(english);

    await saveSiteSettings({ siteName: "Ariana", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US", defaultLanguage: "en" });
    const english = readerText(await html(async () => notFoundPage, 404));
    for (const s of ["Page not found", "Go to the front page", "Skip to content", "Search", "RSS feed"]) expect(english).toContain(s);
  });
});
