import { expect, test } from "@playwright/test";
import { demoStories } from "../lib/demo/content";
import { E2E } from "./fixtures";

test.describe("what readers may not see", () => {
  const hidden = [
    { slug: E2E.draftSlug, title: E2E.draftTitle },
    { slug: E2E.scheduledSlug, title: E2E.scheduledTitle },
    ...demoStories.filter((s) => s.status !== "published").map((s) => ({ slug: s.slug, title: s.title })),
  ];

  for (const story of hidden) {
    test(`${story.slug} is a 404 with nothing of the story in it`, async ({ request }) => {
      const res = await request.get(`/news/${story.slug}`);
      expect(res.status()).toBe(404);
      const html = await res.text();
      expect(html).not.toContain(story.title);
      const cacheControl = res.headers()["cache-control"] ?? "";
      const maxAge = /s-maxage=(\d+)|max-age=(\d+)/.exec(cacheControl);
      if (maxAge) expect(Number(maxAge[1] ?? maxAge[2])).toBeLessThanOrEqual(60);
    });
  }

  test("drafts and scheduled stories are absent from the home page and section pages", async ({ page }) => {
    await page.goto("/");
    for (const s of hidden) await expect(page.getByText(s.title)).toHaveCount(0);
    await page.goto(`/tag/${E2E.sectionSlug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E.sectionName);
    // The section's public story is listed; its draft and scheduled story are not.
    await expect(page.getByRole("link", { name: E2E.rtlTitle })).toBeVisible();
    for (const s of hidden) await expect(page.getByText(s.title)).toHaveCount(0);
  });

  test("unknown slugs and bad page numbers are clean 404s", async ({ request }) => {
    for (const path of [
      "/news/no-such-story",
      "/news/%E0%A4%A",
      "/tag/no-such-tag",
      "/author/nobody-here",
      "/latest/page/0",
      "/latest/page/1",
      "/latest/page/abc",
      "/latest/page/99999",
      "/tag/politics/page/1e3",
      "/tag/politics/page",
      "/tag/politics/whatever/2",
      "/author/jawid-sultani/page/-2",
      "/no/such/route",
    ]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(404);
      expect(await res.text(), path).toContain("Page not found");
    }
  });
});

test("a Dari story is right-to-left, with its own language", async ({ page }) => {
  await page.goto(`/news/${E2E.rtlSlug}`);
  const article = page.getByTestId("article");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expect(article).toHaveAttribute("lang", "fa");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E.rtlTitle);
  // Each paragraph takes its own direction: the English sentence stays left-to-right.
  const dirs = await page
    .getByTestId("article-body")
    .locator("p")
    .evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
  expect(dirs).toEqual(["rtl", "ltr"]);
  // The story's own "Last Updated On" (Check Also's Dari stories carry the label too).
  await expect(article.locator("header").getByText("آخرین به‌روزرسانی")).toBeVisible();
});
