/**
 * Route handlers for the sitemap index, child sitemaps, the News sitemap and robots.txt.
 * Each reads through the reader data cache and answers conditional GETs (304).
 */
import "server-only";
import { documentNotFound, documentResponse } from "@/lib/site/conditional-get";
import { siteUrl } from "@/lib/env";
import { cachedReaderData } from "@/lib/site/reader-cache";
import { loadNewsSitemap, loadSitemapChild, loadSitemapIndex, parseSitemapFile, type SitemapChild } from "./sitemaps";

const XML = "application/xml; charset=utf-8";

const cachedIndex = cachedReaderData("sitemap-index", () => loadSitemapIndex(new Date()));
const cachedChild = cachedReaderData("sitemap-child", (child: SitemapChild) => loadSitemapChild(child, new Date()));
const cachedNews = cachedReaderData("news-sitemap", () => loadNewsSitemap(new Date()));


/** GET /sitemap.xml */
export async function sitemapIndexGet(request: Request): Promise<Response> {
  return documentResponse(request, await cachedIndex(), XML);
}

/** GET /sitemaps/<file> */
export async function sitemapChildGet(request: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const child = parseSitemapFile((await ctx.params).file);
  if (!child) return documentNotFound();
  const doc = await cachedChild(child);
  return doc ? documentResponse(request, doc, XML) : documentNotFound();
}

/** GET /news-sitemap.xml */
export async function newsSitemapGet(request: Request): Promise<Response> {
  return documentResponse(request, await cachedNews(), XML);
}

/**
 * GET /robots.txt: everything public may be crawled; the desk, sign-in and internal routes
 * may not. Search result pages carry `noindex` instead (a disallowed page's noindex is never
 * seen). Names both sitemaps with absolute URLs.
 */
export function robotsGet(request: Request): Response {
  const origin = siteUrl();
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /dashboard",
    "Disallow: /login",
    "Disallow: /signup/",
    "Disallow: /api/",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    `Sitemap: ${origin}/news-sitemap.xml`,
    "",
  ].join("\n");
  return documentResponse(request, { body, lastModified: null }, "text/plain; charset=utf-8");
}
