import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { as, refuseBrowserDialogs } from "./helpers";

/**
 * Photos from upload to reader: an editor uploads a photo in the story editor, is refused
 * publication until the photo has alt text, adds alt text, caption and credit, publishes,
 * and readers get a responsive image (AVIF/WebP, width/height set) with its caption and
 * credit, and the story's card photo on the home page.
 */
test("a photo uploaded in the editor is published with alt text, caption and credit, responsive for readers", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const headline = `Flood waters reach Kabul bazaar ${stamp}`;
  // A real photo-sized JPEG (noise, so it does not compress to nothing), made for the test.
  const { data, info } = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(2400);

  const page = await as(browser, "editor");
  await page.goto("/dashboard/stories/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.insertText("Shopkeepers moved their goods to upper floors as the water rose.");
  await page.getByRole("button", { name: "Add featured photo…" }).click();
  const picker = page.getByRole("dialog", { name: "Featured photo" });
  const uploadStarted = Date.now();
  await picker.getByLabel("Photo files").setInputFiles({ name: `bazaar-${stamp}.jpg`, mimeType: "image/jpeg", buffer: data });
  const featured = page.getByTestId("featured-photo");
  // The upload is chosen at once: the picker closes, and with it the library's other photos.
  await expect(picker).toBeHidden();
  await expect(featured.locator("img")).toBeVisible();
  const uploadMs = Date.now() - uploadStarted;

  // No alt text yet: publishing is refused, with a message naming the photo.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(`The featured photo “bazaar-${stamp}.jpg” has no alt text`).first()).toBeVisible();
  await expect(page.getByTestId("story-status")).not.toHaveText("Published");
  // The error sits at the featured photo, and the caret is in its alt text field.
  await expect(featured.getByText("Alt text missing")).toBeVisible();
  await expect(featured.getByLabel("Alt text")).toBeFocused();

  await featured.getByLabel("Alt text").fill("Shopkeepers wade through knee-deep water between market stalls");
  await featured.getByLabel("Caption").fill("Water in the bazaar on Tuesday morning.");
  await featured.getByLabel("Credit: photographer").fill("Sahar Ahmadi");
  await featured.getByLabel("Credit: organisation or agency").fill("The Kabul Lantern");
  await featured.getByRole("button", { name: "Save photo details" }).click();
  await expect(featured.getByTestId("photo-details-status")).toHaveText("Photo details saved.");
  const publishAt = Date.now();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const slug = await page.getByLabel("Slug").inputValue();
  await page.context().close();

  // The reader, on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  const reader = await phone.newPage();
  const imageBytes: { url: string; type: string; bytes: number }[] = [];
  reader.on("response", async (res) => {
    if (res.url().includes("/_next/image")) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      imageBytes.push({ url: res.url(), type: res.headers()["content-type"] ?? "", bytes: body.byteLength });
    }
  });
  await reader.goto(`/news/${slug}`);
  const figure = reader.getByTestId("featured-photo");
  const img = figure.locator("img");
  await expect(img).toHaveAttribute("alt", "Shopkeepers wade through knee-deep water between market stalls");
  await expect(img).toHaveAttribute("width", "2400");
  await expect(img).toHaveAttribute("height", "1600");
  await expect(img).toHaveAttribute("srcset", /\/_next\/image\?url=%2Fmedia%2F[0-9a-f]{32}\.jpg&w=640&q=75 640w/);
  await expect(img).toHaveAttribute("fetchpriority", "high");
  await expect(figure.locator("figcaption")).toContainText("Water in the bazaar on Tuesday morning.");
  await expect(figure.locator("figcaption")).toContainText("Photo: Sahar Ahmadi / The Kabul Lantern");
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const visibleMs = Date.now() - publishAt;
  await reader.screenshot({ path: "test-results/screenshots/story-photo-phone.png" });
  const lead = imageBytes.find((i) => i.url.includes("w="));
  expect(lead?.type).toBe("image/avif");
  console.log(
    `photo: upload ${uploadMs} ms; publish to photo shown ${visibleMs} ms; phone (390 px, DPR 3) lead image ${lead?.url.match(/w=\d+/)?.[0]} ${lead?.type} ${lead?.bytes} bytes (original JPEG ${data.byteLength} bytes)`,
  );
  expect(lead!.bytes).toBeLessThan(data.byteLength);

  // The optimiser answers WebP to a browser without AVIF, and the copies may be cached long.
  const src = await img.getAttribute("src");
  const webp = await request.get(src!, { headers: { accept: "image/webp,*/*" } });
  expect(webp.headers()["content-type"]).toBe("image/webp");
  expect(webp.headers()["cache-control"]).toMatch(/max-age=31536000/);

  // The home page card carries the photo.
  await reader.goto("/");
  const card = reader.locator("article", { has: reader.getByRole("link", { name: headline }) }).first();
  await expect(card.getByTestId("card-photo")).toHaveAttribute("alt", "Shopkeepers wade through knee-deep water between market stalls");
  await reader.screenshot({ path: "test-results/screenshots/home-with-photo.png" });
  await phone.close();
});

