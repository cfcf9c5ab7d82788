import { expect, test, type Page } from "@playwright/test";
import { as, refuseBrowserDialogs, startStory } from "./helpers";

/** The path of a reader page link, decoded (a Dari slug is percent-encoded in an href). */
const decodedPath = (href: string | null) => decodeURIComponent(new URL(href ?? "", "http://x").pathname);

/** The editor's id in the address (/dashboard/stories/<id>). */
const storyIdOf = (page: Page) => /\/dashboard\/stories\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";

test("a published English story translated into Dari: the draft opens right-to-left, both are listed, readers get hreflang links both ways, and an update of the English flags the Dari until marked caught up", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const headline = `Wheat harvest begins in Balkh ${Date.now().toString(36)}`;
  await startStory(page, headline, "Farmers in Balkh started the wheat harvest this week.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const englishSlug = await page.getByLabel("Slug").inputValue();
  const englishId = storyIdOf(page);
  expect(englishId).not.toBe("");

  const section = page.getByTestId("translations");
  await expect(section.getByRole("heading", { name: "Translations" })).toBeVisible();
  await expect(section).toContainText("No other language versions yet.");
  // Its own language is not offered.
  await expect(section.getByRole("button", { name: "Translate into English" })).toHaveCount(0);
  // Opened again as a saved story, from the desk.
  await page.goto(`/dashboard/stories/${englishId}`);
  await expect(section.locator('[data-language="en"]')).toHaveCount(0);
  await expect(section).toContainText("No other language versions yet.");
  await section.getByRole("button", { name: "Translate into Dari" }).click();

  // The new draft's editor: the copied headline, Dari, right to left.
  await expect(page).not.toHaveURL(new RegExp(englishId));
  await expect(page).toHaveURL(/\/dashboard\/stories\/[0-9a-f-]{36}$/);
  const dariId = storyIdOf(page);
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expect(page.getByLabel("Language")).toHaveValue("fa");
  await expect(page.locator("div[dir]", { has: page.getByRole("textbox", { name: "Story body" }) }).first()).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("story-status")).toHaveText("Draft");
  const versions = section.getByTestId("translation-version");
  await expect(versions).toHaveCount(2);
  const english = section.locator('[data-language="en"]');
  await expect(english).toContainText("English");
  await expect(english).toContainText("Published");
  await expect(english.getByRole("link", { name: headline })).toHaveAttribute("href", `/dashboard/stories/${englishId}`);
  const dari = section.locator('[data-language="fa"]');
  await expect(dari).toContainText("Dari");
  await expect(dari).toContainText("Draft");
  await expect(dari).toContainText("this version");
  await expect(section.getByRole("button", { name: "Translate into Dari" })).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Translate into English" })).toHaveCount(0);
  await expect(page.getByTestId("translation-behind")).toHaveCount(0);

  // Unsaved changes: no translation until saved.
  const dariHeadline = `آغاز درو گندم در بلخ ${Date.now().toString(36)}`;
  await page.getByLabel("Headline").fill(dariHeadline);
  await expect(section.getByRole("button", { name: "Translate into Pashto" })).toBeDisabled();
  await expect(section).toContainText("Save first");

  // A language the group already has is refused by the save, shown like any save error.
  await page.getByLabel("Language").selectOption("en");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-status")).toContainText("This story already has a version in English");
  await expect(page.locator("#language-error")).toHaveText("Already translated");
  await expect(page.getByTestId("conflict")).toHaveCount(0);
  await page.getByLabel("Language").selectOption("fa");

  await section.screenshot({ path: "test-results/translations-sidebar-unsaved.png" });

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  await expect(section.getByRole("button", { name: "Translate into Pashto" })).toBeEnabled();
  await expect(dari).toContainText("Published");
  const dariSlug = await page.getByLabel("Slug").inputValue();
  // The side column with the section, wide and on a phone (looked at by hand).
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.locator("xpath=..").screenshot({ path: "test-results/translations-sidebar-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await section.locator("xpath=..").screenshot({ path: "test-results/translations-sidebar-390.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Readers: the switcher and the head's alternates, both ways.
  const reader = await browser.newPage();
  await reader.goto(`/news/${englishSlug}`);
  const toDari = reader.getByTestId("language-switcher").locator('a[hreflang="fa"]');
  await expect(toDari).toHaveCount(1);
  expect(decodedPath(await toDari.getAttribute("href"))).toBe(`/news/${dariSlug}`);
  const head = reader.locator("head");
  await expect(head.locator('link[rel="alternate"][hreflang="fa"]')).toHaveCount(1);
  expect(decodedPath(await head.locator('link[rel="alternate"][hreflang="fa"]').getAttribute("href"))).toBe(`/news/${dariSlug}`);
  await expect(head.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
  await reader.goto(`/news/${encodeURIComponent(dariSlug)}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(dariHeadline);
  const toEnglish = reader.getByTestId("language-switcher").locator('a[hreflang="en"]');
  await expect(toEnglish).toHaveCount(1);
  expect(decodedPath(await toEnglish.getAttribute("href"))).toBe(`/news/${englishSlug}`);
  await reader.close();

  // An update of the English story: the Dari editor says so until marked caught up.
  await page.goto(`/dashboard/stories/${englishId}`);
  await expect(page.getByTestId("translation-behind")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(" Prices are expected to fall.");
  await page.getByLabel("Update (moves “Last Updated On” to now)").check();
  await page.getByLabel("Note for readers").fill("Adds the expected prices.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Updated");

  await page.goto(`/dashboard/stories/${dariId}`);
  const notice = page.getByTestId("translation-behind");
  await expect(notice).toContainText("The English version was updated after this translation (on ");
  await expect(notice.getByRole("link", { name: "Open the English version" })).toHaveAttribute("href", `/dashboard/stories/${englishId}`);
  await notice.screenshot({ path: "test-results/translation-behind-1280.png" });
  await notice.getByRole("button", { name: "Mark as caught up" }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue(dariHeadline);
  await expect(page.getByTestId("translation-behind")).toHaveCount(0);
  await page.context().close();
});

test("a new story's editor shows nothing of translations", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  await page.goto("/dashboard/stories/new");
  await expect(page.getByLabel("Headline")).toBeVisible();
  await expect(page.getByTestId("translations")).toHaveCount(0);
  await expect(page.getByTestId("translation-behind")).toHaveCount(0);
  await page.context().close();
});
