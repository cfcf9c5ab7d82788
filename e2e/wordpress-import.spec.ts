import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { thirdPartyFixture } from "../test/third-party-fixtures";
import { as } from "./helpers";

/**
 * An admin imports the real WordPress export (the theme unit test data) from the desk: the
 * upload, progress to the last item, the report, then an imported story on the public site
 * with its WordPress date (`post_date_gmt`, shown in the newsroom's zone) — and a second
 * import of the same file changes nothing; its old WordPress addresses answer 308 to the new
 * ones and an address that never existed 404. (Named to run last: it adds 58 old stories to the
 * shared e2e database.) Skipped when the export is absent from the third-party fixtures folder.
 */
const wordpressExport = thirdPartyFixture("wordpress/themeunittestdata.wordpress.xml");
const FIXTURE = wordpressExport.file;
test("an admin imports a WordPress export and readers see the imported story", async ({ browser }) => {
  // Needs the third-party export; the permission test below does not.
  test.skip(wordpressExport.missing !== null, wordpressExport.missing ?? "");
  test.setTimeout(120_000);
  const navigation = async () => {
    const reader = await browser.newPage();
    await reader.goto("/");
    const names = await reader.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents();
    await reader.close();
    return names;
  };
  const navigationBefore = await navigation();
  const page = await as(browser, "admin");
  await page.goto("/dashboard/import");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("WordPress export file (.xml)").setInputFiles(FIXTURE);
  await page.getByLabel("The WordPress site’s time zone").fill("America/Los_Angeles");
  await page.getByLabel("Permalink structure").fill("/%year%/%monthnum%/%day%/%postname%/");
  const started = Date.now();
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByTestId("import-progress")).toHaveText(/\d+ \/ 186 items/);
  await expect(page.getByTestId("import-status")).toHaveText("done", { timeout: 60_000 });
  console.log(`WordPress import of the fixture from the desk: ${Date.now() - started} ms from upload to report`);
  await expect(page.getByTestId("import-progress")).toHaveText("186 / 186 items");
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("58 created, 0 updated, 0 unchanged");
  await expect(report).toContainText("55 published, 1 scheduled, 2 drafts");
  // The creator ">themereviewteam" is the author "themereviewteam" once trimmed.
  await expect(report.getByText("Old WordPress addresses")).toBeVisible();
  await expect(report).toContainText("password-protected in WordPress: imported as a draft");
  // Its top-level categories are proposed as sections; the site's navigation is not touched.
  await expect(report.getByText("Proposed sections")).toBeVisible();
  await expect(report).toContainText("Parent Category");
  expect(await navigation()).toEqual(navigationBefore);
  await page.screenshot({ path: "test-results/screenshots/import-report.png", fullPage: true });

  // The same file again: everything is recognised, nothing changes.
  await page.getByLabel("WordPress export file (.xml)").setInputFiles(FIXTURE);
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByTestId("import-report")).toContainText("0 created, 0 updated, 58 unchanged", { timeout: 60_000 });
  await page.context().close();

  const reader = await browser.newPage();
  const res = await reader.goto("/news/keyboard-navigation");
  expect(res?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Keyboard navigation");
  // Published 2018-10-21 03:03:48 UTC (its post_date_gmt): 21 October in Kabul, not the 20th.
  await expect(reader.getByTestId("last-updated").first().locator("time")).toHaveAttribute("datetime", "2018-10-21T03:03:48.000Z");
  await expect(reader.getByTestId("last-updated").first()).toContainText("October 21, 2018");
  // The scheduled WordPress post is not public.
  expect((await reader.goto("/news/scheduled"))?.status()).toBe(404);
  // Old WordPress addresses (Keyboard navigation is post 1724 of 2018-10-20 on the site's clock).
  const location = async (path: string) => {
    const r = await reader.request.get(path, { maxRedirects: 0 });
    return [r.status(), r.headers()["location"] ?? null] as [number, string | null];
  };
  /**
   * Where an old address ends up, following redirects (each must be permanent: 308). Next.js
   * first drops a trailing slash (its own 308, trailingSlash: false), then the old address's
   * redirect answers.
   */
  const settles = async (path: string) => {
    let at = path;
    for (let hop = 0; hop < 3; hop++) {
      const [status, next] = await location(at);
      if (status !== 308) return [status, at] as const;
      at = next!;
    }
    return [0, at] as const;
  };
  expect(await settles("/2018/10/20/keyboard-navigation/")).toEqual([200, "/news/keyboard-navigation"]);
  expect(await location("/2018/10/20/Keyboard-Navigation")).toEqual([308, "/news/keyboard-navigation"]);
  expect(await location("/?p=1724")).toEqual([308, "/news/keyboard-navigation"]);
  const [status, feed] = await settles("/category/block/feed/");
  expect(status).toBe(200);
  expect(feed).toMatch(/^\/tag\/[a-z0-9-]+\/feed\.xml$/);
  expect((await settles("/never/existed/"))[0]).toBe(404);
  expect(await location("/?p=999999")).toEqual([404, null]);
  // The front page itself is unchanged.
  expect((await reader.request.get("/"))?.status()).toBe(200);
  await reader.close();
});

