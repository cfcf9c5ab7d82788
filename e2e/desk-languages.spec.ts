/**
 * The desk's forms for other languages: the site's editions and its texts per language in
 * the settings, a tag's and a byline's names per language. The settings changed here are
 * put back at the end as they were (the demo newsroom's editions and Dari name): later specs
 * share the database.
 */
import { expect, test, type Page } from "@playwright/test";
import { as } from "./helpers";

const DARI_SITE_NAME = "خبرگزاری آزمایشی";

/** The settings' edition boxes and Dari site name as this spec found them. */
interface EditionState {
  fa: boolean;
  ps: boolean;
  dariName: string;
}

/** Opens the Dari texts' fold if it is closed (it opens by itself when they have values). */
async function openDariTexts(admin: Page): Promise<void> {
  const dari = admin.getByTestId("edition-fa");
  if (!(await dari.locator("details").evaluate((d: HTMLDetailsElement) => d.open))) await dari.locator("summary").click();
}

/** Reads the edition boxes and the Dari site name from the settings screen. */
async function readSettings(admin: Page): Promise<EditionState> {
  await admin.goto("/dashboard/settings");
  await admin.waitForLoadState("networkidle");
  const checked = (code: string) => admin.getByTestId(`edition-${code}`).getByRole("checkbox").isChecked();
  await openDariTexts(admin);
  return { fa: await checked("fa"), ps: await checked("ps"), dariName: await admin.getByLabel("Site name in Dari", { exact: true }).inputValue() };
}

/** The settings' edition boxes and Dari site name back to `state`, then saved. */
async function restoreSettings(admin: Page, state: EditionState): Promise<void> {
  await admin.goto("/dashboard/settings");
  await admin.waitForLoadState("networkidle");
  for (const code of ["fa", "ps"] as const) await admin.getByTestId(`edition-${code}`).getByRole("checkbox").setChecked(state[code]);
  await openDariTexts(admin);
  await admin.getByLabel("Site name in Dari", { exact: true }).fill(state.dariName);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByTestId("settings-status")).toHaveText("Settings saved. The public site shows them now.");
}

test("an admin turns on the Dari and Pashto editions and names the site in Dari; a too-long name is an error at its field that keeps the text", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const before = await readSettings(admin);
  try {
    await admin.goto("/dashboard/settings");
    await admin.waitForLoadState("networkidle");
    const editions = admin.getByTestId("language-editions");
    await expect(admin.getByRole("group", { name: "Language editions" })).toBeVisible();
    // No box for the default language: its edition is the main site.
    const defaultLanguage = await admin.getByLabel("Default language of new stories").inputValue();
    await expect(admin.getByTestId(`edition-${defaultLanguage}`)).toBeHidden();
    await expect(editions.getByText("Publish a Dari (دری) edition at /fa")).toBeVisible();

    await editions.getByLabel("Publish a Dari (دری) edition at /fa").check();
    await editions.getByLabel("Publish a Pashto (پښتو) edition at /ps").check();
    // The Dari texts are folded away until opened; each input is typed right to left in Dari.
    await openDariTexts(admin);
    const dariName = admin.getByLabel("Site name in Dari", { exact: true });
    await expect(dariName).toHaveAttribute("lang", "fa");
    await expect(dariName).toHaveAttribute("dir", "rtl");
    // Its placeholder is the default-language name readers get while it is empty.
    // (isolated, so an English name keeps its order in the right-to-left field).
    await expect(dariName).toHaveAttribute("placeholder", `\u2068${await admin.getByLabel("Site name", { exact: true }).inputValue()}\u2069`);
    await dariName.fill(DARI_SITE_NAME);
    for (const width of [1280, 390]) {
      await admin.setViewportSize({ width, height: 900 });
      await editions.screenshot({ path: `test-results/screenshots/settings-editions-${width}.png` });
    }
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByTestId("settings-status")).toHaveText("Settings saved. The public site shows them now.");

    // Shown again as saved, on a fresh load: boxes ticked, the Dari texts open with the name.
    await admin.reload();
    await expect(admin.getByLabel("Publish a Dari (دری) edition at /fa")).toBeChecked();
    await expect(admin.getByLabel("Publish a Pashto (پښتو) edition at /ps")).toBeChecked();
    await expect(admin.getByLabel("Site name in Dari", { exact: true })).toBeVisible();
    await expect(admin.getByLabel("Site name in Dari", { exact: true })).toHaveValue(DARI_SITE_NAME);

    // 121 characters: the error shows at that field, and what was typed stays, boxes included.
    await admin.waitForLoadState("networkidle");
    const tooLong = "ن".repeat(121);
    await admin.getByLabel("Site name in Dari", { exact: true }).fill(tooLong);
    await admin.getByRole("button", { name: "Save settings" }).click();
    const field = admin.getByLabel("Site name in Dari", { exact: true });
    await expect(admin.locator("#settings-siteName-fa-error")).toBeVisible();
    await expect(admin.locator("#settings-siteName-fa-error")).toHaveText("Keep the site name under 120 characters.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue(tooLong);
    await expect(admin.getByLabel("Publish a Dari (دری) edition at /fa")).toBeChecked();
    await expect(admin.getByLabel("Publish a Pashto (پښتو) edition at /ps")).toBeChecked();
    await admin.getByTestId("language-editions").screenshot({ path: "test-results/screenshots/settings-editions-error.png" });
    // Nothing was saved by the failed attempt.
    await admin.reload();
    await expect(admin.getByLabel("Site name in Dari", { exact: true })).toHaveValue(DARI_SITE_NAME);
  } finally {
    await restoreSettings(admin, before);
  }
  await expect(admin.getByLabel("Publish a Dari (دری) edition at /fa")).toBeChecked({ checked: before.fa });
  await expect(admin.getByLabel("Site name in Dari", { exact: true })).toHaveValue(before.dariName);
  await admin.context().close();
});

