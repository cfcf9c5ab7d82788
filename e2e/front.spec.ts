import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { as, draftStory, newsroomLocal, startStory, unpublishOpenStory, msUntilSeen } from "./helpers";

test("an editor pins a story as the lead: it leads on the next request, leaves when unpublished, and a timed pin ends at its instant", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const older = `Province opens three new clinics ${stamp}`;
  await draftStory(editor, older, "Three clinics opened in the province on Sunday.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const olderUrl = editor.url();
  const newer = `Short item: road reopened ${stamp}`;
  await draftStory(editor, newer, "The road is open again.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const lead = async () => (await (await request.get("/")).text()).split('data-testid="lead-story"')[1]?.split("</section>")[0] ?? "";
  expect(await lead()).toContain(newer);

  await editor.goto("/dashboard/front");
  const leadSlot = editor.getByTestId("front-slot").first();
  await expect(leadSlot).toContainText("Automatic: the newest story");
  await leadSlot.getByLabel("Pin a story here").selectOption({ label: older });
  await leadSlot.getByRole("button", { name: "Pin" }).click();
  await expect(editor.getByTestId("front-status")).toContainText("Pinned to the lead story position.");
  await expect(leadSlot.getByTestId("front-slot-title")).toHaveText(older);
  await expect(leadSlot).toContainText("Pinned by");
  expect(await lead()).toContain(older);

  // Unpublished: it leaves the front at once, and the newest story leads again.
  await editor.goto(olderUrl);
  await unpublishOpenStory(editor);
  expect(await lead()).toContain(newer);
  expect(await (await request.get("/")).text()).not.toContain(older);

  // A pin with an end: the newer story pinned for a few seconds, then the front falls back.
  const third = `Weather: rain expected tonight ${stamp}`;
  await draftStory(editor, third, "Rain is expected after dark.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  expect(await lead()).toContain(third);
  await editor.goto("/dashboard/front");
  const end = new Date(Math.ceil((Date.now() + 12_000) / 1000) * 1000);
  await leadSlot.getByLabel("Pin a story here").selectOption({ label: newer });
  await leadSlot.getByLabel("Until (Asia/Kabul, optional)").fill(newsroomLocal(end));
  await leadSlot.getByRole("button", { name: "Pin" }).click();
  await expect(leadSlot).toContainText("Pinned until");
  await editor.context().close();
  expect(await lead()).toContain(newer);
  expect(Date.now()).toBeLessThan(end.getTime());
  const lag = await msUntilSeen(end, async () => (await lead()).includes(third));
  console.log(`front page: timed pin ended ${lag} ms after its instant`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(1_000);
});

test("writers have no front page screen", async ({ browser }) => {
  const writer = await as(browser, "writer");
  const res = await writer.goto("/dashboard/front");
  expect(res?.status()).toBe(403);
  await expect(writer.getByRole("link", { name: "Front page" })).toHaveCount(0);
  await writer.context().close();
});

/** Publishes a new story from the desk (with tags, breaking if asked). @returns its headline. */
async function publishStory(page: Page, headline: string, o: { tags?: string[]; breaking?: boolean } = {}): Promise<string> {
  await startStory(page, headline, `${headline}: the first paragraph.`);
  for (const tag of o.tags ?? []) {
    await page.getByLabel("Add a tag").fill(tag);
    await page.getByLabel("Add a tag").press("Enter");
  }
  if (o.breaking) await page.getByLabel("Breaking news").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  return headline;
}

/** The reader front page's lead story's HTML. */
const frontLead = async (request: APIRequestContext) => (await (await request.get("/")).text()).split('data-testid="lead-story"')[1]?.split("</section>")[0] ?? "";

/** The names of the reader front page's section blocks, in order. */
async function frontBlocks(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get("/")).text();
  return html
    .split('data-testid="section-block"')
    .slice(1)
    .map((block) => /<a [^>]*>([^<]+)<\/a>/.exec(block)?.[1]?.trim() ?? "");
}

test("an editor pins the lead of a section page: it leads /tag/<slug> on the next request, is not repeated below, and unpinning restores newest first", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const older = await publishStory(editor, `Vaccination drive reaches Paghman ${stamp}`, { tags: ["Health"] });
  const newer = await publishStory(editor, `Hospital adds night shift ${stamp}`, { tags: ["Health"] });
  const tagPage = async () => (await request.get("/tag/health")).text();
  const sectionLead = (html: string) => html.split('data-testid="section-lead"')[1]?.split("</section>")[0] ?? "";
  const list = (html: string) => html.split('data-testid="story-list"')[1] ?? "";
  expect(sectionLead(await tagPage())).toBe("");
  expect(list(await tagPage())).toContain(newer);

  await editor.goto("/dashboard/front");
  const card = editor.locator('[data-testid="section-lead-card"][data-section="health"]');
  await expect(card).toContainText("Automatic: the newest story");
  await expect(card.getByTestId("section-lead-title")).toHaveText(newer);
  await card.getByLabel("Pin a story as the lead of Health").selectOption({ label: older });
  await card.getByRole("button", { name: "Pin the lead of Health" }).click();
  await expect(editor.getByTestId("section-leads-status")).toHaveText("Pinned to lead the Health page.");
  await expect(card.getByTestId("section-lead-title")).toHaveText(older);
  await expect(card).toContainText("Pinned by");

  const html = await tagPage();
  expect(sectionLead(html)).toContain(older);
  expect(list(html)).toContain(newer);
  expect(list(html)).not.toContain(older);

  await card.getByRole("button", { name: "Unpin the lead of Health" }).click();
  await expect(editor.getByTestId("section-leads-status")).toHaveText("The Health page is newest first again.");
  await expect(card).toContainText("Automatic: the newest story");
  expect(sectionLead(await tagPage())).toBe("");
  await editor.context().close();
});

test("editors reorder the front page's section blocks with the keyboard: the front's blocks follow, and 'Back to automatic' restores the navigation's order", async ({ browser, request }) => {
  const editor = await as(browser, "editor");
  await editor.goto("/dashboard/front");
  const panel = editor.getByTestId("section-blocks");
  await expect(editor.getByTestId("section-blocks-state")).toContainText("Automatic: the first four sections of the navigation");
  const before = await frontBlocks(request);
  expect(before[0]).toBe("Politics");
  const names = () => panel.getByTestId("section-block-name").allTextContents();
  expect(await names()).toEqual(["Politics", "Economy", "Health", "Sport"]);

  // Keyboard only: focus a button and press Enter or Space.
  await panel.getByRole("button", { name: "Move Politics down" }).focus();
  await editor.keyboard.press("Enter");
  await editor.keyboard.press("Enter");
  await panel.getByRole("button", { name: "Remove Sport" }).focus();
  await editor.keyboard.press("Space");
  await panel.getByLabel("Add a section").selectOption({ label: "Culture" });
  await panel.getByRole("button", { name: "Add", exact: true }).click();
  expect(await names()).toEqual(["Economy", "Health", "Politics", "Culture"]);
  // Not saved yet: readers still get the navigation's order.
  expect(await frontBlocks(request)).toEqual(before);

  await panel.getByRole("button", { name: "Save order" }).click();
  await expect(editor.getByTestId("section-blocks-status")).toHaveText("Section blocks saved.");
  await expect(editor.getByTestId("section-blocks-state")).toContainText("Chosen by editors");
  const after = await frontBlocks(request);
  // A section whose stories all sit above (top stories, "Latest") has no block; the rest keep the chosen order.
  expect(after).toEqual(["Economy", "Health", "Politics", "Culture"].filter((n) => after.includes(n)));
  expect(after.length).toBeGreaterThanOrEqual(2);
  expect(after).not.toContain("Sport");

  await panel.getByRole("button", { name: "Back to automatic" }).click();
  await expect(editor.getByTestId("section-blocks-state")).toContainText("Automatic: the first four sections of the navigation");
  expect(await names()).toEqual(["Politics", "Economy", "Health", "Sport"]);
  expect(await frontBlocks(request)).toEqual(before);
  await editor.context().close();
});

test("an editor chooses 'Newest, breaking news first': a breaking story leads the front page over newer stories", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const breaking = await publishStory(editor, `Bridge closed after crack found ${stamp}`, { breaking: true });
  const breakingUrl = editor.url();
  const newer = await publishStory(editor, `Library extends opening hours ${stamp}`);
  expect(await frontLead(request)).toContain(newer);

  await editor.goto("/dashboard/front");
  const rule = editor.getByTestId("front-rule");
  await expect(editor.getByTestId("front-rule-current")).toHaveText("Newest stories");
  await rule.getByLabel("Newest, breaking news first").check();
  await rule.getByRole("button", { name: "Save rule" }).click();
  await expect(editor.getByTestId("front-rule-status")).toHaveText("The automatic rule is now “Newest, breaking news first”.");
  await expect(editor.getByTestId("front-rule-current")).toHaveText("Newest, breaking news first");
  const leadSlot = editor.getByTestId("front-slot").first();
  await expect(leadSlot.getByTestId("front-slot-title")).toHaveText(breaking);
  await expect(leadSlot.getByTestId("front-slot-fill")).toHaveText("Automatic: the newest breaking story (rule: Newest, breaking news first)");
  expect(await frontLead(request)).toContain(breaking);

  // Back to the newest stories; the breaking story leaves the site so no later test sees its bar.
  await rule.getByLabel("Newest stories").check();
  await rule.getByRole("button", { name: "Save rule" }).click();
  await expect(editor.getByTestId("front-rule-current")).toHaveText("Newest stories");
  expect(await frontLead(request)).toContain(newer);
  await editor.goto(breakingUrl);
  await unpublishOpenStory(editor);
  await editor.context().close();
});

