/**
 * A live blog as readers follow it, while an editor posts from the live desk: with JavaScript,
 * a new entry is announced on a button without a reload ("1 new update") and shown when the
 * reader presses it; an edit and a deletion change the open page by themselves (the deleted
 * text is gone from the page, the updates endpoint, the feed and the JSON-LD); without
 * JavaScript, a reload shows what changed. Ending the coverage shows the notice and stops the
 * page's script. The demo live blog: badge, key events, pinned entry, entry times with the
 * zone's name, LiveBlogPosting data.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E } from "./fixtures";
import { as, refuseBrowserDialogs, startStory } from "./helpers";

const run = Date.now().toString(36);
/** The page's script polls every 15–17 s (the first time 2 s after load). */
const POLLED = { timeout: 30_000 };

/** Publishes a story and turns it into a live blog. @returns its slug and its live desk's path. */
async function newLiveBlog(editor: Page, title: string): Promise<{ slug: string; desk: string }> {
  await startStory(editor, title, "Our reporters follow the day as it happens.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  await editor.reload();
  const slug = (await editor.getByLabel("Slug").inputValue()).trim();
  const panel = editor.getByTestId("live-blog-switch");
  await panel.getByLabel("This story is a live blog").check();
  await panel.getByRole("link", { name: "Open the live desk" }).click();
  await expect(editor).toHaveURL(/\/dashboard\/live\/[0-9a-f-]{36}$/);
  return { slug, desk: new URL(editor.url()).pathname };
}

/** Posts an entry from the live desk's composer. */
async function post(editor: Page, text: string): Promise<void> {
  const composer = editor.getByTestId("entry-composer");
  await composer.getByRole("textbox", { name: "Entry text", exact: true }).click();
  await editor.keyboard.insertText(text);
  await composer.getByRole("button", { name: "Post" }).click();
  await expect(editor.getByTestId("composer-status")).toHaveText("Posted.");
}

async function reader(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  return context.newPage();
}

test("readers follow a live blog: new entries announced without reload, edits and deletions applied by themselves; without JavaScript a reload shows them", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const editor = await as(browser, "editor");
  refuseBrowserDialogs(editor);
  const { slug, desk } = await newLiveBlog(editor, `Storm over the Salang ${run}`);
  await post(editor, `Snow closes the pass at noon ${run}.`);

  const withJs = await reader(browser, true);
  const withoutJs = await reader(browser, false);
  for (const page of [withJs, withoutJs]) {
    await page.goto(`/news/${slug}`);
    await expect(page.getByTestId("live-badge")).toBeVisible();
    await expect(page.getByTestId("live-entry")).toHaveCount(1);
  }

  // A new entry: announced on the button, not inserted under the reader's eyes.
  await editor.goto(desk);
  await post(editor, `Trucks wait at both ends of the tunnel ${run}.`);
  const button = withJs.getByRole("button", { name: "1 new update" });
  await expect(button).toBeVisible(POLLED);
  await expect(withJs.getByTestId("live-entry")).toHaveCount(1);
  await button.click();
  await expect(withJs.getByTestId("live-entry")).toHaveCount(2);
  await expect(withJs.getByTestId("live-entry").first()).toContainText("Trucks wait at both ends");
  await expect(button).toBeHidden();
  // Without JavaScript: the same on reload.
  await withoutJs.reload();
  await expect(withoutJs.getByTestId("live-entry").first()).toContainText("Trucks wait at both ends");

  // An edit changes the open page by itself; a deletion removes the entry, everywhere.
  const first = editor.getByTestId("live-entry").filter({ hasText: "Snow closes the pass" });
  await first.getByRole("button", { name: /^Edit/ }).click();
  const form = editor.getByTestId("entry-editor");
  await form.getByRole("textbox", { name: "Entry text (editing)" }).click();
  await editor.keyboard.press("End");
  await editor.keyboard.insertText(" It reopens tomorrow.");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(form).toHaveCount(0);
  await expect(withJs.getByTestId("live-entry").filter({ hasText: "It reopens tomorrow." }).getByTestId("entry-edited")).toBeVisible(POLLED);

  const trucks = editor.getByTestId("live-entry").filter({ hasText: "Trucks wait at both ends" });
  await trucks.getByRole("button", { name: /^Delete/ }).click();
  await editor.getByRole("dialog", { name: "Delete this entry?" }).getByRole("button", { name: "Delete", exact: true }).click();
  await expect(trucks).toHaveCount(0);
  await expect(withJs.getByText("Trucks wait at both ends")).toHaveCount(0, POLLED);
  await expect(withJs.getByTestId("live-entry")).toHaveCount(1);
  for (const path of [`/news/${slug}`, `/news/${slug}/live.json`, `/news/${slug}/feed.xml`]) {
    expect(await (await request.get(path)).text(), path).not.toContain("Trucks wait at both ends");
  }
  await withoutJs.reload();
  await expect(withoutJs.getByText("Trucks wait at both ends")).toHaveCount(0);

  // Ending the coverage: the notice on the next load, no badge, no script.
  await editor.getByTestId("live-settings").getByRole("button", { name: "End coverage" }).click();
  await expect(editor.getByTestId("composer-blocked")).toContainText("This live coverage ended at");
  await withJs.reload();
  await expect(withJs.getByTestId("coverage-ended")).toContainText("This live coverage has ended");
  await expect(withJs.getByTestId("live-badge")).toHaveCount(0);
  await expect(withJs.locator("script[src]")).toHaveCount(0);
  for (const page of [withJs, withoutJs, editor]) await page.context().close();
});

