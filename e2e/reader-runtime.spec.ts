import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { makeSlug } from "../lib/text/slug";
import { E2E, seedFixture as f } from "./fixtures";

/**
 * Reader pages are plain HTML: no framework runtime, no client-side router, no prefetching of
 * linked pages. Scripts a reader page may load, by path: none, but a running live blog's
 * updates script (checked on its own below). A client component that slips into a reader
 * page shows up here as a script request.
 */
const ALLOWED_SCRIPTS: string[] = [];

const storyPath = `/news/${makeSlug(f.article.title)}`;

/** Every reader page kind, with the status it answers. */
const READER_PAGES: [string, string, number][] = [
  ["home", "/", 200],
  ["story", storyPath, 200],
  ["right-to-left story", `/news/${E2E.rtlSlug}`, 200],
  ["section", `/tag/${E2E.sectionSlug}`, 200],
  ["latest", "/latest", 200],
  ["about", "/about", 200],
  ["search form", "/search", 200],
  ["search results", "/search?q=Kabul", 200],
  ["404", "/no-such-page-here", 404],
  ["unknown story", "/news/no-such-story-here", 404],
];

/** Loads `path`, waits until the network is quiet, and returns every request the page made. */
async function requestsOf(page: Page, path: string): Promise<{ status: number | undefined; requests: { url: string; type: string }[] }> {
  const requests: { url: string; type: string }[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  const res = await page.goto(path, { waitUntil: "networkidle" });
  // Hovering a link is when a client router would prefetch it.
  const links = page.locator("a[href^='/']");
  for (let i = 0; i < Math.min(await links.count(), 5); i++) await links.nth(i).hover();
  await page.waitForLoadState("networkidle");
  return { status: res?.status(), requests };
}

for (const [kind, path, status] of READER_PAGES) {
  test(`the ${kind} page loads no script outside the allowed list and prefetches nothing`, async ({ page }) => {
    const { status: answered, requests } = await requestsOf(page, path);
    expect(answered).toBe(status);
    const scripts = requests.filter((r) => r.type === "script").map((r) => new URL(r.url).pathname);
    expect(scripts.filter((s) => !ALLOWED_SCRIPTS.includes(s))).toEqual([]);
    const fetched = requests.filter((r) => r.type === "fetch" || r.type === "xhr" || r.url.includes("_rsc="));
    expect(fetched.map((r) => r.url)).toEqual([]);
    // Nothing of the framework in the markup either: no inline runtime, no hydration data.
    const html = await page.content();
    expect(html).not.toContain("__next_f");
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });
}

test("a running live blog loads the site's one script of its own, small, allowed by its policy, and asks only its updates endpoint", async ({ page, request }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) refused.push(m.text());
  });
  const { status, requests } = await requestsOf(page, "/news/kabul-river-flood-live");
  expect(status).toBe(200);
  expect(requests.filter((r) => r.type === "script").map((r) => new URL(r.url).pathname)).toEqual(["/live-updates.js"]);
  // Its first check comes two seconds after load; then every ~15 s.
  await expect.poll(() => requests.filter((r) => r.type === "fetch").map((r) => new URL(r.url).pathname), { timeout: 10_000 }).toEqual(["/news/kabul-river-flood-live/live.json"]);
  const html = await page.content();
  expect(html).not.toContain("__next_f");
  expect(refused).toEqual([]);
  // A few KB: the whole script, gzipped.
  const script = await (await request.get("/live-updates.js")).body();
  expect(gzipSync(script).byteLength).toBeLessThan(3 * 1024);
});

test("the byline page loads no script and prefetches nothing", async ({ page }) => {
  await page.goto(storyPath);
  const byline = (await page.locator('a[rel="author"]').first().getAttribute("href"))!;
  const { status, requests } = await requestsOf(page, byline);
  expect(status).toBe(200);
  expect(requests.filter((r) => r.type === "script" || r.type === "fetch" || r.type === "xhr").map((r) => r.url)).toEqual([]);
});

