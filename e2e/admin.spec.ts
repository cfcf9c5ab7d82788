import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { as, newsroomLocal, startStory } from "./helpers";
import { ACCOUNTS, seedFixture as f } from "./fixtures";



test("an editor marks a story breaking with an end time: one bar on every page links to it, settings shows it, and it ends on time", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const editor = await as(browser, "editor");
  const headline = `Polling stations close early ${Date.now().toString(36)}`;
  await startStory(editor, headline, "Polling stations in three districts closed two hours early.");
  await editor.getByLabel("Breaking news").check();
  // Ticking proposes an end a few hours ahead, in the newsroom's zone.
  const proposed = await editor.getByLabel(`Ends at (${f.site.timezone})`).inputValue();
  const hoursAhead = (Date.parse(`${proposed}:00Z`) - Date.parse(`${newsroomLocal(new Date())}Z`)) / 3_600_000;
  expect(hoursAhead).toBeGreaterThan(2.9);
  expect(hoursAhead).toBeLessThanOrEqual(3);
  // An end in the past is refused at the field.
  await editor.getByLabel(`Ends at (${f.site.timezone})`).fill(newsroomLocal(new Date(Date.now() - 3_600_000)).slice(0, 16));
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Already passed")).toBeVisible();
  const expiry = new Date(Math.ceil((Date.now() + 20_000) / 1000) * 1000);
  await editor.getByLabel(`Ends at (${f.site.timezone})`).fill(newsroomLocal(expiry));
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const slug = await editor.getByLabel("Slug").inputValue();
  await editor.context().close();

  const admin = await as(browser, "admin");
  await admin.goto("/dashboard/settings");
  await expect(admin.getByTestId("settings-breaking")).toContainText(headline);
  await admin.screenshot({ path: "test-results/screenshots/admin-settings.png", fullPage: true });
  // Bad input: a field error, and the typed values stay.
  await admin.getByLabel("Newsroom time zone").fill("Mars/Olympus");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByText("Use an IANA time zone name")).toBeVisible();
  await expect(admin.getByLabel("Newsroom time zone")).toHaveValue("Mars/Olympus");
  await admin.context().close();

  const home = await browser.newPage();
  for (const path of ["/", "/tag/politics", "/about"]) {
    await home.goto(path);
    await expect(home.getByTestId("breaking-bar")).toHaveCount(1);
    await expect(home.getByTestId("breaking-bar").getByRole("link", { name: headline })).toHaveAttribute("href", `/news/${slug}`);
  }
  await home.goto(`/news/${slug}`);
  await expect(home.getByTestId("breaking-label")).toBeVisible();
  await home.close();

  await new Promise((r) => setTimeout(r, Math.max(0, expiry.getTime() - Date.now())));
  let goneAfter = -1;
  while (Date.now() - expiry.getTime() < 5_000) {
    const html = await (await request.get("/tag/politics")).text();
    if (!html.includes(headline)) {
      goneAfter = Date.now() - expiry.getTime();
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(`breaking bar: gone ${goneAfter} ms after its end`);
  expect(goneAfter).toBeGreaterThanOrEqual(0);
  expect(goneAfter).toBeLessThanOrEqual(1_000);
  const story = await (await request.get(`/news/${slug}`)).text();
  expect(story).not.toContain('data-testid="breaking-label"');
});

test("editors and writers cannot open the site settings", async ({ browser }) => {
  for (const who of ["editor", "writer"] as const) {
    const page = await as(browser, who);
    expect((await page.goto("/dashboard/settings"))?.status()).toBe(403);
    await expect(page.getByTestId("no-access")).toContainText("You don’t have access to this screen");
    await page.context().close();
  }
});

