import { expect, test, type APIRequestContext } from "@playwright/test";
import { find, findAll, parseXml } from "../test/xml";
import { E2E } from "./fixtures";
import { as, draftStory, scheduleOpenStory, unpublishOpenStory } from "./helpers";
import { xmllint } from "./validators";

/**
 * Feeds, sitemaps and search after publishing, scheduling and unpublishing stories through
 * the desk: every output obeys the one visibility rule and stays valid (xmllint, schemas).
 */

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

/** Every machine-readable output, fetched fresh and checked for well-formedness and schema validity. */
async function fetchOutputs(request: APIRequestContext, word: string) {
  const get = async (url: string) => {
    const res = await request.get(url, { headers: { "cache-control": "no-cache" } });
    expect(res.status(), url).toBe(200);
    return { text: await res.text(), type: res.headers()["content-type"] ?? "" };
  };
  const rss = await get("/feed.xml");
  expect(rss.type).toBe("application/rss+xml; charset=utf-8");
  expect(xmllint(rss.text)).toEqual({ ok: true, messages: "" });
  const atom = await get("/atom.xml");
  expect(atom.type).toBe("application/atom+xml; charset=utf-8");
  expect(xmllint(atom.text)).toEqual({ ok: true, messages: "" });
  const json = JSON.parse((await get("/feed.json")).text) as { items: { title: string }[] };
  const index = await get("/sitemap.xml");
  expect(xmllint(index.text, "siteindex")).toEqual({ ok: true, messages: "" });
  let sitemaps = "";
  for (const loc of findAll(parseXml(index.text), "loc")) {
    const child = await get(new URL(loc.text).pathname);
    expect(xmllint(child.text, "sitemap"), loc.text).toEqual({ ok: true, messages: "" });
    sitemaps += child.text;
  }
  const news = await get("/news-sitemap.xml");
  expect(xmllint(news.text, "sitemap")).toEqual({ ok: true, messages: "" });
  const search = await get(`/search?q=${encodeURIComponent(word)}`);
  return { rss: rss.text, atom: atom.text, json, sitemaps, news: news.text, search: search.text };
}