test("the story page's head carries its canonical URL, description, social cards, feeds, hreflang and NewsArticle data", async ({ page }) => {
  await page.goto(storyPath);
  const head = page.locator("head");
  const content = (selector: string) => head.locator(selector).first().getAttribute("content");
  expect(await head.locator('link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`${storyPath}$`));
  expect(await content('meta[name="description"]')).toBeTruthy();
  expect(await content('meta[property="og:type"]')).toBe("article");
  expect(await content('meta[property="og:title"]')).toBe(f.article.title);
  expect(new Date((await content('meta[property="article:modified_time"]'))!).getTime()).not.toBeNaN();
  expect(await content('meta[name="twitter:card"]')).toMatch(/^summary/);
  expect(await head.locator('link[rel="alternate"][hreflang]').getAttribute("href")).toMatch(new RegExp(`${storyPath}$`));
  expect(await head.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute("href")).toMatch(/\/feed\.xml$/);
  const ld = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld["@type"]).toBe("NewsArticle");
  for (const [path, robots] of [["/search?q=Kabul", "noindex, follow"], ["/no-such-page-here", "noindex, follow"], [storyPath, null]] as const) {
    await page.goto(path);
    const tag = page.locator('meta[name="robots"]');
    if (robots === null) expect(await tag.count(), path).toBe(0);
    else expect(await tag.getAttribute("content"), path).toBe(robots);
  }
});

test("the reader stylesheet is cached for a year at its own address; another build's address still gets styles", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const href = /<link rel="stylesheet" href="(\/assets\/site-[\w-]{16}\.css)"/.exec(html)?.[1];
  expect(href).toBeTruthy();
  const current = await request.get(href!);
  expect(current.status()).toBe(200);
  expect(current.headers()["content-type"]).toContain("text/css");
  expect(current.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const other = await request.get("/assets/site-AAAAAAAAAAAAAAAA.css");
  expect(other.status()).toBe(200);
  expect(other.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");
  expect((await request.get("/assets/passwd")).status()).toBe(404);
});

test("requests that are not GET or HEAD are refused on reader pages and never replace what readers get", async ({ request }) => {
  // A reader address nobody has asked for yet: without the guard, Next would store the answer
  // to the POST (an empty 405) under it, and every reader after would get that.
  const fresh = `/news/never-requested-${Date.now()}`;
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    const res = await request.fetch(fresh, { method });
    expect(res.status(), method).toBe(405);
    expect(res.headers()["allow"], method).toBe("GET, HEAD");
  }
  expect((await request.get(fresh)).status()).toBe(404);
  expect((await request.fetch("/latest", { method: "POST" })).status()).toBe(405);
  const latest = await request.get("/latest");
  expect(latest.status()).toBe(200);
  expect(await latest.text()).toContain("Latest stories");
});

test("reader pages answer a conditional GET with 304 while they have not changed", async ({ request }) => {
  for (const path of ["/", storyPath, `/tag/${E2E.sectionSlug}`, "/latest", "/about", "/search?q=Kabul"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()["etag"];
    expect(etag, path).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, { headers: { "if-none-match": etag! } });
    // A cached page can be regenerated between the two requests (its 5 s lifetime); then the
    // body is new and so is its ETag, and a 200 with the new one is right.
    if (again.status() === 200) expect(again.headers()["etag"], path).not.toBe(etag);
    else {
      expect(again.status(), path).toBe(304);
      expect(await again.body(), path).toHaveLength(0);
    }
    // "no-cache" asks for the page itself, whatever the validators say.
    expect((await request.get(path, { headers: { "if-none-match": etag!, "cache-control": "no-cache" } })).status(), path).toBe(200);
  }
});

test("a reader page works without JavaScript: links, search form and pagination are plain HTML", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "Search" }).first().click();
  await expect(page).toHaveURL(/\/search$/);
  await page.getByRole("searchbox", { name: "Search stories" }).fill("Kabul");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Kabul/);
  await expect(page.getByTestId("search-status")).toContainText("Kabul");
  await context.close();
});