test("an editor gives a tag a Pashto name: the Tags list shows it next to the name", async ({ browser }) => {
  const editor = await as(browser, "editor");
  const name = `Drought ${Date.now().toString(36)}`;
  await editor.goto("/dashboard/tags");
  await editor.getByLabel("Tag name").fill(name);
  await editor.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByTestId("tag-status-new")).toHaveText(`Tag "${name}" created.`);
  await editor.getByTestId("tag-row").getByRole("link", { name }).click();
  await expect(editor).toHaveURL(/\/dashboard\/tags\/[0-9a-f-]{36}$/);
  await editor.waitForLoadState("networkidle");

  await editor.getByText("Other languages").click();
  const pashto = editor.getByLabel("Name in Pashto", { exact: true });
  await expect(pashto).toHaveAttribute("lang", "ps");
  await expect(pashto).toHaveAttribute("dir", "rtl");
  await expect(editor.getByLabel("Name in English", { exact: true })).toHaveAttribute("dir", "ltr");
  await expect(editor.getByLabel("Description in Dari", { exact: true })).toBeVisible();
  await pashto.fill("وچکالي");
  for (const width of [1280, 390]) {
    await editor.setViewportSize({ width, height: 900 });
    await editor.locator("form").filter({ has: pashto }).screenshot({ path: `test-results/screenshots/tag-languages-${width}.png` });
  }
  await editor.setViewportSize({ width: 1280, height: 900 });
  await editor.getByRole("button", { name: "Save tag" }).click();
  await expect(editor.getByTestId("tag-status-edit")).toHaveText("Tag saved.");

  await editor.goto("/dashboard/tags");
  const row = editor.getByTestId("tag-row").filter({ hasText: name });
  const shown = row.getByTestId("tag-translations").getByText("وچکالي");
  await expect(shown).toBeVisible();
  await expect(shown).toHaveAttribute("lang", "ps");
  await expect(shown).toHaveAttribute("dir", "rtl");
  await row.screenshot({ path: "test-results/screenshots/tag-row-translated.png" });
  // Back on the form, the Pashto name is there and its languages are open.
  await row.getByRole("link", { name }).click();
  await expect(editor.getByLabel("Name in Pashto", { exact: true })).toHaveValue("وچکالي");
  await editor.context().close();
});

test("an admin gives a byline a Dari name", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const name = `Guest Reporter ${Date.now().toString(36)}`;
  await admin.goto("/dashboard/bylines/new");
  await admin.getByLabel("Display name").fill(name);
  await admin.getByRole("button", { name: "Create byline" }).click();
  await expect(admin).toHaveURL(/\/dashboard\/bylines$/);
  await admin.getByTestId("byline-row").getByRole("link", { name }).click();
  await expect(admin).toHaveURL(/\/dashboard\/bylines\/[0-9a-f-]{36}$/);
  await admin.waitForLoadState("networkidle");

  await admin.getByText("Other languages").click();
  const dari = admin.getByLabel("Name in Dari", { exact: true });
  await expect(dari).toHaveAttribute("dir", "rtl");
  await dari.fill("گزارشگر مهمان");
  await admin.getByLabel("Job title in Dari", { exact: true }).fill("خبرنگار");
  await admin.getByRole("button", { name: "Save byline" }).click();
  await expect(admin.getByTestId("byline-status")).toHaveText("Byline saved.");

  await admin.reload();
  await expect(admin.getByLabel("Name in Dari", { exact: true })).toHaveValue("گزارشگر مهمان");
  await expect(admin.getByLabel("Job title in Dari", { exact: true })).toHaveValue("خبرنگار");
  await admin.goto("/dashboard/bylines");
  await expect(admin.getByTestId("byline-row").filter({ hasText: name }).getByTestId("byline-translations")).toHaveText("گزارشگر مهمان");
  await admin.context().close();
});
