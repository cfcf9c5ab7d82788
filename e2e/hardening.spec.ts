import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { as } from "./helpers";

/** An empty WordPress export (a dry run of it imports nothing). */
const WXR = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>CSRF check</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>`;

test("state-changing route handlers refuse requests from another site, a sibling subdomain included (403), and serve the desk's own", async ({ browser, baseURL }) => {
  const admin = await as(browser, "admin");
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#336699" } }).jpeg().toBuffer();
  const upload = (headers: Record<string, string>) =>
    admin.request.post("/api/media", { headers, multipart: { file: { name: "csrf.jpg", mimeType: "image/jpeg", buffer: jpeg } } });
  const startImport = (headers: Record<string, string>) =>
    admin.request.post("/api/import?name=csrf.xml&dryRun=true&siteTimeZone=UTC&pages=skip", { headers: { "Content-Type": "application/xml", ...headers }, data: WXR });

  const forgeries: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: "https://blog.news.example", "Sec-Fetch-Site": "same-site" }, { "Sec-Fetch-Site": "cross-site" }];
  for (const forged of forgeries) {
    const media = await upload(forged);
    expect(media.status(), JSON.stringify(forged)).toBe(403);
    expect((await media.json()).error).toContain("came from another site");
    expect((await startImport(forged)).status(), JSON.stringify(forged)).toBe(403);
  }
  // From the desk's own pages the same requests go through.
  const own = { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" };
  expect([200, 201]).toContain((await upload(own)).status());
  expect((await startImport(own)).status()).toBe(202);
  await admin.context().close();
});

test("security headers on a reader page, a desk page and a desk API", async ({ browser, request }) => {
  const reader = await request.get("/about");
  for (const [name, value] of [
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "strict-origin-when-cross-origin"],
  ]) {
    expect(reader.headers()[name!], name).toBe(value);
  }
  expect(reader.headers()["permissions-policy"]).toContain("camera=()");
  const editor = await as(browser, "editor");
  const desk = await editor.request.get("/dashboard");
  expect(desk.headers()["x-frame-options"]).toBe("DENY");
  expect(desk.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(desk.headers()["permissions-policy"]).toContain("microphone=()");
  const api = await editor.request.get("/api/media?q=");
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toContain("no-store");
  await editor.context().close();
});
