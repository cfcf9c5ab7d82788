/**
 * The live desk in the browser: an editor publishes a story and turns it into a live blog from
 * the story editor's side panel; a writer on a live blog where writers may not publish posts a
 * draft, which the editor publishes; once the editor lets writers publish, the editor and the
 * writer post at the same moment from two browsers and each desk shows both entries (the
 * list refreshes by itself); an entry is edited (it shows "edited"; a later edit begun before
 * it is refused and keeps its text) and deleted (gone); ending
 * the coverage stops posting, with a message saying so, keeping what a writer was typing. Then a Dari live blog: its entries
 * read right to left; screenshots of the desk at phone and desktop widths.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seedFixture } from "./fixtures";
import { as, refuseBrowserDialogs, startStory } from "./helpers";

const run = Date.now().toString(36);
const headline = `Election count live ${run}`;
let deskPath = "";

/** The list refreshes itself every 15 s; an entry posted elsewhere shows within this. */
const REFRESHED = { timeout: 25_000 };

/** Publishes a new story from the editor and turns it into a live blog. @returns its live desk's path. */
async function publishLiveBlog(page: Page, title: string, intro: string, language?: string): Promise<string> {
  await startStory(page, title, intro);
  if (language) await page.getByLabel("Language").selectOption(language);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  await expect(page).toHaveURL(/\/dashboard\/stories\/[0-9a-f-]{36}$/);
  // The side panel's switch belongs to a saved story's page.
  await page.reload();
  const panel = page.getByTestId("live-blog-switch");
  await expect(panel.getByRole("link", { name: "Open the live desk" })).toHaveCount(0);
  await panel.getByLabel("This story is a live blog").check();
  await panel.getByRole("link", { name: "Open the live desk" }).click();
  await expect(page).toHaveURL(/\/dashboard\/live\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Types an entry into the composer at the top of a live desk (nothing sent yet). */
async function compose(page: Page, text: string, entryHeadline = ""): Promise<Locator> {
  const composer = page.getByTestId("entry-composer");
  if (entryHeadline) await composer.getByLabel("Entry headline").fill(entryHeadline);
  await composer.getByRole("textbox", { name: "Entry text", exact: true }).click();
  await page.keyboard.insertText(text);
  return composer;
}

/** The entry on the desk whose text contains `text`. */
const entry = (page: Page, text: string) => page.getByTestId("live-entry").filter({ hasText: text });

test.describe.serial("the live desk", () => {
  test("an editor publishes a story and turns it into a live blog; it is listed under Live", async ({ browser }, testInfo) => {
    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    deskPath = await publishLiveBlog(editor, headline, "Counting began at eight in the morning.");
    await expect(editor.getByText("No entries yet.")).toBeVisible();
    await editor.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Live", exact: true }).click();
    const row = editor.getByTestId("live-blog-row").filter({ hasText: headline });
    await expect(row).toContainText("Live");
    await expect(row).toContainText("0 published");
    await editor.screenshot({ path: testInfo.outputPath("live-blogs-1280.png"), fullPage: true });
    // The switch in the story editor's side panel, on and linking to the live desk.
    await row.getByRole("link", { name: headline }).click();
    await editor.getByRole("link", { name: "Edit the story’s introduction" }).click();
    await expect(editor.getByTestId("live-blog-switch").getByLabel("This story is a live blog")).toBeChecked();
    await editor.getByTestId("live-blog-switch").screenshot({ path: testInfo.outputPath("live-blog-switch.png") });
    await editor.context().close();
  });

  test("a writer, where writers may not publish, posts a draft; the editor publishes it", async ({ browser }) => {
    const writer = await as(browser, "writer");
    refuseBrowserDialogs(writer);
    await writer.goto(deskPath);
    await expect(writer.getByText("Your entries go to an editor as drafts on this live blog.")).toBeVisible();
    await expect(writer.getByTestId("live-settings")).toHaveCount(0);
    const composer = await compose(writer, "Turnout in Herat is above forty percent.", "Herat turnout");
    await composer.getByRole("button", { name: "Post" }).click();
    await expect(writer.getByTestId("composer-status")).toHaveText("Saved as a draft for an editor to publish.");
    // The composer is cleared; the entry is listed as a draft.
    await expect(composer.getByRole("textbox", { name: "Entry text", exact: true })).toHaveText("");
    await expect(composer.getByLabel("Entry headline")).toHaveValue("");
    const draft = entry(writer, "Turnout in Herat");
    await expect(draft.getByTestId("entry-status")).toHaveText("Draft");
    await expect(draft.getByRole("button", { name: /^Publish/ })).toHaveCount(0);

    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    await editor.goto(deskPath);
    const seen = entry(editor, "Turnout in Herat");
    await expect(seen.getByTestId("entry-status")).toHaveText("Draft");
    await seen.getByRole("button", { name: /^Publish/ }).click();
    await expect(seen.getByTestId("entry-status")).toHaveText("Published");
    await expect(seen).toContainText(seedFixture.site.timezone);
    // The writer's desk catches up by itself.
    await expect(draft.getByTestId("entry-status")).toHaveText("Published", REFRESHED);
    await writer.context().close();
    await editor.context().close();
  });

  test("once writers may publish, an editor and a writer post at the same moment and both desks show both entries", async ({ browser }) => {
    const editor = await as(browser, "editor");
    const writer = await as(browser, "writer");
    refuseBrowserDialogs(editor);
    refuseBrowserDialogs(writer);
    await editor.goto(deskPath);
    await editor.getByTestId("live-settings").getByLabel("Let writers publish their entries").check();
    await expect(editor.getByTestId("settings-status")).toHaveText("Writers may publish their entries.");
    await writer.goto(deskPath);
    await expect(writer.getByText("Your entries are published when you post them.")).toBeVisible();

    const fromEditor = await compose(editor, `Kabul count: 12,400 ballots ${run}.`);
    const fromWriter = await compose(writer, `Mazar count: 9,100 ballots ${run}.`);
    await Promise.all([fromEditor.getByRole("button", { name: "Post" }).click(), fromWriter.getByRole("button", { name: "Post" }).click()]);
    await expect(editor.getByTestId("composer-status")).toHaveText("Posted.");
    await expect(writer.getByTestId("composer-status")).toHaveText("Posted.");
    for (const page of [editor, writer]) {
      for (const text of ["Kabul count", "Mazar count"]) {
        await expect(entry(page, text).getByTestId("entry-status")).toHaveText("Published", REFRESHED);
      }
    }
    await editor.context().close();
    await writer.context().close();
  });

  test("an entry is edited (it shows 'edited'), a late edit from another desk is refused and keeps its text, and an entry is deleted (gone)", async ({ browser }) => {
    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    await editor.goto(deskPath);
    const kabul = entry(editor, "Kabul count");
    await expect(kabul.getByTestId("entry-edited")).toHaveCount(0);
    await kabul.getByRole("button", { name: /^Edit/ }).click();
    const form = editor.getByTestId("entry-editor");
    await form.getByRole("textbox", { name: "Entry text (editing)" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.insertText(" Final for the day.");
    await form.getByRole("button", { name: "Save entry" }).click();
    await expect(form).toHaveCount(0);
    const edited = entry(editor, "Final for the day.");
    await expect(edited.getByTestId("entry-edited")).toContainText("edited");

    // Two desks edit the same entry: the later save is refused and keeps its text.
    const other = await as(browser, "admin");
    refuseBrowserDialogs(other);
    await other.goto(deskPath);
    await entry(other, "Final for the day.").getByRole("button", { name: /^Edit/ }).click();
    await edited.getByRole("button", { name: /^Edit/ }).click();
    await form.getByRole("textbox", { name: "Entry text (editing)" }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.insertText(" Saved first.");
    await form.getByRole("button", { name: "Save entry" }).click();
    await expect(form).toHaveCount(0);
    const late = other.getByTestId("entry-editor");
    await late.getByRole("textbox", { name: "Entry text (editing)" }).click();
    await other.keyboard.press("End");
    await other.keyboard.insertText(" Saved second.");
    await late.getByRole("button", { name: "Save entry" }).click();
    await expect(late.getByTestId("composer-error")).toContainText("Someone else changed this entry meanwhile");
    await expect(late.getByRole("textbox", { name: "Entry text (editing)" })).toContainText("Final for the day. Saved second.");
    await other.context().close();

    const mazar = entry(editor, "Mazar count");
    await mazar.getByRole("button", { name: /^Delete/ }).click();
    const dialog = editor.getByRole("dialog", { name: "Delete this entry?" });
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(mazar).toHaveCount(0);
    await editor.reload();
    await expect(entry(editor, "Mazar count")).toHaveCount(0);
    await expect(entry(editor, "Final for the day.")).toHaveCount(1);
    await editor.context().close();
  });

  test("ending the coverage stops posting, with a message saying so; what a writer was typing stays", async ({ browser }) => {
    const writer = await as(browser, "writer");
    refuseBrowserDialogs(writer);
    await writer.goto(deskPath);
    await compose(writer, "Unsent: the count in Kandahar resumes.");

    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    await editor.goto(deskPath);
    const settings = editor.getByTestId("live-settings");
    await expect(settings.getByTestId("coverage-ended")).toHaveText("Still live");
    await settings.getByRole("button", { name: "End coverage" }).click();
    await expect(editor.getByTestId("composer-blocked")).toContainText("This live coverage ended at");
    await expect(editor.getByRole("button", { name: "Post", exact: true })).toHaveCount(0);
    await expect(settings.getByRole("button", { name: "Resume coverage" })).toBeVisible();
    await expect(settings.getByTestId("coverage-ended")).not.toHaveText("Still live");

    // The writer's desk learns it on its next refresh; the text typed meanwhile is kept.
    await expect(writer.getByTestId("composer-blocked")).toContainText("An editor can resume it.", REFRESHED);
    const composer = writer.getByTestId("entry-composer");
    await expect(composer.getByRole("textbox", { name: "Entry text", exact: true })).toHaveText("Unsent: the count in Kandahar resumes.");
    await expect(composer.getByRole("button", { name: "Post" })).toBeDisabled();
    await expect(composer.getByRole("button", { name: "Save as draft" })).toBeDisabled();
    await writer.goto("/dashboard/live");
    await expect(writer.getByTestId("live-blog-row").filter({ hasText: headline })).toContainText("Ended at");
    await writer.context().close();
    await editor.context().close();
  });

  test("a Dari live blog's entries read right to left, at phone and desktop widths", async ({ browser }, testInfo) => {
    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    const path = await publishLiveBlog(editor, `شمارش آرا ${run}`, "شمارش آرا ساعت هشت صبح آغاز شد.", "fa");
    const composer = await compose(editor, "در هرات بیش از چهل درصد رأی دادند.", "مشارکت در هرات");
    await composer.getByLabel("Key event").check();
    await composer.getByRole("button", { name: "Post" }).click();
    await expect(editor.getByTestId("composer-status")).toHaveText("Posted.");
    const posted = entry(editor, "در هرات");
    const text = posted.getByTestId("entry-body");
    await expect(text).toHaveAttribute("dir", "auto");
    expect(await text.locator("p").first().evaluate((p) => getComputedStyle(p).direction)).toBe("rtl");
    expect(await posted.getByRole("heading", { level: 3 }).evaluate((h) => getComputedStyle(h).direction)).toBe("rtl");
    // Another entry in English on the same desk stays left to right.
    await compose(editor, "Observers from the commission arrived.");
    await editor.getByTestId("entry-composer").getByRole("button", { name: "Save as draft" }).click();
    await expect(entry(editor, "Observers").getByTestId("entry-status")).toHaveText("Draft");
    expect(await entry(editor, "Observers").getByTestId("entry-body").locator("p").first().evaluate((p) => getComputedStyle(p).direction)).toBe("ltr");
    await expect(editor).toHaveURL(new RegExp(`${path}$`));
    for (const width of [1280, 390]) {
      await editor.setViewportSize({ width, height: 900 });
      // Nothing wider than the screen.
      expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await editor.screenshot({ path: testInfo.outputPath(`live-desk-fa-${width}.png`), fullPage: true });
    }
    await editor.goto(deskPath);
    for (const width of [1280, 390]) {
      await editor.setViewportSize({ width, height: 900 });
      await editor.screenshot({ path: testInfo.outputPath(`live-desk-${width}.png`), fullPage: true });
    }
    await editor.context().close();
  });
});
