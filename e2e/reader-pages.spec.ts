import { expect, test } from "@playwright/test";
import { demoStories } from "../lib/demo/content";
import { makeSlug } from "../lib/text/slug";
import { seedFixture as f } from "./fixtures";
import { as, draftStory } from "./helpers";

test("the home page has the breaking bar, a lead story, latest stories and section blocks", async ({ page }) => {
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  const breaking = page.getByTestId("breaking-bar");
  await expect(breaking).toContainText("Breaking News", { ignoreCase: true });
  await expect(breaking.locator(`a[href="/news/${makeSlug(f.article.title)}"]`)).toHaveText(f.article.title);
  const demoBreaking = demoStories.find((s) => s.breaking)!;
  await expect(breaking.getByRole("link", { name: demoBreaking.title })).toBeVisible();
  await expect(page.getByTestId("lead-story").getByRole("heading")).toBeVisible();
  expect(await page.getByTestId("latest").getByRole("listitem").count()).toBeGreaterThanOrEqual(3);
  expect(await page.getByTestId("section-block").count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: "test-results/screenshots/home-page.png", fullPage: true });
});

test("a reader follows the home page to an article, its section and more stories", async ({ page }) => {
  await page.goto("/");
  const lead = page.getByTestId("lead-story").getByRole("heading").getByRole("link");
  const title = (await lead.textContent())!;
  const href = (await lead.getAttribute("href"))!;
  await lead.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const section = page.getByTestId("article").getByRole("link").first();
  const sectionName = (await section.textContent())!;
  await section.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(sectionName, { ignoreCase: true });
  await expect(page.getByTestId("story-list").locator(`a[href="${href}"]`)).toHaveText(title);

  await page.goto("/");
  await page.getByRole("link", { name: "More stories" }).click();
  await expect(page).toHaveURL(/\/latest$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest stories");
  expect(await page.getByTestId("story-list").getByRole("listitem").count()).toBeGreaterThanOrEqual(1);
});

test("the about page shows the site's about text", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`About ${f.site.name}`);
  await expect(page.getByText("independent news service")).toBeVisible();
});

test("the article page has a canonical URL and a readable title", async ({ page }) => {
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  await expect(page).toHaveTitle(`${f.article.title} | ${f.site.name}`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical).toMatch(new RegExp(`/news/${makeSlug(f.article.title)}$`));
  // JSON-LD NewsArticle with the same dates and bylines as the page.
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld["@type"]).toBe("NewsArticle");
  expect(ld.headline).toBe(f.article.title);
  expect(ld.dateModified).toBe(await page.getByTestId("article").getByTestId("last-updated").first().locator("time").getAttribute("datetime"));
  expect(ld.author.map((a: { name: string }) => a.name)).toEqual(f.article.bylines);
});

test("the article page is usable on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/article-phone.png", fullPage: true });
  await context.close();
});

test("a keyboard reaches 'Skip to content' first, and it moves on to the page's content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();
});

test("no card repeats the section label under that section's own heading, on the front page and on the section's page", async ({ page }) => {
  await page.goto("/");
  const blocks = page.getByTestId("section-block");
  const count = await blocks.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const block = blocks.nth(i);
    const heading = await block.getByRole("heading", { level: 2 }).getByRole("link").getAttribute("href");
    // Inside the block, no card links to the block's own section.
    await expect(block.locator(`article a[href="${heading}"]`)).toHaveCount(0);
  }
  const first = await blocks.first().getByRole("heading", { level: 2 }).getByRole("link").getAttribute("href");
  await page.goto(first!);
  expect(await page.getByTestId("story-list").getByRole("listitem").count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("story-list").locator(`a[href="${first}"]`)).toHaveCount(0);
});

test("a lead without a photo is a text lead with no empty photo box, and the next two top stories fill the space under it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const lead = page.getByTestId("lead-story");
  if ((await lead.locator("img").count()) > 0) {
    // A lead with a photo fills its column itself: no top stories under it, and its photo has a real source.
    await expect(page.getByTestId("top-stories")).toHaveCount(0);
    await expect(lead.locator("img").first()).toHaveAttribute("src", /\S/);
    return;
  }
  await expect(lead.locator("figure, picture")).toHaveCount(0);
  const top = page.getByTestId("top-stories");
  await expect(top.locator("article")).toHaveCount(2);
  // The lead's column reaches at least halfway down the "Latest" column (alone, a text lead stopped near its top).
  const column = await top.boundingBox();
  const latest = await page.getByTestId("latest").boundingBox();
  expect(column!.y + column!.height).toBeGreaterThan(latest!.y + latest!.height / 2);
  await page.screenshot({ path: "test-results/screenshots/home-text-lead.png", fullPage: true });
});

test("a story has plain share links (no third-party script), and prints without the site's furniture, with its links' addresses", async ({ page }) => {
  // The seed article: an English story (the labels are in the story's language).
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const canonical = (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
  const share = page.getByTestId("share-links");
  for (const name of ["E-mail", "WhatsApp", "Facebook", "X", "Telegram"]) await expect(share.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(share.getByRole("link", { name: "Telegram" })).toHaveAttribute("href", `https://t.me/share/url?url=${encodeURIComponent(canonical)}&text=${encodeURIComponent(title)}`);
  await expect(share.getByRole("link", { name: "E-mail" })).toHaveAttribute("href", `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(canonical)}`);
  expect(await page.locator("script[src]").count()).toBe(0);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(share).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A link in the story's text prints with its address (the demo stories link nowhere, so one is added here).
  const after = await page.getByTestId("article-body").evaluate((body) => {
    const a = document.createElement("a");
    a.href = "https://example.org/report";
    a.textContent = "the report";
    body.appendChild(a);
    return getComputedStyle(a, "::after").content;
  });
  expect(after).toContain("https://example.org/report");
});

test("a long search with no spaces wraps on a phone: the page never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`/search?q=${"kabul".repeat(35)}`);
  await expect(page.getByTestId("search-status")).toContainText("No stories match");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("lists give today's stories their time of day and older stories their date: absolute times, never '3 hours ago'", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const title = `Ministry reopens passport office ${stamp}`;
  await draftStory(editor, title, "The office in the old city opened again this morning.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  await editor.context().close();
  const page = await browser.newPage();
  await page.goto("/latest");
  const card = page.getByTestId("story-list").locator("article").filter({ hasText: title });
  await expect(card.getByTestId("last-updated")).toHaveText(/^\(Last Updated On: [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2} [AP]M\)$/);
  // A story from days ago keeps its date alone.
  await page.goto("/latest/page/2");
  await expect(page.getByTestId("story-list").getByTestId("last-updated").last()).toHaveText(/^\(Last Updated On: [A-Z][a-z]+ \d{1,2}, \d{4}\)$/);
  expect(await page.content()).not.toMatch(/\b(hours?|minutes?) ago\b/);
  await page.close();
});
