import { expect, test, type Page } from "@playwright/test";
import { makeSlug } from "../lib/text/slug";
import { as } from "./helpers";
import { E2E, seedFixture } from "./fixtures";

/**
 * Visual regression: the reader pages as readers see them, at 390 and 1280 px, compared with
 * the screenshots committed beside this file (`npx playwright test e2e/visual.spec.ts
 * --update-snapshots` rewrites them after an intended change; review the PNGs in the diff).
 * This project runs before every other browser test, on the freshly prepared newsroom, so
 * the stories on each page are the same on every run. Dates are the one thing that changes
 * with the day the suite runs: every date and time is written over with a fixed one before
 * the screenshot, and every photo is loaded first.
 */

const WIDTHS = [390, 1280] as const;

/** Fixed dates in place of today's, and every lazy photo loaded. */
async function steady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const t of document.querySelectorAll("time")) t.textContent = t.closest("[dir]")?.getAttribute("dir") === "rtl" ? "۱۱ جدی ۱۴۰۴" : "January 1, 2026";
    for (const img of document.images) img.loading = "eager";
    const pending = [...document.images].filter((img) => !img.complete);
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((done) => {
            img.addEventListener("load", done, { once: true });
            img.addEventListener("error", done, { once: true });
          }),
      ),
    );
  });
}

async function shoot(page: Page, url: string, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await steady(page);
    await expect(page).toHaveScreenshot(`${name}-${width}.png`, { fullPage: true, animations: "disabled", maxDiffPixelRatio: 0.01 });
  }
}

test("the home page, its lead without a photo (a text lead) and with one", async ({ browser, page }) => {
  await shoot(page, "/", "home-text-lead");
  // An editor pins a story with a photo as the lead; afterwards it is unpinned again.
  const editor = await as(browser, "editor");
  await editor.goto("/dashboard/front");
  const lead = editor.getByTestId("front-slot").first();
  await lead.getByLabel("Pin a story here").selectOption({ label: "Mobile teams start measles vaccination round in Kabul’s outer districts" });
  await lead.getByRole("button", { name: "Pin" }).click();
  await expect(editor.getByTestId("front-status")).toContainText("Pinned to the lead story position.");
  try {
    await shoot(page, "/", "home-photo-lead");
  } finally {
    await lead.getByRole("button", { name: "Unpin Lead story" }).click();
    await expect(editor.getByTestId("front-status")).toContainText("Unpinned.");
    await editor.context().close();
  }
});

test("a story page", async ({ page }) => {
  await shoot(page, `/news/${makeSlug(seedFixture.article.title)}`, "story");
});

test("a right-to-left story page", async ({ page }) => {
  await shoot(page, `/news/${E2E.rtlSlug}`, "story-rtl");
});

test("a section page", async ({ page }) => {
  await shoot(page, "/tag/culture", "section");
});
