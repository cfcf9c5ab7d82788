import { expect, test, type Page } from "@playwright/test";
import { as, draftStory, newsroomLocal, refuseBrowserDialogs, scheduleOpenStory, msUntilSeen } from "./helpers";

/** Opens the editor's "Preview" link (a new tab) and waits for the page. */
async function openPreview(page: Page): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Preview", exact: true }).click()]);
  await tab.waitForLoadState();
  return tab;
}

test("a draft, a story in review and a scheduled story preview as readers will see them, marked, never indexed or stored", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const writer = await as(browser, "writer");
  const headline = `Teachers' pay talks resume ${stamp}`;
  const slug = await draftStory(writer, headline, "Negotiators met again on Sunday after a two-week pause.");

  const draft = await openPreview(writer);
  await expect(draft.getByTestId("preview-banner")).toContainText("Preview — not published");
  await expect(draft.getByTestId("preview-banner")).toContainText("A draft. Readers cannot see it.");
  await expect(draft.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(draft.getByTestId("article-body")).toContainText("after a two-week pause");
  await expect(draft.getByTestId("about-box")).toBeVisible();
  await expect(draft.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  const headers = (await writer.request.get(new URL(draft.url()).pathname)).headers();
  expect(headers["cache-control"]).toBe("private, no-store");
  expect(headers["x-robots-tag"]).toContain("noindex");
  await draft.close();
  // Readers still get a 404, and a signed-out visitor of the preview address is sent to sign in.
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  const previewPath = `/dashboard/stories/${new URL(writer.url()).pathname.split("/")[3]}/preview`;
  const anonymous = await request.get(previewPath, { maxRedirects: 0 });
  expect([303, 307]).toContain(anonymous.status());
  expect(anonymous.headers().location).toContain("/login?next=");

  await writer.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.getByTestId("story-status")).toHaveText("In review");
  const inReview = await openPreview(writer);
  await expect(inReview.getByTestId("preview-banner")).toContainText("Waiting for review.");
  await inReview.close();
  await writer.context().close();

  const editor = await as(browser, "editor");
  await editor.goto(`/dashboard${previewPath.replace("/dashboard", "").replace("/preview", "")}`);
  await scheduleOpenStory(editor, new Date(Date.now() + 3 * 24 * 3_600_000));
  const scheduled = await openPreview(editor);
  await expect(scheduled.getByTestId("preview-banner")).toContainText(/Scheduled for .+\(Asia\/Kabul\)\. Readers cannot see it yet\./);
  await expect(scheduled.getByRole("heading", { level: 1 })).toHaveText(headline);
  await scheduled.close();
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
  await editor.context().close();
});

test("a preview link opens the story without signing in, shows its use on the desk, and stops when revoked", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const headline = `Exclusive: the budget draft ${stamp}`;
  await draftStory(editor, headline, "The draft budget cuts provincial transfers by a tenth.");
  const panel = editor.getByTestId("preview-links");
  await panel.getByText("Preview links", { exact: true }).click();
  await panel.getByLabel("For whom (optional)").fill("for Pajhwok");
  await panel.getByLabel("Works for").selectOption("3");
  await panel.getByRole("button", { name: "Create preview link" }).click();
  const field = panel.getByLabel("Preview link", { exact: true });
  await expect(field).toHaveValue(/\/preview\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
  const link = await field.inputValue();

  const partner = await browser.newContext();
  const visit = await partner.newPage();
  const response = await visit.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(visit.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(visit.getByTestId("preview-banner")).toContainText("Preview — not published");

  await editor.reload();
  await panel.getByText("Preview links", { exact: true }).click();
  const row = editor.getByTestId("preview-link-row").filter({ hasText: "for Pajhwok" });
  await expect(row).toContainText("opened 1 time");
  await row.getByRole("button", { name: "Revoke preview link for Pajhwok" }).click();
  await expect(editor.getByTestId("preview-links-status")).toContainText("Preview link revoked");
  await expect(row).toContainText("Revoked");

  const dead = await visit.goto(link);
  expect(dead?.status()).toBe(404);
  await expect(visit.getByRole("heading", { level: 1 })).not.toHaveText(headline);
  await partner.close();
  await editor.context().close();
});

test("an embargoed story refuses 'Publish now', and its preview link says EMBARGOED until the time in the newsroom's zone", async ({ browser, request }) => {
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const headline = `Inflation figures under embargo ${stamp}`;
  const slug = await draftStory(editor, headline, "Prices rose by four per cent in the year to October.");
  const embargo = new Date(Date.now() + 2 * 24 * 3_600_000);
  await editor.getByLabel("Embargo until (Asia/Kabul)").fill(newsroomLocal(embargo).slice(0, 16));
  await editor.getByRole("button", { name: "Save draft" }).click();
  await expect(editor.getByTestId("save-status")).toContainText("Saved");

  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("save-status")).toContainText("This story is embargoed until");
  await expect(editor.getByTestId("save-status")).toContainText("(Asia/Kabul): it cannot be published before then.");
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);

  const panel = editor.getByTestId("preview-links");
  await panel.getByText("Preview links", { exact: true }).click();
  await panel.getByRole("button", { name: "Create preview link" }).click();
  const link = await panel.getByLabel("Preview link", { exact: true }).inputValue();
  const partner = await browser.newContext();
  const visit = await partner.newPage();
  await visit.goto(link);
  await expect(visit.getByTestId("preview-banner")).toContainText(/EMBARGOED until .+ \(Asia\/Kabul\)\./);
  await partner.close();
  await editor.context().close();
});

