import { expect, test } from "@playwright/test";
import { makeSlug } from "../lib/text/slug";
import { SEED_ARTICLE_MISSING, seedFixture as f } from "./fixtures";
import { expectSeedArticlePage } from "./seed-page-check";

/**
 * The page this project was created from, rebuilt from its fixture: every element of the
 * seed page, in the seed page's order. Skipped when the seed article is absent.
 */
test.skip(SEED_ARTICLE_MISSING !== null, SEED_ARTICLE_MISSING ?? "");

test("the seed article's page shows every element of the seed page, in order", async ({ page }) => {
  const slug = makeSlug(f.article.title);
  const response = await page.goto(`/news/${slug}`);
  expect(response?.status()).toBe(200);

  await expectSeedArticlePage(page, { lastUpdatedDisplay: f.article.last_updated_on_display });

  await page.screenshot({ path: "test-results/screenshots/article-page.png", fullPage: true });
});

test("the story page shows when it was published and, later that day, updated, with the time of day in the newsroom's zone", async ({ page }) => {
  // The prepared story: published 09:00 and updated 18:00, Kabul time, on the fixture's date.
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  const dates = page.getByTestId("story-dates");
  await expect(dates.getByTestId("published-at")).toHaveText(`Published ${f.article.last_updated_on_display} at 9:00 AM`);
  await expect(dates.getByTestId("updated-at")).toHaveText(`Updated ${f.article.last_updated_on_display} at 6:00 PM`);
  expect(await dates.locator("time").first().getAttribute("datetime")).toMatch(/T04:30:00\.000Z$/);
});

test("the byline links to a byline page listing the story", async ({ page }) => {
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  await page.getByTestId("bylines").getByRole("link", { name: f.article.bylines[0] }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${makeSlug(f.article.bylines[0]!)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.article.bylines[0]!);
  await expect(page.getByTestId("byline-profile")).toContainText("reports on diplomacy");
  // In the byline page's list (the breaking-news bar above it links to the story too).
  await expect(page.getByRole("main").locator(`a[href="/news/${makeSlug(f.article.title)}"]`)).toHaveText(f.article.title);
  await expect(page.getByRole("link", { name: f.check_also[0]!.title })).toBeVisible();
});

test("the article page works with JavaScript switched off (server-rendered)", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.article.title);
  await expect(page.getByTestId("check-also")).toBeVisible();
  await context.close();
});
