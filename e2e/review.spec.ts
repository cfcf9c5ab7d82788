/**
 * The review loop in the browser: a writer submits a story with a note; the editor finds it
 * under "Needs review (n)" with its submitter, returns it with a note; the writer sees the note
 * at the top of the editor and a notification in the centre (count, list, mark read, its link),
 * then resubmits; the editor opens the resubmission's notification and publishes the story
 * (then marks all read), the history keeps the review notes and the writer is told.
 */
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./fixtures";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

const headline = `Bamyan clinic extends its hours ${Date.now().toString(36)}`;
const returnNote = "Add the new opening hours and a patient's quote.";
let storyPath = "";

/** The unread count in the desk's header ("Notifications (n)"). */
async function unread(page: Page): Promise<number> {
  const text = await page.getByTestId("notifications-link").innerText();
  const m = /Notifications \((\d+)\)/.exec(text);
  expect(m, `header link reads "${text}"`).not.toBeNull();
  return Number(m![1]);
}

test.describe.serial("the review loop", () => {
  test("a writer submits a story for review with a note", async ({ browser }) => {
    const page = await as(browser, "writer");
    refuseBrowserDialogs(page);
    await draftStory(page, headline, "The clinic in Bamyan now opens at seven in the morning.");
    storyPath = new URL(page.url()).pathname;
    await page.getByText("Add a note for the editors").click();
    await page.getByLabel("Note for the editors (optional)").fill("The hours come from the clinic's director.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("story-status")).toHaveText("In review");
    await page.context().close();
  });

  test("the editor sees it under Needs review with its submitter and returns it with a note", async ({ browser }) => {
    const page = await as(browser, "editor");
    refuseBrowserDialogs(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/dashboard");
    const entry = page.getByRole("link", { name: /^Needs review \(\d+\)$/ });
    await expect(entry).toBeVisible();
    expect(Number(/\((\d+)\)/.exec(await entry.innerText())![1])).toBeGreaterThanOrEqual(1);
    await entry.click();
    await expect(page).toHaveURL(/\/dashboard\/review$/);
    const row = page.getByTestId("review-row").filter({ hasText: headline });
    await expect(row).toContainText(ACCOUNTS.writer.name);
    // Oldest first: the story just submitted is the last row.
    await expect(page.getByTestId("review-row").last()).toContainText(headline);
    await row.getByRole("link", { name: headline }).click();
    await expect(page).toHaveURL(new RegExp(`${storyPath}$`));

    await page.getByRole("button", { name: "Return to writer" }).click();
    const panel = page.getByTestId("return-panel");
    await panel.getByRole("button", { name: "Send back with this note" }).click();
    await expect(panel).toContainText("Write what the writer should change.");
    await panel.getByLabel("Note for the writer (required)").fill(returnNote);
    await panel.getByRole("button", { name: "Send back with this note" }).click();
    await expect(page.getByTestId("story-status")).toHaveText("Draft");
    await expect(page.getByTestId("save-status")).toContainText("Returned to writer");
    await page.context().close();
  });

  test("the writer sees the note at the top of the editor and the notification in the centre", async ({ browser }) => {
    const page = await as(browser, "writer");
    refuseBrowserDialogs(page);
    await page.goto("/dashboard");
    const before = await unread(page);
    expect(before).toBeGreaterThanOrEqual(1);

    await page.getByTestId("notifications-link").click();
    await expect(page).toHaveURL(/\/dashboard\/notifications$/);
    const message = `${ACCOUNTS.editor.name} returned “${headline}” to you`;
    const item = page.getByTestId("notification").filter({ hasText: message });
    await expect(item).toHaveAttribute("data-unread", "true");
    await expect(item).toContainText(returnNote);
    await expect(page.getByTestId("notification").first()).toContainText(message); // newest first

    await item.getByRole("button", { name: `Mark read: ${message}` }).click();
    await expect(item).not.toHaveAttribute("data-unread", "true");
    await expect.poll(() => unread(page)).toBe(before - 1);

    // Its link opens the story, where the note waits at the top of the editor.
    await item.getByRole("link", { name: message }).click();
    await expect(page).toHaveURL(new RegExp(`${storyPath}$`));
    const banner = page.getByTestId("return-note");
    await expect(banner).toContainText(returnNote);
    await expect(banner).toContainText(`Returned to you by ${ACCOUNTS.editor.name}`);
    await page.context().close();
  });

  test("the writer resubmits; the note leaves the editor", async ({ browser }) => {
    const page = await as(browser, "writer");
    refuseBrowserDialogs(page);
    await page.goto(storyPath);
    await expect(page.getByTestId("return-note")).toBeVisible();
    await page.getByRole("textbox", { name: "Story body" }).click();
    await page.keyboard.press("End");
    await page.keyboard.insertText(" It closes at six, a patient said.");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("story-status")).toHaveText("In review");
    await expect(page.getByTestId("return-note")).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("story-status")).toHaveText("In review");
    await expect(page.getByTestId("return-note")).toHaveCount(0);
    await page.context().close();
  });

  test("the editor publishes it; the history keeps the review notes; the writer hears of it", async ({ browser }) => {
    const page = await as(browser, "editor");
    refuseBrowserDialogs(page);
    // The editor was told of both submissions; opening the newer one marks it read.
    await page.goto("/dashboard/notifications");
    const before = await unread(page);
    expect(before).toBeGreaterThanOrEqual(2);
    const message = `${ACCOUNTS.writer.name} resubmitted “${headline}” for review`;
    const item = page.getByTestId("notification").filter({ hasText: message });
    await expect(item).toHaveAttribute("data-unread", "true");
    await item.getByRole("link", { name: message }).click();
    await expect(page).toHaveURL(new RegExp(`${storyPath}$`));
    expect(await unread(page)).toBe(before - 1);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByTestId("story-status")).toHaveText("Published");
    await page.goto(`${storyPath}/history`);
    const notes = page.getByTestId("review-note");
    await expect(notes).toHaveCount(3);
    await expect(notes.nth(0)).toContainText("Submitted for review");
    await expect(notes.nth(0)).toContainText("The hours come from the clinic's director.");
    await expect(notes.nth(1)).toContainText(`Returned to the writer by ${ACCOUNTS.editor.name}`);
    await expect(notes.nth(1)).toContainText(returnNote);
    await expect(notes.nth(2)).toContainText("Resubmitted for review");
    await page.goto("/dashboard/review");
    await expect(page.getByTestId("review-row").filter({ hasText: headline })).toHaveCount(0);
    await page.goto("/dashboard/notifications");
    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(() => unread(page)).toBe(0);
    await expect(page.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
    await page.context().close();

    const writer = await as(browser, "writer");
    await writer.goto("/dashboard/notifications");
    await expect(writer.getByTestId("notification").first()).toContainText(`${ACCOUNTS.editor.name} published “${headline}”`);
    await writer.context().close();
  });
});