test("an admin creates the guest byline 'Wire Service' and an editor credits a story to it", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/dashboard/bylines");
  await admin.getByRole("link", { name: "New byline" }).click();
  // The form's first field is the display name.
  const firstField = admin.locator("form input:not([type=hidden]), form textarea, form select").first();
  await expect(firstField).toHaveAttribute("id", "name");
  await admin.getByLabel("Display name").fill("Wire Service");
  await admin.getByLabel("Job title").fill("News agency");
  await admin.getByLabel("Short bio").fill("Reports from our agency partners.");
  await admin.getByRole("button", { name: "Create byline" }).click();
  await expect(admin).toHaveURL(/\/dashboard\/bylines$/);
  await expect(admin.getByTestId("byline-row").filter({ hasText: "Wire Service" })).toContainText("Guest / wire");
  await admin.screenshot({ path: "test-results/screenshots/admin-bylines.png", fullPage: true });
  // The same name again is a field error, not a crash.
  await admin.goto("/dashboard/bylines/new");
  await admin.getByLabel("Display name").fill("Wire Service");
  await admin.getByRole("button", { name: "Create byline" }).click();
  await expect(admin.getByText("This slug is taken.")).toBeVisible();
  await admin.context().close();

  const editor = await as(browser, "editor");
  await editor.goto("/dashboard/stories/new");
  const headline = `Agency: wheat harvest begins early ${Date.now().toString(36)}`;
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByRole("textbox", { name: "Story body" }).click();
  await editor.keyboard.insertText("Farmers in three provinces began harvesting wheat ahead of schedule.");
  for (const name of await editor.getByRole("list", { name: "Chosen bylines" }).getByRole("listitem").allTextContents()) {
    await editor.getByRole("button", { name: `Remove byline ${name.replace(/×$/, "").trim()}` }).click();
  }
  await editor.getByLabel("Add a byline").selectOption({ label: "Wire Service" });
  await editor.getByRole("button", { name: "Add", exact: true }).last().click();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const slug = await editor.getByLabel("Slug").inputValue();
  await editor.context().close();

  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByTestId("bylines")).toHaveText("By: Wire Service");
  await reader.getByRole("link", { name: "Wire Service" }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Wire Service");
  await expect(reader.getByRole("link", { name: headline })).toBeVisible();
  await reader.close();
});

test("an admin invites an editor, who signs up through the link and publishes; demoted to writer, their next publish is refused", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const email = `farid.${Date.now().toString(36)}@example.com`;
  await admin.goto("/dashboard/users");
  await admin.getByLabel("Name").fill("Farid Noori");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("editor");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  await expect(admin.getByTestId("invite-result")).toContainText(`An invitation was sent to ${email}.`);
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/signup\/[A-Za-z0-9_-]{43}$/);
  await admin.screenshot({ path: "test-results/screenshots/admin-users.png", fullPage: true });
  // Invited is not joined: the list says so until the link is used.
  await admin.reload();
  const state = admin.getByRole("row").filter({ hasText: email }).getByTestId("user-state");
  await expect(state).toHaveText("Invited, not joined yet");

  // The new editor, in a fresh browser.
  const context = await browser.newContext();
  const farid = await context.newPage();
  await farid.goto(link);
  await expect(farid.getByText(`Farid Noori · ${email}`)).toBeVisible();
  await farid.getByLabel("New password").fill("farid's long password");
  await farid.getByLabel("Repeat the password").fill("farid's long password");
  await farid.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(farid).toHaveURL(/\/dashboard$/);
  await expect(farid.getByTestId("viewer")).toContainText("Farid Noori · Editor");
  await admin.reload();
  await expect(state).toHaveText("Active");

  // The link works once.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await again.close();

  await farid.goto("/dashboard/stories/new");
  const headline = `Council budget hearing set ${Date.now().toString(36)}`;
  await farid.getByLabel("Headline").fill(headline);
  await farid.getByRole("textbox", { name: "Story body" }).click();
  await farid.keyboard.insertText("The hearing will be held on Thursday.");
  await farid.getByRole("button", { name: "Publish" }).click();
  await expect(farid.getByTestId("story-status")).toHaveText("Published");
  await expect(farid.getByTestId("bylines").or(farid.getByRole("list", { name: "Chosen bylines" }))).toContainText("Farid Noori");

  // He opens a new story; meanwhile the admin demotes him to writer.
  await farid.goto("/dashboard/stories/new");
  await farid.getByLabel("Headline").fill(`${headline} (second)`);
  await admin.reload();
  const row = admin.getByTestId("user-row").filter({ hasText: email });
  await row.getByLabel("Role of Farid Noori", { exact: true }).selectOption("writer");
  await row.getByRole("button", { name: "Save role of Farid Noori" }).click();
  await expect(row).toContainText("Role saved.");

  // His page still shows Publish, but the server refuses it: the role comes from the database.
  await farid.getByRole("button", { name: "Publish" }).click();
  await expect(farid.getByTestId("save-status")).toHaveText("Your role cannot do that.");
  await farid.reload();
  await expect(farid.getByTestId("viewer")).toContainText("Writer");
  await expect(farid.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await admin.context().close();
  await context.close();
});

