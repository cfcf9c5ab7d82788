import { expect, type Browser, type Page } from "@playwright/test";
import { instantToZonedLocal } from "../lib/publishing/zoned-time";
import { ACCOUNTS, authFile, E2E_PASSWORD, seedFixture, type AccountKey } from "./fixtures";

/** A page in a fresh browser context signed in as `who` (saved by e2e/auth.setup.ts). */
export async function as(browser: Browser, who: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(who) });
  return context.newPage();
}

/** An instant as "YYYY-MM-DDTHH:mm:ss" wall-clock time in the newsroom's zone (for datetime-local fields). */
export function newsroomLocal(instant: Date, timeZone = seedFixture.site.timezone): string {
  return instantToZonedLocal(instant, timeZone);
}

/** Opens a new story in the desk and types its headline and body (nothing saved yet). */
export async function startStory(page: Page, headline: string, body: string): Promise<void> {
  await page.goto("/dashboard/stories/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.insertText(body);
}

/** `startStory`, then "Save draft". @returns the story's slug; the editor stays open on it. */
export async function draftStory(page: Page, headline: string, body: string): Promise<string> {
  await startStory(page, headline, body);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  return page.getByLabel("Slug").inputValue();
}

/** Schedules the story open in the editor for `instant` (typed in the newsroom's zone). */
export async function scheduleOpenStory(page: Page, instant: Date, timeZone = seedFixture.site.timezone): Promise<void> {
  await page.getByRole("button", { name: "Schedule…" }).click();
  await page.getByLabel(`Publish at (${timeZone})`).fill(newsroomLocal(instant, timeZone));
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Scheduled");
}

/**
 * Unpublishes the live story open in the editor: "Unpublish", then the same button in the
 * question that follows; waits for the status to say so.
 */
export async function unpublishOpenStory(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Unpublish this story?" });
  await dialog.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Unpublished");
}

/**
 * Next's `x-nextjs-cache` values for a page served from its cache: HIT while fresh, STALE
 * once its lifetime (5 s) has passed and a background render is due. On a busy machine a
 * few seconds pass easily between two requests, so "served from the cache" is either.
 */
export const FROM_CACHE = ["HIT", "STALE"];

/** Signs in as `who` through the login form (a session of its own); waits for the desk. */
export async function signInThroughForm(page: Page, who: AccountKey): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ACCOUNTS[who].email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Fails the test on any browser dialog: the desk asks its questions inside the page. */
export function refuseBrowserDialogs(page: Page): void {
  page.on("dialog", (d) => {
    throw new Error(`unexpected browser dialog: ${d.message()}`);
  });
}

/**
 * Waits until `instant`, then asks `seen` every 50 ms until it answers true, for at most 5 s.
 * @returns how many ms after the instant `seen` first answered true, or -1 if it never did.
 */
export async function msUntilSeen(instant: Date, seen: () => Promise<boolean>): Promise<number> {
  await new Promise((r) => setTimeout(r, Math.max(0, instant.getTime() - Date.now())));
  while (Date.now() - instant.getTime() < 5_000) {
    if (await seen()) return Date.now() - instant.getTime();
    await new Promise((r) => setTimeout(r, 50));
  }
  return -1;
}
