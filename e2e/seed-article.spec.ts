import { expect, test } from "@playwright/test";
import { makeSlug } from "../lib/articles/slug";
import { seedFixture as f } from "./fixtures";

/**
 * The page this project was created from, rebuilt from its fixture: every element of the
 * seed page, in the seed page's order.
 */
test("the seed article's page shows every element of the seed page, in order", async ({ page }) => {
  const slug = makeSlug(f.article.title);
  const response = await page.goto(`/news/${slug}`);
  expect(response?.status()).toBe(200);

  const article = page.getByTestId("article");
  await expect(article).toHaveAttribute("lang", "en");
  await expect(article).toHaveAttribute("dir", "ltr");

  // Each element on its own.
  await expect(page.getByTestId("breaking-label")).toHaveText(f.breaking_label, { ignoreCase: true });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.article.title);
  await expect(article.getByTestId("last-updated").first()).toHaveText(`(Last Updated On: ${f.article.last_updated_on_display})`);
  const paragraphs = await page.getByTestId("article-body").locator("p").allTextContents();
  expect(paragraphs).toEqual(f.article.paragraphs);
  await expect(page.getByTestId("bylines")).toHaveText(f.article.byline_display);
  const bylineLink = page.getByTestId("bylines").getByRole("link", { name: f.article.bylines[0] });
  await expect(bylineLink).toHaveAttribute("href", `/author/${makeSlug(f.article.bylines[0]!)}`);
  await expect(page.getByTestId("tags").getByRole("link")).toHaveText(f.article.suggested_tags);
  await expect(page.getByTestId("about-box").getByRole("heading")).toHaveText(f.site.about_heading);

  const checkAlso = page.getByTestId("check-also");
  await expect(checkAlso.getByRole("heading", { level: 2 })).toHaveText("Check Also");
  const items = checkAlso.getByTestId("check-also-item");
  expect(await items.count()).toBeGreaterThanOrEqual(1);
  expect(await items.count()).toBeLessThanOrEqual(3);
  const first = items.first();
  const expected = f.check_also[0]!;
  await expect(first.getByRole("heading", { level: 3 })).toHaveText(expected.title);
  await expect(first.getByTestId("last-updated")).toHaveText(`(Last Updated On: ${expected.last_updated_on_display})`);
  await expect(first.getByTestId("check-also-excerpt")).toHaveText(expected.excerpt_as_shown);
  await expect(checkAlso.getByRole("link", { name: f.article.title })).toHaveCount(0);

  // And in the seed page's order, top to bottom.
  const text = await article.innerText();
  const sequence = [
    f.breaking_label.toUpperCase(),
    f.article.title,
    `Last Updated On: ${f.article.last_updated_on_display}`,
    ...f.article.paragraphs,
    f.article.byline_display,
    f.site.about_heading,
    "Check Also",
    expected.title,
    `Last Updated On: ${expected.last_updated_on_display}`,
    expected.excerpt_as_shown,
  ];
  let at = -1;
  for (const piece of sequence) {
    const found = text.indexOf(piece, at + 1);
    expect(found, `"${piece.slice(0, 40)}" should come after the previous element`).toBeGreaterThan(at);
    at = found;
  }

  await page.screenshot({ path: "test-results/screenshots/article-page.png", fullPage: true });
});

test("the byline links to a byline page listing the story", async ({ page }) => {
  await page.goto(`/news/${makeSlug(f.article.title)}`);
  await page.getByTestId("bylines").getByRole("link", { name: f.article.bylines[0] }).click();
  await expect(page).toHaveURL(new RegExp(`/author/${makeSlug(f.article.bylines[0]!)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.article.bylines[0]!);
  await expect(page.getByTestId("byline-profile")).toContainText("reports on diplomacy");
  await expect(page.getByRole("link", { name: f.article.title })).toBeVisible();
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
