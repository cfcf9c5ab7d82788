import { expect, type Page } from "@playwright/test";
import { makeSlug } from "../lib/text/slug";
import { seedFixture as f } from "./fixtures";

/**
 * Checks a story page against the seed page, element by element and in the seed page's
 * order: breaking label, headline, "Last Updated On", body paragraphs, "By:", tags, the
 * About box, and "Check Also" with the fixture's related story, its own date and its cut
 * excerpt.
 * @param lastUpdatedDisplay the date the page must show (the fixture's when the story was
 *   entered with its original dates; today's when an editor publishes it now).
 */
export async function expectSeedArticlePage(page: Page, { lastUpdatedDisplay }: { lastUpdatedDisplay: string }) {
  const article = page.getByTestId("article");
  await expect(article).toHaveAttribute("lang", "en");
  await expect(article).toHaveAttribute("dir", "ltr");

  await expect(page.getByTestId("breaking-label")).toHaveText(f.breaking_label, { ignoreCase: true });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.article.title);
  await expect(article.getByTestId("last-updated").first()).toHaveText(`(Last Updated On: ${lastUpdatedDisplay})`);
  expect(await page.getByTestId("article-body").locator("p").allTextContents()).toEqual(f.article.paragraphs);
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
  const expected = f.check_also[0]!;
  const related = items.filter({ has: page.getByRole("heading", { level: 3, name: expected.title }) });
  await expect(related).toHaveCount(1);
  await expect(related.getByTestId("last-updated")).toHaveText(`(Last Updated On: ${expected.last_updated_on_display})`);
  await expect(related.getByTestId("check-also-excerpt")).toHaveText(expected.excerpt_as_shown);
  // Never the story itself.
  const own = new URL(page.url()).pathname;
  expect(await checkAlso.locator(`a[href="${own}"]`).count()).toBe(0);

  const text = await article.innerText();
  const sequence = [
    f.breaking_label.toUpperCase(),
    f.article.title,
    `Last Updated On: ${lastUpdatedDisplay}`,
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
}