test("the audit log says who did what in words, links to it, and shows only the fields that changed", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const tag = `Audit desk ${stamp}`;
  await editor.goto("/dashboard/tags");
  await editor.getByLabel("Tag name").fill(tag);
  await editor.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByTestId("tag-status-new")).toHaveText(`Tag "${tag}" created.`);
  await editor.getByTestId("tag-row").filter({ hasText: tag }).getByRole("link", { name: tag }).click();
  await editor.waitForLoadState("networkidle");
  await editor.getByLabel("Section (in the site navigation)").check();
  await editor.getByLabel("Order").fill("7");
  await editor.getByRole("button", { name: "Save tag" }).click();
  await expect(editor.getByTestId("tag-status-edit")).toHaveText("Tag saved.");
  const headline = `Footbridge reopens in Herat ${stamp}`;
  await startStory(editor, headline, "The footbridge over the Hari River reopened on Monday.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const storyPath = new URL(editor.url()).pathname;
  await editor.context().close();

  const admin = await as(browser, "admin");
  await admin.goto("/dashboard/audit");
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const rows = admin.getByTestId("audit-row");
  const published = rows.filter({ hasText: `published “${headline}”` });
  await expect(published.getByTestId("audit-sentence")).toHaveText(`${ACCOUNTS.editor.name} published “${headline}”`);
  await expect(published.getByRole("link", { name: `“${headline}”` })).toHaveAttribute("href", storyPath);
  const tagRow = rows.filter({ hasText: `changed the tag “${tag}”` });
  await expect(tagRow.getByTestId("audit-changes")).toContainText("In the section menu: no → yes");
  await expect(tagRow.getByTestId("audit-changes")).toContainText("Position in the section menu: 0 → 7");
  // Only what changed: the name and slug stayed.
  await expect(tagRow.getByTestId("audit-changes")).not.toContainText("Name:");
  await expect(tagRow.getByTestId("audit-changes")).not.toContainText("Slug:");
  // No code names or raw JSON anywhere.
  const page = (await admin.locator("main").textContent()) ?? "";
  expect(page).not.toMatch(/story\.publish|tag\.update|\{"/);
  await admin.screenshot({ path: "test-results/screenshots/admin-audit.png", fullPage: true });

  await admin.getByLabel("Action").selectOption({ label: "Signed in" });
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/action=auth.sign_in/);
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.getByTestId("audit-sentence").allTextContents()) expect(text).toMatch(/ signed in$/);
  await admin.context().close();
  const other = await as(browser, "editor");
  expect((await other.goto("/dashboard/audit"))?.status()).toBe(403);
  await other.context().close();
});

