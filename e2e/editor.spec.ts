import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { as, draftStory, refuseBrowserDialogs, startStory } from "./helpers";

test("the link editor takes addresses by the one rule, shows refusals at the field, and edits, opens and removes links", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  await startStory(page, `Link rules ${Date.now().toString(36)}`, "See the report");
  for (let i = 0; i < "report".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Control+k");
  const field = page.getByLabel("Link address");
  await expect(field).toBeFocused();
  await field.fill("the report");
  await field.press("Enter");
  await expect(field).toHaveAccessibleDescription("Use a full web address (https://…), mailto:, tel: or a path on this site starting with /.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await field.fill("example.org/report");
  await field.press("Enter");
  await expect(field).toHaveAccessibleDescription("Write the full address: https://example.org/report");
  await field.fill("www.example.org/report");
  await field.press("Enter");
  const body = page.getByRole("textbox", { name: "Story body" });
  await expect(body.getByRole("link", { name: "report" })).toHaveAttribute("href", "https://www.example.org/report");

  // The caret inside the link shows its bar: its address, Edit, Open and Remove.
  await body.getByRole("link", { name: "report" }).click();
  const bar = page.getByRole("group", { name: "Link" });
  await expect(bar).toContainText("https://www.example.org/report");
  await expect(bar.getByRole("link", { name: "Open link" })).toHaveAttribute("href", "https://www.example.org/report");
  await bar.getByRole("button", { name: "Edit link" }).click();
  await expect(field).toHaveValue("https://www.example.org/report");
  await field.fill("/news/the-report");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(body.getByRole("link", { name: "report" })).toHaveAttribute("href", "/news/the-report");
  await body.getByRole("link", { name: "report" }).click();
  await bar.getByRole("button", { name: "Remove link" }).click();
  await expect(body.getByRole("link")).toHaveCount(0);
  await expect(body).toHaveText("See the report");
  await page.context().close();
});

test("the formatting toolbar is one Tab stop, and the arrow keys move along it", async ({ browser }) => {
  const page = await as(browser, "editor");
  await draftStory(page, `Toolbar keys ${Date.now().toString(36)}`, "Body text");
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await toolbar.getByRole("button", { name: "Bold" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Italic" })).toBeFocused();
  await page.keyboard.press("End");
  // End stops on the last enabled button: Undo (nothing to redo yet).
  await expect(toolbar.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(toolbar.getByRole("button", { name: "Bold" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(toolbar.locator("button:focus")).not.toHaveAccessibleName("Bold");
  // Tab leaves the toolbar for the body in one step.
  await page.keyboard.press("Home");
  await page.keyboard.press("Tab");
  await expect(toolbar.locator("button:focus")).toHaveCount(0);
  await page.context().close();
});

/** Dispatches a paste of `html` (and its plain text) into the story body, as the clipboard would. */
async function pasteHtml(page: import("@playwright/test").Page, html: string) {
  await page.getByRole("textbox", { name: "Story body" }).evaluate((el, clip) => {
    const data = new DataTransfer();
    data.setData("text/html", clip);
    data.setData("text/plain", clip.replace(/<[^>]+>/g, ""));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

for (const [source, file] of [
  ["Word", "word-lists.html"],
  ["Google Docs", "google-docs.html"],
] as const) {
  test(`paste from ${source} keeps lists, nesting, bold, italic and links, and drops office styling`, async ({ browser }) => {
    const page = await as(browser, "editor");
    await startStory(page, `Pasted from ${source} ${Date.now().toString(36)}`, "");
    await pasteHtml(page, fs.readFileSync(`test/fixtures/paste/${file}`, "utf8"));
    const body = page.getByRole("textbox", { name: "Story body" });
    await expect(body.locator("li li").first()).toBeVisible();
    await expect(body.locator("[style], [class*='Mso'], font, span")).toHaveCount(0);
    await expect(body.locator("strong").first()).toBeVisible();
    await expect(body.locator("a[href^='https://']").first()).toBeVisible();
    await expect(body.locator("p").filter({ hasText: /^\s*(\d+\.|·|o)\s/ })).toHaveCount(0);
    if (source === "Word") {
      await expect(body.locator("ol > li")).toHaveCount(3);
      await expect(body.locator("ol > li").first().locator("ul > li")).toHaveCount(2);
      await expect(body.getByText("شورای شهر ساخت پل را تأیید کرد.")).toHaveAttribute("dir", "auto");
    } else {
      await expect(body.locator("ul > li").first().locator("ul > li")).toHaveText("A tazkira or a passport");
      await expect(body.locator("em").first()).toHaveText(/local time/);
    }
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Saved");
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Story body" }).locator("li li").first()).toBeVisible();
    await page.context().close();
  });
}

test("typing gives curly quotes, dashes and ellipses in English, « » and ، ؟ in Dari, and counts words as you go", async ({ browser }) => {
  const page = await as(browser, "editor");
  await startStory(page, `Typography ${Date.now().toString(36)}`, "");
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.type(`"Water," he said -- it's here...`);
  await expect(body.locator("p").first()).toHaveText("“Water,” he said — it’s here…");
  await expect(page.getByTestId("body-stats")).toHaveText("5 words · 1 minute to read");
  // Backspace right after a replacement gives back what was typed.
  await page.keyboard.type(` "`);
  await page.keyboard.press("Backspace");
  await expect(body.locator("p").first()).toHaveText("“Water,” he said — it’s here… \"");

  await page.getByLabel("Language").selectOption("fa");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`"آب" رسید, نه?`);
  await expect(body.locator("p").nth(1)).toHaveText("«آب» رسید، نه؟");
  // After a digit the comma stays a comma.
  await page.keyboard.type(" 3,000");
  await expect(body.locator("p").nth(1)).toHaveText("«آب» رسید، نه؟ 3,000");
  await page.context().close();
});

test("an editor field's error hides as soon as the field is edited, and comes back if the next save gives it again", async ({ browser }) => {
  const page = await as(browser, "editor");
  await startStory(page, "x", "A body without a headline.");
  await page.getByLabel("Headline").fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  const error = page.locator("#title-error");
  await expect(error).toHaveText("A headline is required.");
  await page.getByLabel("Headline").fill("F");
  await expect(error).toHaveCount(0);
  await page.getByLabel("Headline").fill(" ");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(error).toHaveText("A headline is required.");
  await page.context().close();
});