test("the demo live blog: badge, key events linked to their entries, pinned entry, times with the zone's name, LiveBlogPosting data", async ({ page }) => {
  await page.goto("/news/kabul-river-flood-live");
  await expect(page.getByTestId("live-badge")).toHaveText(/Live/i);
  const keyEvents = page.getByTestId("key-events").getByRole("link");
  await expect(keyEvents).toHaveCount(2);
  const target = (await keyEvents.first().getAttribute("href"))!;
  await expect(page.locator(target)).toBeVisible();
  await expect(page.getByTestId("live-pinned")).toContainText("How to reach help");
  const entries = page.getByTestId("live-entry");
  expect(await entries.count()).toBeGreaterThanOrEqual(12);
  for (const time of await page.getByTestId("entry-time").allTextContents()) expect(time).toMatch(/^\d{1,2}:\d{2} [AP]M GMT\+4:30$/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as { "@type": string; liveBlogUpdate: unknown[]; coverageStartTime: string };
  expect(ld["@type"]).toBe("LiveBlogPosting");
  expect(ld.liveBlogUpdate.length).toBe(await entries.count());
  expect(ld.coverageStartTime).toMatch(/Z$/);
  // In lists its card says it is live (search finds it however many stories the suite publishes).
  await page.goto("/search?q=Kabul+River+flood+live+updates");
  await expect(page.locator("article").filter({ hasText: "Kabul River flood: live updates" }).getByTestId("live-label").first()).toBeVisible();
});

test("older updates page without JavaScript: the newest 50 entries, then the older ones, and back", async ({ browser }) => {
  const page = await reader(browser, false);
  await page.goto(`/news/${E2E.longLiveSlug}`);
  await expect(page.getByTestId("coverage-ended")).toContainText("This live coverage has ended");
  const entries = page.getByTestId("live-entry");
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toContainText("Long blog entry number 60.");
  await expect(entries.last()).toContainText("Long blog entry number 11.");
  await page.getByTestId("older-updates").click();
  await expect(page).toHaveURL(new RegExp(`/news/${E2E.longLiveSlug}/updates/`));
  await expect(entries).toHaveCount(10);
  await expect(entries.first()).toContainText("Long blog entry number 10.");
  await expect(entries.last()).toContainText("Long blog entry number 1.");
  await expect(page.getByTestId("older-updates")).toHaveCount(0);
  expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex, follow");
  await page.getByRole("link", { name: "Newer updates" }).click();
  await expect(entries).toHaveCount(50);
  await page.context().close();
});
