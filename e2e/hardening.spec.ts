import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./fixtures";
import { as, signInThroughForm } from "./helpers";

test("state-changing route handlers refuse requests from another site, a sibling subdomain included (403), and serve the desk's own", async ({ browser, baseURL }) => {
  const admin = await as(browser, "admin");
  // Refused or not, nothing may be written: the requests carry files the handlers refuse
  // after the origin check (a text file, a file that is not a WordPress export).
  const upload = (headers: Record<string, string>) =>
    admin.request.post("/api/media", { headers, multipart: { file: { name: "csrf.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo") } } });
  const startImport = (headers: Record<string, string>) =>
    admin.request.post("/api/import?name=csrf.xml&dryRun=true&siteTimeZone=UTC&pages=skip", { headers: { "Content-Type": "application/xml", ...headers }, data: "<notes/>" });

  const forgeries: Record<string, string>[] = [{ Origin: "https://evil.example" }, { Origin: "https://blog.news.example", "Sec-Fetch-Site": "same-site" }, { "Sec-Fetch-Site": "cross-site" }];
  for (const forged of forgeries) {
    const media = await upload(forged);
    expect(media.status(), JSON.stringify(forged)).toBe(403);
    expect((await media.json()).error).toContain("came from another site");
    expect((await startImport(forged)).status(), JSON.stringify(forged)).toBe(403);
  }
  // From the desk's own pages the same requests pass the check and reach the handlers' own rules.
  const own = { Origin: new URL(baseURL!).origin, "Sec-Fetch-Site": "same-origin" };
  const media = await upload(own);
  expect(media.status()).toBe(400);
  expect((await media.json()).error).toContain("is not a photo");
  const run = await startImport(own);
  expect(run.status()).toBe(400);
  expect((await run.json()).error).toContain("is not a WordPress export");
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

test("signing out ends the session on the server: a copy of the cookie no longer opens the desk", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, "writer");
  const copied = await context.storageState();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext({ storageState: copied });
  const stolen = await thief.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
  await context.close();
  // The writer's other sessions (the one the other tests use) are still open.
  const other = await as(browser, "writer");
  await other.goto("/dashboard");
  await expect(other.getByTestId("viewer")).toContainText(ACCOUNTS.writer.name);
  await other.context().close();
});