test("the live preview follows what is typed, at phone and desktop widths and right to left, without saving", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const writer = await as(browser, "writer");
  await draftStory(writer, `Road to Bamyan reopens ${stamp}`, "Snow closed the road for nine days.");
  await writer.getByRole("button", { name: "Live preview" }).click();
  const frame = writer.frameLocator('[data-testid="live-preview-frame"]');
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(`Road to Bamyan reopens ${stamp}`);
  await writer.getByLabel("Headline").fill(`Road to Bamyan reopens after snow ${stamp}`);
  const typed = Date.now();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(`Road to Bamyan reopens after snow ${stamp}`, { timeout: 5000 });
  console.log(`live preview: headline shown ${Date.now() - typed} ms after typing`);
  await expect(writer.getByTestId("live-preview-frame")).toHaveAttribute("width", "390");
  await writer.getByLabel("Desktop (1280 px)").check();
  await expect(writer.getByTestId("live-preview-frame")).toHaveAttribute("width", "1280");
  await writer.getByLabel("Language").selectOption("fa");
  await expect(frame.getByTestId("article")).toHaveAttribute("dir", "rtl");
  // Nothing was saved: the editor still says so, and the stored headline is the old one.
  await expect(writer.getByTestId("save-status")).toContainText("Unsaved changes");
  const preview = await writer.request.get(`/dashboard/stories/${new URL(writer.url()).pathname.split("/")[3]}/preview`);
  expect(await preview.text()).toContain(`Road to Bamyan reopens ${stamp}`);
  await writer.screenshot({ path: "test-results/screenshots/live-preview.png", fullPage: true });
  await writer.context().close();
});

test("pending changes of a live story stay off every public output, preview as such, and go out within 1 s of their scheduled instant", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  refuseBrowserDialogs(editor);
  const headline = `Airport runway works begin ${stamp}`;
  const slug = await draftStory(editor, headline, "Work on the runway starts on Monday.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");

  const changed = `Airport runway works delayed ${stamp}`;
  await editor.getByLabel("Headline").fill(changed);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await editor.getByRole("button", { name: "Keep as pending changes" }).click();
  const panel = editor.getByTestId("pending-panel");
  await expect(panel).toBeVisible();
  await expect(editor.getByLabel("Headline")).toHaveValue(changed);

  // Readers keep the published version everywhere.
  const page = await request.get(`/news/${slug}`);
  expect(await page.text()).toContain(headline);
  expect(await page.text()).not.toContain(changed);
  expect(await (await request.get("/")).text()).not.toContain(changed);
  expect(await (await request.get("/feed.xml")).text()).not.toContain(changed);

  const [tab] = await Promise.all([editor.context().waitForEvent("page"), panel.getByRole("link", { name: "Preview pending changes" }).click()]);
  await expect(tab.getByTestId("preview-banner")).toContainText("Preview of pending changes");
  await expect(tab.getByRole("heading", { level: 1 })).toHaveText(changed);
  await tab.close();
  // The editor's own "Preview" link shows the pending changes too.
  await expect(editor.getByTestId("preview-link")).toHaveAttribute("href", /\/preview\?pending=1$/);

  const instant = new Date(Math.ceil((Date.now() + 15_000) / 1000) * 1000);
  await panel.getByLabel("Or at (Asia/Kabul)").fill(newsroomLocal(instant));
  await panel.getByRole("button", { name: "Schedule changes" }).click();
  await expect(editor.getByTestId("pending-scheduled")).toContainText("as a minor edit");
  await editor.context().close();
  expect(await (await request.get(`/news/${slug}`)).text()).not.toContain(changed);
  expect(Date.now()).toBeLessThan(instant.getTime());

  const lag = await msUntilSeen(instant, async () => (await (await request.get(`/news/${slug}`, { headers: { "cache-control": "no-cache" } })).text()).includes(changed));
  console.log(`pending changes: public ${lag} ms after their instant`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(1_000);
  expect(await (await request.get("/")).text()).toContain(changed);
});