/**
 * A small export whose photos live on an "old site" served by this test from 127.0.0.1: one
 * post with a featured photo (`_thumbnail_id`) and a photo in its body (`wp-image-<id>`), its
 * attachments after it in the file (so the importer must read the file twice). The server
 * allows loopback fetches only because the e2e server runs with IMPORT_ALLOW_PRIVATE_MEDIA=1.
 */
function photoExport(site: string): string {
  const cdata = (v: string) => `<![CDATA[${v}]]>`;
  const meta = (key: string, value: string) => `<wp:postmeta><wp:meta_key>${cdata(key)}</wp:meta_key><wp:meta_value>${cdata(value)}</wp:meta_value></wp:postmeta>`;
  const attachment = (id: number, file: string, alt: string, caption: string) => `<item>
<title>${file}</title>
<link>${site}/?attachment_id=${id}</link>
<guid isPermaLink="false">${site}/wp-content/uploads/2024/05/${file}</guid>
<dc:creator>${cdata("farida")}</dc:creator>
<content:encoded>${cdata("")}</content:encoded>
<excerpt:encoded>${cdata(caption)}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date_gmt>2024-05-01 05:00:00</wp:post_date_gmt>
<wp:post_name>${file.replace(/\.jpg$/, "")}</wp:post_name>
<wp:status>inherit</wp:status>
<wp:post_parent>501</wp:post_parent>
<wp:post_type>attachment</wp:post_type>
<wp:attachment_url>${site}/wp-content/uploads/2024/05/${file}</wp:attachment_url>
${meta("_wp_attached_file", `2024/05/${file}`)}
${meta("_wp_attachment_image_alt", alt)}
</item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>The Old Canal Gazette</title>
<link>${site}</link>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${site}</wp:base_site_url>
<wp:base_blog_url>${site}</wp:base_blog_url>
<wp:author><wp:author_id>2</wp:author_id><wp:author_login>${cdata("farida")}</wp:author_login><wp:author_email>${cdata("farida@old.example")}</wp:author_email><wp:author_display_name>${cdata("Farida Noori")}</wp:author_display_name></wp:author>
<item>
<title>Canal locks restored</title>
<link>${site}/2024/05/01/canal-locks-restored/</link>
<guid isPermaLink="false">${site}/?p=501</guid>
<dc:creator>${cdata("farida")}</dc:creator>
<content:encoded>${cdata(`<p>The old locks open again after two years of work.</p>\n<p><img class="alignnone size-large wp-image-503" src="${site}/wp-content/uploads/2024/05/lock-gate.jpg" alt="" width="800" height="600" /></p>\n<p>Boats return next week.</p>`)}</content:encoded>
<excerpt:encoded>${cdata("")}</excerpt:encoded>
<wp:post_id>501</wp:post_id>
<wp:post_date_gmt>2024-05-01 06:00:00</wp:post_date_gmt>
<wp:post_name>canal-locks-restored</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:post_type>post</wp:post_type>
${meta("_thumbnail_id", "502")}
</item>
${attachment(502, "canal-dawn.jpg", "Barges moored along the canal at dawn", "The canal at dawn, before the reopening")}
${attachment(503, "lock-gate.jpg", "A wooden lock gate, freshly painted", "The restored upper lock gate")}
</channel>
</rss>
`;
}

