import { expect, test } from "@playwright/test";
import { as, unpublishOpenStory } from "./helpers";
import { ACCOUNTS, E2E_PASSWORD, SEED_ARTICLE_MISSING, seedFixture as f } from "./fixtures";
import { expectSeedArticlePage } from "./seed-page-check";


const kabulToday = () =>
  new Intl.DateTimeFormat("en-US", { timeZone: f.site.timezone, year: "numeric", month: "long", day: "numeric" }).format(new Date());

test.describe.serial("a story from draft to the public site", () => {
  const headline = `Kabul water board votes on new tariffs ${Date.now().toString(36)}`;
  let storyUrl = "";
  let slug = "";
  let publishRequest: { url: string; headers: Record<string, string>; body: string } | null = null;

  test("a writer drafts in the editor and submits it for review", async ({ browser }) => {
    const page = await as(browser, "writer");
    await page.goto("/dashboard");
    await page.screenshot({ path: "test-results/screenshots/desk-list.png", fullPage: true });
    await page.getByRole("link", { name: "New story" }).first().click();
    await expect(page).toHaveURL(/\/dashboard\/stories\/new$/);
    // A writer has no publish button.
    await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
    await page.getByLabel("Headline").fill(headline);
    await page.getByLabel("Dek").fill("Households would pay by the cubic metre from spring.");
    const body = page.getByRole("textbox", { name: "Story body" });
    await body.click();
    await page.keyboard.insertText("The city water board voted on Monday on a new tariff for household connections.");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+b");
    await page.keyboard.insertText("Meters first.");
    await page.keyboard.press("Control+b");
    await page.keyboard.insertText(" Officials said meters would be installed before any bill changes.");
    await page.getByLabel("Add a tag").fill("Politics");
    await page.getByLabel("Add a tag").press("Enter");
    await page.getByLabel("Add a tag").fill("Water");
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    const t0 = Date.now();
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Saved");
    console.log(`save draft: ${Date.now() - t0} ms until "Saved"`);
    await expect(page).toHaveURL(/\/dashboard\/stories\/[0-9a-f-]{36}$/);
    storyUrl = new URL(page.url()).pathname;
    slug = (await page.getByLabel("Slug").inputValue()).trim();
    expect(slug).toMatch(/^kabul-water-board-votes-on-new-tariffs-/);
    await page.screenshot({ path: "test-results/screenshots/editor.png", fullPage: true });

    // A draft is not public.
    expect((await page.request.get(`/news/${slug}`)).status()).toBe(404);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByTestId("story-status")).toHaveText("In review");
    await expect(page.getByTestId("save-status")).toContainText("Saved");
    // The writer's own byline was put on the story.
    await expect(page.getByRole("list", { name: "Chosen bylines" })).toHaveText(ACCOUNTS.writer.name);
    await page.context().close();
  });

  test("an editor publishes it and a reader sees it at once, on the home page and at its URL", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto("/dashboard?status=in_review");
    await page.getByRole("link", { name: headline }).click();
    await expect(page).toHaveURL(new RegExp(`${storyUrl}$`));
    const reqPromise = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"] && (r.postData() ?? "").includes('"intent":"publish"'));
    await page.getByRole("button", { name: "Publish" }).click();
    const req = await reqPromise;
    publishRequest = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
    await expect(page.getByTestId("story-status")).toHaveText("Published");
    await page.context().close();

    const reader = await browser.newPage();
    const res = await reader.goto(`/news/${slug}`);
    expect(res?.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(reader.getByTestId("article-body").locator("strong")).toHaveText("Meters first.");
    await expect(reader.getByTestId("bylines")).toHaveText(`By: ${ACCOUNTS.writer.name}`);
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: headline }).first()).toBeVisible();
    await reader.goto("/tag/politics");
    await expect(reader.getByRole("link", { name: headline })).toBeVisible();
    await reader.close();
  });

  test("a writer's direct server-action call to publish is refused", async ({ browser }) => {
    expect(publishRequest).not.toBeNull();
    const page = await as(browser, "writer");
    // The writer's own draft, created through the UI.
    await page.goto("/dashboard/stories/new");
    const own = `Writer tries to self-publish ${Date.now().toString(36)}`;
    await page.getByLabel("Headline").fill(own);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("save-status")).toContainText("Saved");
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const ownSlug = await page.getByLabel("Slug").inputValue();

    // Replay the editor's Publish request with the writer's session and story.
    const args = JSON.parse(publishRequest!.body) as [Record<string, unknown>];
    args[0] = { ...args[0], id, version: 1, title: own, slug: ownSlug, intent: "publish" };
    const headers = { ...publishRequest!.headers };
    delete headers["cookie"];
    delete headers["content-length"];
    const res = await page.request.post(publishRequest!.url, { headers, data: JSON.stringify(args) });
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).toContain("Your role cannot do that");
    expect((await page.request.get(`/news/${ownSlug}`)).status()).toBe(404);
    await page.reload();
    await expect(page.getByTestId("story-status")).toHaveText("Draft");
    await page.context().close();
  });

  test("an editor unpublishes it and its URL is a 404 again", async ({ browser }) => {
    const page = await as(browser, "editor");
    await page.goto(storyUrl);
    await unpublishOpenStory(page);
    await page.context().close();
    const reader = await browser.newPage();
    expect((await reader.goto(`/news/${slug}`))?.status()).toBe(404);
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: headline })).toHaveCount(0);
    await reader.close();
  });
});