test("a photo in the body gets its alt text, caption and credit in the same form; the publish error selects that photo", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const { data } = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#6b8e23" } }).jpeg().toBuffer({ resolveWithObject: true });
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  await page.goto("/dashboard/stories/new");
  await page.getByLabel("Headline").fill(`Wheat harvest begins in Kunduz ${stamp}`);
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.insertText("Farmers began cutting wheat a week early this year.");
  await page.getByRole("toolbar").getByRole("button", { name: "Insert photo" }).click();
  const picker = page.getByRole("dialog", { name: "Insert a photo" });
  await picker.getByLabel("Photo files").setInputFiles({ name: `harvest-${stamp}.jpg`, mimeType: "image/jpeg", buffer: data });
  await expect(body.locator("figure img")).toBeVisible();

  // Publishing is refused; the photo in the body is selected and its alt text field has the caret.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `The photo “harvest-${stamp}.jpg” in the body has no alt text` })).toBeVisible();
  const panel = page.getByTestId("body-photo-panel");
  await expect(panel.getByLabel("Alt text")).toBeFocused();
  await expect(page.getByTestId("featured-photo").getByText("Alt text missing")).toHaveCount(0);
  await panel.getByLabel("Alt text").fill("A farmer cuts wheat with a sickle in a golden field");
  await panel.getByLabel("Caption").fill("The harvest near Kunduz city.");
  await panel.getByLabel("Credit: photographer").fill("Jawid Sultani");
  await panel.getByRole("button", { name: "Save photo details" }).click();
  await expect(panel.getByTestId("photo-details-status")).toHaveText("Photo details saved.");
  await expect(body.locator("figure img")).toHaveAttribute("alt", "A farmer cuts wheat with a sickle in a golden field");
  await expect(body.locator("figcaption")).toContainText("The harvest near Kunduz city.");

  // Clicking the photo later opens the same form with what was saved.
  await body.locator("p").first().click();
  await expect(panel).toHaveCount(0);
  await body.locator("figure img").click();
  await expect(panel.getByLabel("Alt text")).toHaveValue("A farmer cuts wheat with a sickle in a golden field");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  const slug = await page.getByLabel("Slug").inputValue();
  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  const figure = reader.getByTestId("article-body").locator("figure");
  await expect(figure.locator("img")).toHaveAttribute("alt", "A farmer cuts wheat with a sickle in a golden field");
  await expect(figure.locator("figcaption")).toContainText("The harvest near Kunduz city.");
  await expect(figure.locator("figcaption")).toContainText("Jawid Sultani");

  // Changing the photo's caption in the open live story gives the story a new version (readers
  // see it); that change is this editor's own, so the next save builds on it: no conflict.
  await body.locator("figure img").click();
  await panel.getByLabel("Caption").fill("The harvest near Kunduz city, a week early.");
  await panel.getByRole("button", { name: "Save photo details" }).click();
  await expect(panel.getByTestId("photo-details-status")).toHaveText("Photo details saved.");
  await body.locator("p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(" Prices fell at once.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByLabel("Minor edit (a typo: no new date)").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Minor edit");
  await reader.reload();
  await expect(figure.locator("figcaption")).toContainText("a week early.");
  await expect(reader.getByTestId("article-body")).toContainText("Prices fell at once.");
  await reader.close();
  await page.context().close();
});

test("the media library refuses a file that is not a photo, with a clear message and a failed bar, not a full one", async ({ browser }) => {
  const page = await as(browser, "writer");
  await page.goto("/dashboard/media");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Photo files").setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("These are meeting notes, not a photo.") });
  await expect(page.getByRole("alert").filter({ hasText: "“notes.jpg” is not a photo we can use" })).toBeVisible();
  // A failed upload never shows a full progress bar: its bar is the red one.
  const job = page.getByTestId("upload-job").filter({ hasText: "notes.jpg" });
  await expect(job.getByTestId("upload-failed")).toBeVisible();
  await expect(job.locator("progress")).toHaveCount(0);
  await expect(job).toContainText("Not uploaded:");
  await page.context().close();
});
