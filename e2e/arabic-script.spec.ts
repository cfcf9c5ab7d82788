import { expect, test, type Page } from "@playwright/test";
import { demoStories } from "../lib/demo/content";
import { E2E } from "./fixtures";
import { as, startStory } from "./helpers";

/**
 * Dari and Pashto pages: the self-hosted Arabic-script font (preloaded on right-to-left pages
 * only), emphasis that is never slanted, and paragraphs that stay right to left.
 */

const FAMILY = "Vazirmatn Variable";
const pashto = demoStories.find((s) => s.language === "ps")!;
const english = demoStories.find((s) => s.language === "en" && s.status === "published")!;

/** The statuses of the web font's faces once the page's fonts are settled. */
async function fontStatuses(page: Page): Promise<string[]> {
  return page.evaluate(async (family) => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.replace(/["']/g, "") === family).map((f) => f.status);
  }, FAMILY);
}

test("a Dari story page preloads the Arabic-script font and uses it; an English story page does not preload it", async ({ page, request }) => {
  await page.goto(`/news/${E2E.rtlSlug}`);
  const preload = page.locator('link[rel="preload"][as="font"]');
  await expect(preload).toHaveCount(1);
  await expect(preload).toHaveAttribute("type", "font/woff2");
  await expect(preload).toHaveAttribute("crossorigin", "anonymous");
  const href = (await preload.getAttribute("href"))!;
  expect(href).toMatch(/^\/assets\/vazirmatn-arabic-[\w-]{16}\.woff2$/);
  expect(await fontStatuses(page)).toContain("loaded");
  expect(await page.evaluate((family) => document.fonts.check(`16px "${family}"`, "شورای شهر"), FAMILY)).toBe(true);

  const font = await request.get(href);
  expect(font.status()).toBe(200);
  expect(font.headers()["content-type"]).toBe("font/woff2");
  expect(font.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  // WOFF2's signature (https://www.w3.org/TR/WOFF2/#woff20Header).
  expect((await font.body()).subarray(0, 4).toString("latin1")).toBe("wOF2");
  expect((await request.get("/assets/vazirmatn-arabic-AAAAAAAAAAAAAAAA.woff2")).headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");

  await page.goto(`/news/${english.slug}`);
  await expect(page.getByTestId("article")).toHaveAttribute("lang", "en");
  await expect(page.locator('link[rel="preload"]')).toHaveCount(0);
});

test("Pashto's ۍ is drawn by the web font, not a fallback's missing-glyph box", async ({ page }) => {
  await page.goto(`/news/${pashto.slug}`);
  await expect(page.getByTestId("article-body")).toContainText("لنډۍ");
  expect(await fontStatuses(page)).toContain("loaded");
  const widths = await page.evaluate((family) => {
    const article = document.querySelector("[data-testid=article-body]")!;
    const width = (fontFamily: string) => {
      const span = document.createElement("span");
      span.textContent = "ۍ";
      span.style.fontFamily = fontFamily;
      article.append(span);
      const w = span.getBoundingClientRect().width;
      span.remove();
      return w;
    };
    return { withMono: width(`"${family}", monospace`), withSerif: width(`"${family}", serif`), mono: width("monospace"), serif: width("serif") };
  }, FAMILY);
  // The same width whatever the fallback: the letter never reaches it.
  expect(widths.withMono).toBeGreaterThan(0);
  expect(widths.withMono).toBe(widths.withSerif);
  expect(widths.withMono === widths.mono && widths.withMono === widths.serif).toBe(false);
});

test("the bylines' names are isolated from the page's direction", async ({ page }) => {
  await page.goto(`/news/${pashto.slug}`);
  const names = page.getByTestId("bylines").locator("a bdi");
  await expect(names.first()).toBeVisible();
  expect(await names.first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  expect(await page.locator("time").first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
});

/** Pastes `html` into the story body as a browser does (a ClipboardEvent with text/html). */
async function pasteHtml(page: Page, html: string) {
  await page.getByRole("textbox", { name: "Story body" }).evaluate((el, clip) => {
    const data = new DataTransfer();
    data.setData("text/html", clip);
    data.setData("text/plain", clip.replace(/<[^>]+>/g, ""));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

/** Direction, slant and synthesis of a paragraph and the emphasis in it. */
async function styles(page: Page, paragraph: ReturnType<Page["locator"]>) {
  const p = await paragraph.evaluate((el) => ({ direction: getComputedStyle(el).direction, synthesis: getComputedStyle(el).fontSynthesis }));
  const em = await paragraph.locator("em").evaluate((el) => ({ style: getComputedStyle(el).fontStyle, weight: Number(getComputedStyle(el).fontWeight), synthesis: getComputedStyle(el).fontSynthesis }));
  return { p, em };
}

test("a pasted dir=ltr paragraph opening with a Latin word stays right to left in a Dari story, with upright emphasis, in the editor and on the page", async ({ browser }) => {
  const page = await as(browser, "editor");
  await startStory(page, `Bidi paste ${Date.now().toString(36)}`, "");
  await page.getByLabel("Language").selectOption("fa");
  await pasteHtml(page, '<p dir="ltr">BBC ۲۰۲۶ گزارش داد که <em>نشست</em> امروز برگزار شد.</p>');
  const body = page.getByRole("textbox", { name: "Story body" });
  const pasted = body.locator("p", { hasText: "BBC" });
  await expect(pasted).toHaveAttribute("dir", "rtl");
  const inEditor = await styles(page, pasted);
  expect(inEditor.p.direction).toBe("rtl");
  expect(inEditor.em).toEqual({ style: "normal", weight: 700, synthesis: "none" });
  // The desk draws Arabic-script text in the same font (bundled by Next from the package).
  expect(await fontStatuses(page)).toContain("loaded");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Story body" }).locator("p", { hasText: "BBC" })).toHaveAttribute("dir", "rtl");

  const [preview] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Preview", exact: true }).click()]);
  await preview.waitForLoadState();
  const paragraph = preview.getByTestId("article-body").locator("p", { hasText: "BBC" });
  await expect(paragraph).toHaveAttribute("dir", "rtl");
  const onPage = await styles(preview, paragraph);
  expect(onPage.p).toEqual({ direction: "rtl", synthesis: "none" });
  expect(onPage.em).toEqual({ style: "normal", weight: 700, synthesis: "none" });
  await expect(preview.locator('link[rel="preload"][as="font"]')).toHaveCount(1);
  await page.context().close();
});
