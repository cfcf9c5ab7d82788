import http from "node:http";
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
  // Reader pages run no script at all, from anywhere (but a running live blog's own updates
  // script: e2e/live-blog.spec.ts); story pages say so themselves, found or not.
  for (const path of ["/", "/about", "/latest", "/feed.xml", "/login-help", "/news/water-main-burst-cuts-supply-western-kabul", "/news/no-such-story", "/news/kabul-river-flood-live/feed.xml"]) {
    const csp = (await request.get(path)).headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("script-src 'none'");
    expect(csp, path).toContain("default-src 'none'");
  }
  const editor = await as(browser, "editor");
  const desk = await editor.request.get("/dashboard");
  expect(desk.headers()["x-frame-options"]).toBe("DENY");
  const deskCsp = desk.headers()["content-security-policy"] ?? "";
  expect(deskCsp).toContain("frame-ancestors 'none'");
  // The desk's scripts need the request's nonce: a fresh one each time, and no 'unsafe-inline'.
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(deskCsp)?.[1];
  expect(nonce).toBeTruthy();
  expect(deskCsp).not.toContain("script-src 'self' 'unsafe-inline'");
  const again = (await editor.request.get("/dashboard")).headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);
  expect((await request.get("/login")).headers()["content-security-policy"]).toContain("'strict-dynamic'");
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

/**
 * Sends a POST with raw node:http (Playwright's request API always declares a length) and
 * answers with the response's status and body, even when the server closes the connection
 * before the whole body is sent.
 */
function rawPost(url: string, headers: Record<string, string>, write: (req: http.ClientRequest) => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // The path goes out exactly as written ("/a/../b" is not resolved here, as `new URL` would).
    const { hostname, port, origin } = new URL(url);
    const req = http.request({ hostname, port, path: url.slice(origin.length) || "/", method: "POST", headers });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    // Once the server answered it may close the socket under the rest of the body.
    req.on("error", (e) => (req.writableEnded ? undefined : reject(e)));
    write(req);
  });
}

test("request bodies are limited by route: sign-in bodies are refused unread when large (413) or of undeclared size (411); a photo upload stops at 20 MB while it streams (413)", async ({ browser, baseURL }) => {
  const signIn = new URL("/api/auth/callback/credentials", baseURL).href;
  const declared = await rawPost(signIn, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024 * 1024) }, (req) => req.write("email="));
  expect(declared.status).toBe(413);
  expect(JSON.parse(declared.body).error).toContain("A sign-in request may send at most 8 KB");
  const chunked = await rawPost(signIn, { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }, (req) => req.write("email=" + "a".repeat(64 * 1024)));
  expect(chunked.status).toBe(411);
  // The limit and the method guard apply to the path as it will be routed, dot segments resolved.
  const dotted = await rawPost(`${baseURL}/dashboard/../api/auth/callback/credentials`, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024) }, (req) => req.write("email="));
  expect(dotted.status).toBe(413);
  const readerPost = await rawPost(`${baseURL}/dashboard/%2e%2e/about`, { "Content-Length": "0" }, (req) => req.end());
  expect(readerPost.status).toBe(405);
  // A client that asks first (Expect: 100-continue) is refused before it sends the body.
  let continued = false;
  const asked = await rawPost(signIn, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(50 * 1024 * 1024), Expect: "100-continue" }, (req) => {
    req.on("continue", () => (continued = true));
    req.flushHeaders();
  });
  expect(asked.status).toBe(413);
  expect(continued).toBe(false);
  // An anonymous server-action body on the sign-in page is held to 64 KB.
  const anonymousAction = await rawPost(`${baseURL}/login`, { "Content-Type": "text/plain", "Content-Length": String(3 * 1024 * 1024) }, (req) => req.write("x"));
  expect(anonymousAction.status).toBe(413);

  // A signed-in editor's upload of undeclared size, 25 MB of it: the route counts while it
  // streams to disk and answers 413 at 20 MB.
  const editor = await as(browser, "editor");
  const cookie = (await editor.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const boundary = "----newsroom-e2e";
  const upload = await rawPost(
    new URL("/api/media", baseURL).href,
    { Cookie: cookie, Origin: new URL(baseURL!).origin, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Transfer-Encoding": "chunked" },
    (req) => {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0xff);
      let sent = 0;
      const more = () => {
        while (sent < 25 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", more);
        }
        if (!req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
      };
      more();
    },
  );
  expect(upload.status).toBe(413);
  expect(JSON.parse(upload.body).error).toContain("photos may be at most 20 MB");
  await editor.context().close();
});

test("the desk and the sign-in page work under their Content-Security-Policy: no script or style is refused", async ({ browser }) => {
  const page = await as(browser, "editor");
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refused.push(m.text());
  });
  page.on("pageerror", (e) => refused.push(String(e)));
  await page.goto("/dashboard");
  await expect(page.getByTestId("viewer")).toBeVisible();
  await page.goto("/dashboard/stories/new");
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.insertText("Typed under the policy.");
  await expect(body).toContainText("Typed under the policy.");
  await page.goto("/dashboard/media");
  await page.waitForLoadState("networkidle");
  const visitor = await browser.newPage();
  visitor.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refused.push(m.text());
  });
  await visitor.goto("/login");
  await expect(visitor.getByLabel("Password")).toBeVisible();
  // Reader pages: no script to refuse, and no inline style either (their policy allows none).
  await visitor.goto("/");
  await visitor.locator("main a[href^='/news/']").first().click();
  await expect(visitor.getByTestId("article-body")).toBeVisible();
  await visitor.goto("/about");
  await visitor.close();
  expect(refused).toEqual([]);
  await page.context().close();
});
