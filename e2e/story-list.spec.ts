import { expect, test } from "@playwright/test";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

test("the story list marks what is live, links to it on the site, and applies bulk actions with a summary", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const stamp = Date.now().toString(36);
  const titles = [`Ferry timetable ${stamp}`, `Market prices ${stamp}`];
  const slugs: string[] = [];
  for (const t of titles) slugs.push(await draftStory(page, t, "Written for the bulk actions test."));
  // The top of the editor says the draft is not on the site.
  await expect(page.getByTestId("live-mark")).toHaveText("○ Not on the site");

  await page.goto(`/dashboard?q=${stamp}`);
  const rows = page.getByTestId("desk-row");
  await expect(rows).toHaveCount(2);
  for (const t of titles) await page.getByRole("checkbox", { name: `Select “${t}”` }).check();
  const bar = page.getByTestId("bulk-bar");
  await bar.getByRole("combobox").selectOption("publish");
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Published: 2 stories.");
  for (const t of titles) {
    const row = rows.filter({ hasText: t });
    await expect(row.getByTestId("live-mark")).toHaveText("● Live");
    await expect(row.getByRole("link", { name: "View on site" })).toHaveAttribute("href", /^\/news\//);
  }
  expect((await page.request.get(`/news/${slugs[0]}`)).status()).toBe(200);
  // The filter is in the address: it survives a reload.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByLabel("Search headlines")).toHaveValue(stamp);

  // Publishing again: each story is refused with its reason, nothing else happens.
  await page.getByRole("checkbox", { name: "Select every story on this page" }).check();
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Published: 0 stories.");
  await expect(page.getByTestId("bulk-failed")).toContainText(`Not published: “${titles[0]}”: It is already live.`);

  // Unpublishing several asks first, inside the page.
  await page.getByRole("checkbox", { name: "Select every story on this page" }).check();
  await bar.getByRole("combobox").selectOption("unpublish");
  await bar.getByRole("button", { name: "Apply" }).click();
  const question = page.getByRole("dialog", { name: "Unpublish 2 stories?" });
  await question.getByRole("button", { name: "Cancel" }).click();
  expect((await page.request.get(`/news/${slugs[0]}`)).status()).toBe(200);
  await bar.getByRole("button", { name: "Apply" }).click();
  await question.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText("Unpublished: 2 stories.");
  expect((await page.request.get(`/news/${slugs[0]}`)).status()).toBe(404);
  await page.screenshot({ path: "test-results/screenshots/story-list.png", fullPage: true });
  await page.context().close();
});

test("writers get no bulk actions", async ({ browser }) => {
  const page = await as(browser, "writer");
  await page.goto("/dashboard");
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  await page.context().close();
});
