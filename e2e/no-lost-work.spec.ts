import { expect, test, type Page } from "@playwright/test";
import { as, draftStory, refuseBrowserDialogs, startStory } from "./helpers";
import { ACCOUNTS, authFile } from "./fixtures";


/** A saved draft; returns the editor's path. */
async function newStory(page: Page, headline: string, text: string): Promise<string> {
  await draftStory(page, headline, text);
  return new URL(page.url()).pathname;
}

test("two people edit one story; the second save gets the conflict screen with both versions", async ({ browser }) => {
  const mina = await as(browser, "editor");
  const headline = `Flood warning for Nangarhar ${Date.now().toString(36)}`;
  const url = await newStory(mina, headline, "Rivers are rising.");
  const laila = await as(browser, "admin");
  await laila.goto(url);
  await mina.reload();
  // Each sees the other (presence).
  await expect(laila.getByTestId("presence")).toContainText(ACCOUNTS.editor.name, { timeout: 20_000 });
  await expect(mina.getByTestId("presence")).toContainText(ACCOUNTS.admin.name, { timeout: 20_000 });

  await mina.getByLabel("Headline").fill(`${headline} and Kunar`);
  await mina.getByRole("button", { name: "Save draft" }).click();
  await expect(mina.getByTestId("save-status")).toContainText("Saved");

  await laila.getByLabel("Dek").fill("Officials urge people near the river to move to higher ground.");
  await laila.getByRole("button", { name: "Save draft" }).click();
  const conflict = laila.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`changed since you opened it by ${ACCOUNTS.editor.name}`);
  await expect(laila.getByTestId("conflict-theirs")).toContainText(`${headline} and Kunar`);
  await expect(laila.getByTestId("conflict-mine")).toContainText(headline);
  await expect(laila.getByLabel("Dek")).toHaveValue("Officials urge people near the river to move to higher ground.");
  await laila.screenshot({ path: "test-results/screenshots/conflict.png", fullPage: true });

  // Nothing of hers was written: Mina's headline stands.
  await mina.reload();
  await expect(mina.getByLabel("Headline")).toHaveValue(`${headline} and Kunar`);
  await expect(mina.getByLabel("Dek")).toHaveValue("");

  // She re-applies her change deliberately.
  await laila.getByRole("button", { name: "Keep mine and save over theirs" }).click();
  await expect(laila.getByTestId("save-status")).toContainText("Saved");
  await expect(laila.getByTestId("conflict")).toHaveCount(0);
  await mina.context().close();
  await laila.context().close();
});

test("two quick saves from one tab never conflict with themselves", async ({ browser }) => {
  const page = await as(browser, "editor");
  await newStory(page, `Quick saves ${Date.now().toString(36)}`, "First.");
  await page.getByLabel("Dek").fill("One");
  await page.keyboard.press("Control+s");
  await page.getByLabel("Dek").fill("Two");
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await expect(page.getByTestId("save-status")).not.toContainText("Someone else");
  await page.reload();
  await expect(page.getByLabel("Dek")).toHaveValue("Two");
  await page.context().close();
});

test("after a crash, the editor offers the unsaved text kept in the browser", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("editor") });
  const page = await context.newPage();
  const url = await newStory(page, `Crash test ${Date.now().toString(36)}`, "Saved paragraph.");
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText("Typed just before the tab crashed.");
  // The tab dies before any save (no unload handlers run).
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByTestId("backup-offer")).toBeVisible();
  await again.getByRole("button", { name: "Restore unsaved text" }).click();
  await expect(again.getByRole("textbox", { name: "Story body" })).toContainText("Typed just before the tab crashed.");
  await again.getByRole("button", { name: "Save draft" }).click();
  await expect(again.getByTestId("save-status")).toContainText("Saved");
  await again.reload();
  await expect(again.getByTestId("backup-offer")).toHaveCount(0);
  await expect(again.getByRole("textbox", { name: "Story body" })).toContainText("Typed just before the tab crashed.");
  await context.close();
});

test("the history view compares versions and restores an old one", async ({ browser }) => {
  const page = await as(browser, "editor");
  const first = `Bus routes approved ${Date.now().toString(36)}`;
  const url = await newStory(page, first, "The council approved three routes.");
  await page.getByLabel("Headline").fill(`${first} by council`);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}/history$`));
  await expect(page.getByTestId("revision-row")).toHaveCount(2);
  await expect(page.getByTestId("diff")).toContainText("words added");
  await expect(page.getByTestId("diff").locator("ins")).toContainText(["council"]);
  await page.screenshot({ path: "test-results/screenshots/history.png", fullPage: true });
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByLabel("Headline")).toHaveValue(first);
  await page.goto(`${url}/history`);
  await expect(page.getByTestId("revision-row")).toHaveCount(3);
  await expect(page.getByTestId("revision-row").first()).toContainText("Restored");
  await page.context().close();
});

test("restoring an old version of a live story asks update or minor edit, names the public notes that stay, and can be undone", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const headline = `Water tariffs rise ${Date.now().toString(36)}`;
  await startStory(page, headline, "Tariffs rise by a tenth in March.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const slug = await page.getByLabel("Slug").inputValue();
  const url = new URL(page.url()).pathname;
  await page.getByLabel("Headline").fill(`${headline} in three cities`);
  await page.getByLabel("Update (moves “Last Updated On” to now)").check();
  await page.getByLabel("Kind of update").selectOption("correction");
  await page.getByLabel("Note for readers").fill("An earlier version gave the wrong month.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Updated");

  // Restore… on a live story opens the old text in the editor; nothing is saved yet.
  await page.goto(`${url}/history`);
  await page.getByRole("link", { name: "Restore version 1" }).click();
  const notice = page.getByTestId("restore-notice");
  await expect(notice).toContainText("Version 1 is in the editor, not saved yet");
  await expect(notice).toContainText("An earlier version gave the wrong month.");
  await expect(notice).toContainText("(written after version 1)");
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  expect(new URL(page.url()).search).toBe("");
  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${headline} in three cities`);

  // Undo puts the saved text back.
  await notice.getByRole("button", { name: "Undo restore" }).click();
  await expect(page.getByLabel("Headline")).toHaveValue(`${headline} in three cities`);
  await expect(notice).toHaveCount(0);

  // Restored again, it goes through the same question as any save of a live story.
  await page.goto(`${url}/history`);
  await page.getByRole("link", { name: "Restore version 1" }).click();
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Choose how readers see this save");
  await page.getByLabel("Update (moves “Last Updated On” to now)").check();
  await page.getByLabel("Note for readers").fill("Restores the original headline.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Updated");
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(reader.getByTestId("story-notes")).toContainText("An earlier version gave the wrong month.");
  await expect(reader.getByTestId("story-notes")).toContainText("Restores the original headline.");
  await page.context().close();
  await reader.close();
});