test("the seed article typed into the editor by an editor is published as on the seed page", async ({ browser }) => {
  test.skip(SEED_ARTICLE_MISSING !== null, SEED_ARTICLE_MISSING ?? "");
  const page = await as(browser, "editor");
  await page.goto("/dashboard/stories/new");
  await page.getByLabel("Headline").fill(f.article.title);
  await page.getByRole("textbox", { name: "Story body" }).click();
  for (const [i, p] of f.article.paragraphs.entries()) {
    await page.keyboard.insertText(p);
    if (i < f.article.paragraphs.length - 1) await page.keyboard.press("Enter");
  }
  for (const tag of f.article.suggested_tags) {
    await page.getByLabel("Add a tag").fill(tag);
    await page.getByLabel("Add a tag").press("Enter");
  }
  // The editor's own byline is not on this story: the byline is the reporter's.
  for (const name of await page.getByRole("list", { name: "Chosen bylines" }).getByRole("listitem").allTextContents()) {
    await page.getByRole("button", { name: `Remove byline ${name.replace(/×$/, "").trim()}` }).click();
  }
  await page.getByLabel("Add a byline").selectOption({ label: f.article.bylines[0]! });
  await page.getByRole("button", { name: "Add", exact: true }).last().click();
  await page.getByLabel("Breaking news").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const slug = await page.getByLabel("Slug").inputValue();
  await page.context().close();

  const reader = await browser.newPage();
  expect((await reader.goto(`/news/${slug}`))?.status()).toBe(200);
  await expectSeedArticlePage(reader, { lastUpdatedDisplay: kabulToday() });
  await reader.screenshot({ path: "test-results/screenshots/seed-article-from-editor.png", fullPage: true });
  await reader.close();
});

test("a deactivated user is locked out on the next request", async ({ browser }) => {
  const sahar = await as(browser, "sahar");
  await sahar.goto("/dashboard/stories/new");
  await sahar.getByLabel("Headline").fill("New clinic opens in Bamyan");
  await sahar.getByRole("button", { name: "Save draft" }).click();
  await expect(sahar.getByTestId("save-status")).toContainText("Saved");

  const admin = await as(browser, "admin");
  await admin.goto("/dashboard/users");
  await admin.getByRole("button", { name: `Deactivate ${ACCOUNTS.sahar.name}` }).click();
  await expect(admin.getByRole("row", { name: new RegExp(ACCOUNTS.sahar.name) })).toContainText("Account deactivated.");

  // Her open editor: the next save is refused, and her text stays on the page.
  await sahar.getByLabel("Headline").fill("New clinic opens in Bamyan, officials say");
  await sahar.getByRole("button", { name: "Save draft" }).click();
  await expect(sahar.getByTestId("save-status")).toContainText("Your session has ended");
  await expect(sahar.getByLabel("Headline")).toHaveValue("New clinic opens in Bamyan, officials say");
  // Her next page load goes to the sign-in page, and signing in again fails.
  await sahar.goto("/dashboard");
  await expect(sahar).toHaveURL(/\/login/);
  await sahar.getByLabel("Email").fill(ACCOUNTS.sahar.email);
  await sahar.getByLabel("Password").fill(E2E_PASSWORD);
  await sahar.getByRole("button", { name: "Sign in" }).click();
  await expect(sahar.getByTestId("login-error")).toHaveText("Invalid email or password.");
  await admin.context().close();
  await sahar.context().close();
});

test("writers cannot open the user admin, and other writers' stories are 404 to them", async ({ browser }) => {
  const writer = await as(browser, "writer");
  expect((await writer.goto("/dashboard/users"))?.status()).toBe(403);
  // Inside the desk, saying so, with its navigation: not the reader site's "Page not found".
  await expect(writer.getByTestId("no-access")).toBeVisible();
  await expect(writer.getByRole("link", { name: "Back to stories" })).toBeVisible();
  const editor = await as(browser, "editor");
  await editor.goto("/dashboard?q=New%20clinic");
  const href = await editor.getByRole("link", { name: "New clinic opens in Bamyan" }).first().getAttribute("href");
  expect(href).toMatch(/^\/dashboard\/stories\//);
  expect((await writer.goto(href!))?.status()).toBe(404);
  await writer.goto("/dashboard?q=New%20clinic");
  await expect(writer.getByTestId("desk-row")).toHaveCount(0);
  await writer.context().close();
  await editor.context().close();
});

test("sign-in errors are clear, and repeated failures are rate-limited", async ({ page }) => {
  await page.goto("/login");
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill(password);
    const done = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await done;
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  };
  await attempt("wrong password");
  await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
  for (let i = 0; i < 4; i++) await attempt(`wrong password ${i}`);
  await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
  await attempt("another guess");
  await expect(page.getByTestId("login-error")).toContainText("Too many failed sign-in attempts. Try again in");
  // The e-mail is kept in the field after a failure.
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.com");
});

test("signed-out visitors are sent from the desk to the sign-in page", async ({ page }) => {
  await page.goto("/dashboard/stories/new");
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard%2Fstories%2Fnew$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
