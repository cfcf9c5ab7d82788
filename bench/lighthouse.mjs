/**
 * `node bench/lighthouse.mjs URL…`: Lighthouse (mobile, its default simulated throttling: a
 * mid-range phone on a slow 4G link) in Debian's Chromium ($CHROME_PATH, default
 * /usr/bin/chromium), one audit per URL after a warm-up load, so the server's cache is filled
 * and the score measures the page, not its first render. Prints one JSON array of rows:
 * scores 0–100, LCP and TBT in ms, CLS unitless; `{ error }` for a page Lighthouse refuses to
 * audit (it audits no page with an error status, such as a 404). Plain JavaScript run by Node, not by tsx:
 * Lighthouse sends functions into the page as source text, and tsx's helpers would go with them.
 * $LIGHTHOUSE_CATEGORIES (comma-separated) narrows the categories audited; the default is all four.
 * Exits non-zero when Chromium cannot start or Lighthouse fails.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const urls = process.argv.slice(2);
const onlyCategories = (process.env.LIGHTHOUSE_CATEGORIES || "performance,accessibility,best-practices,seo").split(",");
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
});
try {
  const rows = [];
  for (const url of urls) {
    await fetch(url).then((r) => r.text());
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    // Lighthouse audits no page that answers an error status (a 404 page among them): say so.
    if (runtimeError) {
      rows.push({ error: runtimeError.code });
      continue;
    }
    const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
    const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map((a) => a.id);
    rows.push({
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? -1),
      tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? -1),
      cls: Math.round((audits["cumulative-layout-shift"]?.numericValue ?? -1) * 1000) / 1000,
      failedAudits: failed,
    });
  }
  process.stdout.write(JSON.stringify(rows));
} finally {
  chrome.kill();
}
