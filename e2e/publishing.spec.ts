import { expect, test } from "@playwright/test";
import { as, draftStory, newsroomLocal, scheduleOpenStory, msUntilSeen } from "./helpers";
import { seedFixture as f } from "./fixtures";



test("a story scheduled 30 s ahead is a 404 before and public within 1 s after, home page included", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const page = await as(browser, "editor");
  const headline = `Provincial exam results published ${Date.now().toString(36)}`;
  const slug = await draftStory(page, headline, "Results for the provincial exams were released this morning.");

  const instant = new Date(Math.ceil((Date.now() + 30_000) / 1000) * 1000);
  await scheduleOpenStory(page, instant);
  await expect(page.getByTestId("scheduled-for")).toContainText(f.site.timezone);
  await page.screenshot({ path: "test-results/screenshots/editor-scheduled.png", fullPage: true });
  await page.context().close();

  // Before: 404 everywhere, and the 404 is cached (warm it twice).
  for (let i = 0; i < 2; i++) {
    const res = await request.get(`/news/${slug}`);
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain(headline);
  }
  expect(await (await request.get("/")).text()).not.toContain(headline);
  expect(Date.now()).toBeLessThan(instant.getTime());

  // After: poll from the instant on, fresh client each time.
  const lag = await msUntilSeen(instant, async () => (await request.get(`/news/${slug}`, { headers: { "cache-control": "no-cache" } })).status() === 200);
  console.log(`scheduled story: public ${lag} ms after its instant`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(1_000);
  const home = await request.get("/");
  expect(await home.text()).toContain(headline);
  const article = await request.get(`/news/${slug}`);
  expect(await article.text()).toContain(headline);
});

test("stories scheduled seconds apart: polled from before their instants, none answers 404 once it is due", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const page = await as(browser, "editor");
  const run = Date.now().toString(36);
  const first = new Date(Math.ceil((Date.now() + 35_000) / 1000) * 1000);
  const instants = [0, 1, 2].map((i) => new Date(first.getTime() + i * 2_000));
  const slugs: string[] = [];
  for (const [i, instant] of instants.entries()) {
    slugs.push(await draftStory(page, `Ferry timetable ${i + 1} for the spring season ${run}`, "Boats will run every hour."));
    await scheduleOpenStory(page, instant);
  }
  await page.context().close();
  expect(Date.now()).toBeLessThan(first.getTime() - 2_000);

  // Readers ask for every page continuously, from 2 s before the first instant to 3 s after
  // the last, the way a busy site is asked (no cache-busting headers).
  await new Promise((r) => setTimeout(r, first.getTime() - 2_000 - Date.now()));
  const until = instants.at(-1)!.getTime() + 3_000;
  const lateNotFound: string[] = [];
  await Promise.all(
    slugs.map(async (slug, i) => {
      while (Date.now() < until) {
        const sent = Date.now();
        const status = (await request.get(`/news/${slug}`)).status();
        // Due, with a second for the scheduler to expire the cached 404 at the instant.
        if (status !== 200 && sent >= instants[i]!.getTime() + 1_000) lateNotFound.push(`${slug}: ${status} at +${sent - instants[i]!.getTime()} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }),
  );
  expect(lateNotFound).toEqual([]);
});

test("an update with a correction note moves 'Last Updated On' and shows the note; a minor edit does not", async ({ browser }) => {
  const page = await as(browser, "editor");
  const headline = `Flood warning for Nangarhar ${Date.now().toString(36)}`;
  await page.goto("/dashboard/stories/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.insertText("Rivers are expected to rise in two districts.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const slug = await page.getByLabel("Slug").inputValue();

  // Saving a live story asks the question first.
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(" Officials urged caution.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Choose how readers see this save");
  await page.getByLabel("Minor edit (a typo: no new date)").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Minor edit");

  await page.getByLabel("Headline").fill(`${headline} and Kunar`);
  await page.getByLabel("Update (moves “Last Updated On” to now)").check();
  await page.getByLabel("Kind of update").selectOption("correction");
  await page.getByLabel("Note for readers").fill("An earlier version named only one province.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Updated");
  await page.context().close();

  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${headline} and Kunar`);
  await expect(reader.getByTestId("story-notes")).toContainText("Correction (");
  await expect(reader.getByTestId("story-notes")).toContainText("An earlier version named only one province.");
  await expect(reader.getByTestId("article-body")).toContainText("Officials urged caution.");
  await reader.close();
});

test("a story set to come off the site 20 s ahead is listed in Scheduled, then a 404 within 1 s of its instant, home page included", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const page = await as(browser, "editor");
  const headline = `Road closure notice for the weekend ${Date.now().toString(36)}`;
  const slug = await draftStory(page, headline, "The road will be closed on Saturday and Sunday.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const instant = new Date(Math.ceil((Date.now() + 20_000) / 1000) * 1000);
  const box = page.getByTestId("unpublish-schedule");
  await box.getByLabel(`At (${f.site.timezone})`).fill(newsroomLocal(instant));
  await box.getByRole("button", { name: "Schedule unpublish" }).click();
  await expect(box.getByTestId("unpublish-at")).toContainText(`(${f.site.timezone}), set by you.`);
  await page.goto("/dashboard?status=scheduled");
  await expect(page.getByRole("row").filter({ hasText: headline }).getByTestId("list-unpublish-at")).toBeVisible();
  await page.context().close();

  // Before: public, and cached (warm it twice).
  for (let i = 0; i < 2; i++) expect((await request.get(`/news/${slug}`)).status()).toBe(200);
  expect(await (await request.get("/")).text()).toContain(headline);
  expect(Date.now()).toBeLessThan(instant.getTime());

  const lag = await msUntilSeen(instant, async () => (await request.get(`/news/${slug}`, { headers: { "cache-control": "no-cache" } })).status() === 404);
  console.log(`scheduled unpublish: gone ${lag} ms after its instant`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(1_000);
  expect(await (await request.get("/")).text()).not.toContain(headline);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(headline);
});
