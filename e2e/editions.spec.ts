import { expect, test } from "@playwright/test";
import { findAll, parseXml } from "../test/xml";
import { xmllint } from "./validators";

/**
 * The newsroom in three languages, as readers and machines meet it: the English, Dari and
 * Pashto editions' front pages, a story linked to its translations (switcher, hreflang in the
 * head and in the sitemap, checked with xmllint against the sitemap schema with its
 * xhtml:link extension), an edition's feed and section page, and search by keyboard variants.
 * The demo newsroom has three stories in all three languages (lib/demo/translations.ts).
 */

const ENGLISH = "/news/water-main-burst-cuts-supply-western-kabul";
const DARI = "/news/tarakidan-lolay-asli-ab-gharb-kabul";
const PASHTO = "/news/da-obo-asli-nal-chawdana-lwedeez-kabul";

test.describe("language editions", () => {
  for (const edition of [
    // The suite's English site name is its own (e2e/prepare-data.ts); the others are the demo's.
    { path: "/", lang: "en", dir: "ltr", name: null, section: "Health", others: ["fa", "ps"] },
    { path: "/fa", lang: "fa", dir: "rtl", name: "فانوس کابل", section: "صحت", others: ["en", "ps"] },
    { path: "/ps", lang: "ps", dir: "rtl", name: "د کابل څراغ", section: "روغتیا", others: ["en", "fa"] },
  ]) {
    test(`the ${edition.lang} front page is its own edition: its language, name, navigation and stories`, async ({ page }) => {
      const res = await page.goto(edition.path);
      expect(res?.status()).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", edition.lang);
      await expect(page.locator("html")).toHaveAttribute("dir", edition.dir);
      if (edition.name) await expect(page.locator("header").first()).toContainText(edition.name);
      await expect(page.getByRole("navigation").filter({ has: page.locator(`a[href$="/tag/health"]`) }).first()).toContainText(edition.section);
      const switcher = page.getByTestId("edition-switcher");
      expect((await switcher.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("hreflang")))).sort()).toEqual(edition.others);
      // The edition's front lists its own language's stories (the default edition: every language but the others').
      const cardLanguages = await page.locator("main article[lang]").evaluateAll((els) => els.map((e) => e.getAttribute("lang")));
      expect(cardLanguages.length).toBeGreaterThan(0);
      if (edition.lang !== "en") expect(new Set(cardLanguages)).toEqual(new Set([edition.lang]));
      else expect(cardLanguages.filter((l) => l === "fa" || l === "ps")).toEqual([]);
      // Its links stay in the edition.
      const prefix = edition.path === "/" ? "" : edition.path;
      await expect(page.locator(`header a[href="${prefix}/about"]`)).toHaveCount(1);
      await expect(page.locator(`a[href="${prefix}/latest"]`)).toHaveCount(1);
      // Every edition's front names every edition's in its head.
      const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => l.getAttribute("hreflang")));
      expect(alternates.sort()).toEqual(["en", "fa", "ps", "x-default"]);
    });
  }

  test("an address under a language the site has no edition for, or the default language's own code, is not found", async ({ request }) => {
    expect((await request.get("/ar")).status()).toBe(404);
    expect((await request.get("/en")).status()).toBe(404);
    expect((await request.get("/fa/no-such-page")).status()).toBe(404);
  });

  test("a story links its public translations: switcher, hreflang alternates in the head and back again", async ({ page }) => {
    await page.goto(ENGLISH);
    const switcher = page.getByTestId("language-switcher");
    await expect(switcher.locator('a[hreflang="fa"]')).toHaveAttribute("href", DARI);
    await expect(switcher.locator('a[hreflang="ps"]')).toHaveAttribute("href", PASHTO);
    await expect(switcher.locator('a[hreflang="fa"]')).toHaveAttribute("lang", "fa");
    const head = async () =>
      Object.fromEntries(
        await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((ls) => ls.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname])),
      );
    expect(await head()).toEqual({ en: ENGLISH, fa: DARI, ps: PASHTO, "x-default": ENGLISH });
    await switcher.locator('a[hreflang="fa"]').click();
    await expect(page).toHaveURL(new RegExp(`${DARI}$`));
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("language-switcher").locator('a[hreflang="en"]')).toHaveAttribute("href", ENGLISH);
    expect(await head()).toEqual({ en: ENGLISH, fa: DARI, ps: PASHTO, "x-default": ENGLISH });
    // The Dari story's page is in the Dari edition: its header and section link stay there.
    await expect(page.locator("header").first()).toContainText("فانوس کابل");
    await expect(page.locator('article a[href^="/fa/tag/"]').first()).toBeVisible();
  });

  test("the sitemap lists each version with every version as an xhtml:link alternate, and validates", async ({ request }) => {
    const index = await (await request.get("/sitemap.xml")).text();
    expect(xmllint(index, "siteindex")).toEqual({ ok: true, messages: "" });
    let entries: { loc: string; links: Record<string, string> }[] = [];
    for (const loc of findAll(parseXml(index), "loc")) {
      const child = await (await request.get(new URL(loc.text).pathname)).text();
      if (!child.includes("<url>")) continue;
      expect(xmllint(child, "sitemap"), loc.text).toEqual({ ok: true, messages: "" });
      const urls = [...child.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
      entries = entries.concat(
        urls.map((u) => ({
          loc: new URL(/<loc>([^<]+)<\/loc>/.exec(u)![1]!).pathname,
          links: Object.fromEntries([...u.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], new URL(m[2]!).pathname])),
        })),
      );
    }
    for (const path of [ENGLISH, DARI, PASHTO]) {
      const entry = entries.find((e) => e.loc === path);
      expect(entry?.links, path).toEqual({ en: ENGLISH, fa: DARI, ps: PASHTO, "x-default": ENGLISH });
    }
  });

  test("an edition has its own feeds, of its language's stories", async ({ request }) => {
    const rss = await request.get("/fa/feed.xml");
    expect(rss.status()).toBe(200);
    const xml = await rss.text();
    expect(xmllint(xml)).toEqual({ ok: true, messages: "" });
    expect(xml).toContain("<language>fa</language>");
    expect(xml).toContain("فانوس کابل");
    expect(xml).toContain(DARI);
    expect(xml).not.toContain(ENGLISH);
    const json = JSON.parse(await (await request.get("/ps/feed.json")).text()) as { language?: string; items: { url: string }[] };
    expect(json.items.some((i) => i.url.endsWith(PASHTO))).toBe(true);
    expect((await request.get("/fa/atom.xml")).status()).toBe(200);
  });

  test("an edition's section page is named in its language and lists its stories first", async ({ page }) => {
    await page.goto("/ps/tag/health");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("روغتیا");
    const first = page.getByTestId("story-list").locator("article").first();
    await expect(first).toHaveAttribute("lang", "ps");
  });

  test("search finds Pashto and Dari text typed on other keyboards, the edition's stories first", async ({ page }) => {
    // ګرځنده with the Persian keyboard's Gaf (U+06AF) for Pashto's (U+06AB).
    await page.goto(`/ps/search?q=${encodeURIComponent("گرځنده")}`);
    await expect(page.getByTestId("search-hit").first().locator("article")).toHaveAttribute("lang", "ps");
    await expect(page.getByTestId("search-hit").first()).toContainText("ګرځنده");
    // Dari typed with the Arabic keyboard's Kaf (U+0643) and Yeh (U+064A).
    await page.goto(`/fa/search?q=${encodeURIComponent("واكسين")}`);
    await expect(page.getByTestId("search-hit").first().locator("article")).toHaveAttribute("lang", "fa");
  });
});