test("a preview shows a proposed lead at phone and desktop widths before saving; readers see no change until Save", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const proposed = await publishStory(editor, `Schools reopen after the holiday ${stamp}`);
  const newest = await publishStory(editor, `Bus fares unchanged this year ${stamp}`);
  expect(await frontLead(request)).toContain(newest);

  await editor.setViewportSize({ width: 390, height: 844 });
  await editor.goto("/dashboard/front");
  const leadSlot = editor.getByTestId("front-slot").first();
  const [storyId] = await leadSlot.getByLabel("Pin a story here").selectOption({ label: proposed });
  await leadSlot.getByRole("button", { name: "Preview Lead story" }).click();
  const preview = editor.getByTestId("front-preview");
  await expect(preview).toContainText(`Preview: “${proposed}” as the lead story`);
  for (const [testId, width] of [["front-preview-phone", "390"], ["front-preview-desktop", "1280"]] as const) {
    await expect(editor.getByTestId(testId)).toHaveAttribute("width", width);
    await expect(editor.frameLocator(`[data-testid="${testId}"]`).getByTestId("lead-story")).toContainText(proposed);
  }
  // The desk still fits a phone with the preview open.
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await frontLead(request)).toContain(newest);

  // The preview's own address: editors only, never cached, never indexed.
  const path = `/dashboard/front/preview?pin=0&story=${storyId}`;
  const own = await editor.request.get(path);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  expect(own.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect(await own.text()).toContain('<meta name="robots" content="noindex, nofollow"');
  expect((await request.get(path, { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);
  const writer = await as(browser, "writer");
  expect((await writer.request.get(path)).status()).toBe(403);
  await writer.context().close();
  const bad = await editor.request.get("/dashboard/front/preview?rule=oldest");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toBe("Choose one of the automatic rules.");

  // Cancel: nothing changes.
  await preview.getByRole("button", { name: "Cancel" }).click();
  await expect(preview).toHaveCount(0);
  await expect(leadSlot.getByTestId("front-slot-title")).toHaveText(newest);
  expect(await frontLead(request)).toContain(newest);

  // Preview again, then Save: live on the next request.
  await leadSlot.getByRole("button", { name: "Preview Lead story" }).click();
  await expect(editor.frameLocator('[data-testid="front-preview-desktop"]').getByTestId("lead-story")).toContainText(proposed);
  await preview.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByTestId("front-status")).toContainText("Pinned to the lead story position.");
  await expect(preview).toHaveCount(0);
  await expect(leadSlot.getByTestId("front-slot-title")).toHaveText(proposed);
  expect(await frontLead(request)).toContain(proposed);

  await leadSlot.getByRole("button", { name: "Unpin Lead story" }).click();
  await expect(editor.getByTestId("front-status")).toContainText("Unpinned.");
  expect(await frontLead(request)).toContain(newest);
  await editor.context().close();
});