test("an editor marks a section for the navigation and creates a tag; writers cannot manage tags", async ({ browser }) => {
  const editor = await as(browser, "editor");
  const name = `Weather ${Date.now().toString(36)}`;
  await editor.goto("/dashboard/tags");
  await editor.getByLabel("Tag name").fill(name);
  await editor.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByTestId("tag-status-new")).toHaveText(`Tag "${name}" created.`);
  await expect(editor.getByTestId("tag-row").filter({ hasText: name })).toBeVisible();
  // The same name in other case and spacing is a field error, not a second tag.
  await editor.getByLabel("Tag name").fill(`  ${name.toUpperCase()} `);
  await editor.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByText("A tag with this name exists.")).toBeVisible();
  // Fixing the field takes its error away at once; sending the same name again brings it back.
  await editor.getByLabel("Tag name").fill(`${name} forecast`);
  await expect(editor.getByText("A tag with this name exists.")).toBeHidden();
  await editor.getByLabel("Tag name").fill(name);
  await editor.getByRole("button", { name: "Create tag" }).click();
  await expect(editor.getByText("A tag with this name exists.")).toBeVisible();
  await editor.screenshot({ path: "test-results/screenshots/admin-tags.png", fullPage: true });

  await editor.getByTestId("tag-row").filter({ hasText: /^Politics/ }).getByRole("link", { name: "Politics" }).click();
  await expect(editor).toHaveURL(/\/dashboard\/tags\/[0-9a-f-]{36}$/);
  // Let the page hydrate first: a tick set before hydration can be reset by it.
  await editor.waitForLoadState("networkidle");
  await editor.getByLabel("Section (in the site navigation)").check();
  await editor.getByLabel("Order").fill("1");
  await editor.getByRole("button", { name: "Save tag" }).click();
  await expect(editor.getByTestId("tag-status-edit")).toHaveText("Tag saved.");
  await editor.goto("/dashboard/tags");
  await expect(editor.getByTestId("tag-row").filter({ hasText: /^Politics/ })).toContainText("Yes (1)");
  await editor.context().close();

  const reader = await browser.newPage();
  await reader.goto("/");
  await expect(reader.getByRole("navigation", { name: "Sections" }).getByRole("link").first()).toHaveText("Politics");
  await reader.close();

  const writer = await as(browser, "writer");
  expect((await writer.goto("/dashboard/tags"))?.status()).toBe(403);
  await writer.context().close();
});

test("an editor merges one tag into another from the desk", async ({ browser }) => {
  const editor = await as(browser, "editor");
  const suffix = Date.now().toString(36);
  await editor.goto("/dashboard/tags");
  for (const name of [`Polls ${suffix}`, `Elections ${suffix}`]) {
    await editor.getByLabel("Tag name").fill(name);
    await editor.getByRole("button", { name: "Create tag" }).click();
    await expect(editor.getByTestId("tag-status-new")).toHaveText(`Tag "${name}" created.`);
  }
  await editor.reload();
  await editor.getByTestId("tag-row").getByRole("link", { name: `Polls ${suffix}` }).click();
  await editor.waitForLoadState("networkidle");
  await editor.getByLabel("Merge into").selectOption({ label: `Elections ${suffix}` });
  editor.once("dialog", (d) => void d.accept());
  await editor.getByRole("button", { name: "Merge" }).click();
  await expect(editor).toHaveURL(/\/dashboard\/tags$/);
  await expect(editor.getByTestId("tag-row").filter({ hasText: `Polls ${suffix}` })).toHaveCount(0);
  await expect(editor.getByTestId("tag-row").filter({ hasText: `Elections ${suffix}` })).toHaveCount(1);
  await editor.context().close();
});

test("an admin uploads the logo through the media library: the header shows it, and removing it brings back the name alone", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/dashboard/settings");
  await admin.getByRole("button", { name: "Choose from the media library" }).click();
  const picker = admin.getByRole("dialog", { name: "Choose the logo" });
  const logo = await sharp({ create: { width: 600, height: 200, channels: 4, background: { r: 159, g: 29, b: 32, alpha: 1 } } }).png().toBuffer();
  await picker.getByLabel("Photo files").setInputFiles({ name: `masthead-${Date.now().toString(36)}.png`, mimeType: "image/png", buffer: logo });
  await expect(picker).toHaveCount(0);
  const address = await admin.getByLabel("Logo address").inputValue();
  expect(address).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
  await expect(admin.getByTestId("logo-preview")).toHaveAttribute("src", address);
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByTestId("settings-status")).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto("/");
  const img = reader.locator("body > header img");
  await expect(img).toHaveAttribute("src", address);
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(600);

  await admin.getByRole("button", { name: "Remove logo" }).click();
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect
    .poll(async () => {
      await reader.goto("/");
      return reader.locator("body > header img").count();
    })
    .toBe(0);
  await reader.close();
  await admin.context().close();
});