test("an admin imports a WordPress export with its photos fetched from the old site, and readers see them from the media library", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  // The "old site": two generated JPEGs under wp-content/uploads, on a loopback port.
  const photos: Record<string, Buffer> = {
    "/wp-content/uploads/2024/05/canal-dawn.jpg": await sharp({ create: { width: 960, height: 640, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer(),
    "/wp-content/uploads/2024/05/lock-gate.jpg": await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 150, g: 100, b: 40 } } }).jpeg().toBuffer(),
  };
  const served: string[] = [];
  const oldSite = http.createServer((req, res) => {
    served.push(req.url ?? "");
    const body = photos[req.url ?? ""];
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": body.byteLength }).end(body);
  });
  await new Promise<void>((resolve) => oldSite.listen(0, "127.0.0.1", resolve));
  const site = `http://127.0.0.1:${(oldSite.address() as AddressInfo).port}`;
  try {
    const file = testInfo.outputPath("canal-export.xml");
    fs.writeFileSync(file, photoExport(site));
    const page = await as(browser, "admin");
    await page.goto("/dashboard/import");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("WordPress export file (.xml)").setInputFiles(file);
    await expect(page.getByLabel("Leave them on the old site (as links)")).toBeChecked();
    await page.getByLabel("Fetch them from the old site").check();
    await expect(page.getByLabel("Other hosts photos may come from")).toBeVisible();
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect(page.getByTestId("import-status")).toHaveText("done", { timeout: 60_000 });
    const report = page.getByTestId("import-report");
    await expect(report).toContainText("1 created, 0 updated, 0 unchanged");
    await expect(report.getByTestId("import-photos")).toHaveText("fetched from the old site: 2 imported, 0 already in the library");
    await expect(report).toContainText("1 featured photo, 1 in story bodies, 0 images left as links to the old site");
    await expect(report.getByTestId("import-missing-photos")).toHaveCount(0);
    expect(served.sort()).toEqual(Object.keys(photos).sort());
    await page.screenshot({ path: "test-results/screenshots/import-report-photos.png", fullPage: true });
    await page.context().close();

    const reader = await browser.newPage();
    expect((await reader.goto("/news/canal-locks-restored"))?.status()).toBe(200);
    /** Where an image's file comes from, once Next's optimiser address is decoded. */
    const fileOf = async (img: import("@playwright/test").Locator) => decodeURIComponent((await img.getAttribute("src")) ?? "");
    const featured = reader.getByTestId("featured-photo");
    await expect(featured.locator("img")).toHaveAttribute("alt", "Barges moored along the canal at dawn");
    await expect(featured.locator("figcaption")).toContainText("The canal at dawn, before the reopening");
    const body = reader.locator("figure.story-photo");
    await expect(body.locator("img")).toHaveAttribute("alt", "A wooden lock gate, freshly painted");
    await expect(body.locator("figcaption")).toContainText("The restored upper lock gate");
    for (const img of [featured.locator("img"), body.locator("img")]) {
      const src = await fileOf(img);
      expect(src).toMatch(/\/media\/[0-9a-f]{32}\.jpg/);
      expect(src).not.toContain("127.0.0.1");
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    }
    expect(await reader.locator("body").innerHTML()).not.toContain(site);
    await reader.close();
  } finally {
    await new Promise((resolve) => oldSite.close(resolve));
  }
});

test("editors cannot open the import screen", async ({ browser }) => {
  const page = await as(browser, "editor");
  expect((await page.goto("/dashboard/import"))?.status()).toBe(403);
  const res = await page.request.post("/api/import?name=x.xml", { data: "<rss/>", headers: { "content-type": "application/xml" } });
  expect(res.status()).toBe(403);
  await page.context().close();
});