test.describe.serial("feeds, sitemaps and search follow publishing", () => {
  const stamp = Date.now().toString(36);
  const word = `quokka${stamp}`;
  // Markup characters in the headline, control characters pasted into the body: the feeds
  // must stay well-formed XML (https://github.com/TryGhost/Ghost/issues/10316).
  // Two "]]>" in one headline once ended the feed's CDATA section early; Arabic-script text too.
  const headline = `Aid & Budget: "Q1" <update> a]]>b]]>c بودجه ${word}`;
  let slug = "";
  let storyUrl = "";

  test("a published story is in every feed, sitemap and search, escaped once and dated honestly", async ({ browser, request }) => {
    const page = await as(browser, "editor");
    slug = await draftStory(page, headline, `Figures pasted from a spreadsheet\u0007 with a form feed\u000C about ${word}. x]]>y]]>z <script>alert(1)</script>`);
    storyUrl = page.url();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("story-status")).toHaveText("Published");
    await page.context().close();

    const out = await fetchOutputs(request, word);
    const rss = parseXml(out.rss);
    const item = findAll(rss, "item").find((i) => find(i, "title").text === headline);
    expect(item, "story in RSS with its title escaped once").toBeDefined();
    expect(out.rss).not.toContain("&amp;amp;");
    expect(out.rss).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(find(item!, "link").text).toMatch(new RegExp(`^https?://[^/]+/news/${slug}$`));
    const pubDate = find(item!, "pubDate").text;
    expect(pubDate).toMatch(RFC822);
    // The story page shows the same instant (to the second) as its "Last Updated On" <time>.
    const reader = await browser.newPage();
    await reader.goto(`/news/${slug}`);
    const shown = await reader.getByTestId("last-updated").locator("time").first().getAttribute("datetime");
    expect(Math.floor(new Date(pubDate).getTime() / 1000)).toBe(Math.floor(new Date(shown!).getTime() / 1000));
    await reader.close();
    expect(findAll(parseXml(out.atom), "entry").some((e) => find(e, "link").attributes.href?.endsWith(`/news/${slug}`))).toBe(true);
    expect(out.json.items.map((i) => i.title)).toContain(headline);
    expect(out.sitemaps).toContain(`/news/${slug}</loc>`);
    expect(out.news).toContain(`/news/${slug}</loc>`);
    expect(out.search).toContain(`/news/${slug}"`);
  });

  test("conditional GET answers 304 for feeds and sitemaps that have not changed", async ({ request }) => {
    for (const url of ["/feed.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", `/tag/${E2E.sectionSlug}/feed.xml`]) {
      const first = await request.get(url);
      expect(first.status(), url).toBe(200);
      const etag = first.headers()["etag"];
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      expect((await request.get(url, { headers: { "if-none-match": etag! } })).status(), url).toBe(304);
      const lastModified = first.headers()["last-modified"];
      if (lastModified) expect((await request.get(url, { headers: { "if-modified-since": lastModified } })).status(), url).toBe(304);
    }
  });

  test("a scheduled story is in no output before its instant and in all of them within 1 s after", async ({ browser, request }) => {
    test.setTimeout(120_000);
    const later = `Scheduled wombat${stamp}`;
    const page = await as(browser, "editor");
    const laterSlug = await draftStory(page, later, `A story about wombat${stamp} for later.`);
    const instant = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000);
    await scheduleOpenStory(page, instant);
    await page.context().close();

    const before = await fetchOutputs(request, `wombat${stamp}`);
    expect(Date.now()).toBeLessThan(instant.getTime());
    for (const [name, text] of Object.entries({ rss: before.rss, atom: before.atom, json: JSON.stringify(before.json), sitemaps: before.sitemaps, news: before.news })) {
      expect(text, name).not.toContain(laterSlug);
    }
    expect(before.search).not.toContain(`/news/${laterSlug}"`);

    await new Promise((r) => setTimeout(r, Math.max(0, instant.getTime() - Date.now())));
    let lag = -1;
    while (Date.now() - instant.getTime() < 5_000) {
      const res = await request.get("/feed.xml");
      if ((await res.text()).includes(`/news/${laterSlug}<`)) {
        lag = Date.now() - instant.getTime();
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    console.log(`scheduled story: in the RSS feed ${lag} ms after its instant`);
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(1_000);
    const after = await fetchOutputs(request, `wombat${stamp}`);
    expect(after.sitemaps).toContain(`/news/${laterSlug}</loc>`);
    expect(after.news).toContain(`/news/${laterSlug}</loc>`);
    expect(after.json.items.map((i) => i.title)).toContain(later);
    expect(after.search).toContain(`/news/${laterSlug}"`);
  });

  test("unpublishing takes the story out of every output on the next request", async ({ browser, request }) => {
    const page = await as(browser, "editor");
    await page.goto(storyUrl);
    await unpublishOpenStory(page);
    await page.context().close();
    const out = await fetchOutputs(request, word);
    for (const [name, text] of Object.entries({ rss: out.rss, atom: out.atom, json: JSON.stringify(out.json), sitemaps: out.sitemaps, news: out.news, search: out.search })) {
      expect(text, name).not.toContain(`/news/${slug}`);
    }
    expect(out.search).toContain("No stories match");
  });
});

test("search answers bad queries cleanly", async ({ page }) => {
  for (const [q, says] of [
    ["", null],
    ["!!! *** ???", "punctuation and symbols alone match nothing"],
    ["kabul ".repeat(1000), "only its beginning was used"],
    ["\u0000", null],
  ] as const) {
    const res = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(res?.status(), JSON.stringify(q.slice(0, 20))).toBe(200);
    if (says) await expect(page.getByTestId("search-status")).toContainText(says);
  }
  await page.goto(`/search?q=${encodeURIComponent("شورای شهر")}`);
  await expect(page.getByTestId("search-hit").first()).toContainText(E2E.rtlTitle);
  await expect(page.getByTestId("search-hit").first().locator("mark").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/search.png", fullPage: true });
});
