import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import type { LighthouseRow } from "../bench/lighthouse";
import { makeSlug } from "../lib/text/slug";
import { E2E, seedFixture } from "./fixtures";
import { lighthouseAudit, nuErrors } from "./validators";

/**
 * The reader pages' quality bars: the W3C Nu HTML Checker finds no error, axe-core no
 * violation at phone and desktop widths in light and dark mode, and Lighthouse's mobile audit
 * scores accessibility, best practices and SEO 100, on the home page, a story, a
 * right-to-left story, a section, a byline, search and a page that is not there.
 */

const PAGES = {
  home: "/",
  story: `/news/${makeSlug(seedFixture.article.title)}`,
  "right-to-left story": `/news/${E2E.rtlSlug}`,
  section: `/tag/${E2E.sectionSlug}`,
  byline: `/author/${makeSlug(seedFixture.article.bylines[0]!)}`,
  search: "/search?q=kabul",
  "not found": "/news/no-such-story-was-ever-written",
  about: "/about",
  latest: "/latest",
};

test("reader pages pass the W3C Nu HTML Checker", async ({ request }) => {
  const html: Record<string, string> = {};
  for (const [name, url] of Object.entries(PAGES)) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(name === "not found" ? 404 : 200);
    html[`${name} (${url})`] = await res.text();
  }
  expect(nuErrors(html)).toEqual([]);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`reader pages have no axe-core violation at 390 and 1280 px, ${colorScheme} mode`, async ({ browser }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const url of Object.values(PAGES)) {
        await page.goto(url);
        const result = await new AxeBuilder({ page }).analyze();
        violations.push(...result.violations.map((v) => `${url} at ${width} px: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
}

test("Lighthouse (mobile) scores accessibility, best practices and SEO 100 on the reader pages", async ({ baseURL }) => {
  test.setTimeout(300_000);
  // Lighthouse audits no page that answers an error status, so the 404 page is left to the
  // checks above; search pages are noindex by design, which Lighthouse's SEO counts against.
  const audited = Object.entries(PAGES).filter(([name]) => name !== "not found");
  const rows = lighthouseAudit(audited.map(([, url]) => baseURL + url), ["accessibility", "best-practices", "seo"]);
  const below: string[] = [];
  rows.forEach((row, i) => {
    const [name] = audited[i]!;
    if ("error" in row) {
      below.push(`${name}: Lighthouse refused the page (${row.error})`);
      return;
    }
    const r = row as LighthouseRow;
    console.log(`Lighthouse ${name}: accessibility ${r.accessibility}, best practices ${r.bestPractices}, SEO ${r.seo}`);
    const failed = r.failedAudits.filter((id) => !(name === "search" && id === "is-crawlable"));
    const seoOk = r.seo === 100 || (name === "search" && failed.length === 0);
    if (r.accessibility < 100 || r.bestPractices < 100 || !seoOk) below.push(`${name}: accessibility ${r.accessibility}, best practices ${r.bestPractices}, SEO ${r.seo}; failed: ${failed.join(", ") || "none"}`);
  });
  expect(below).toEqual([]);
});
