/**
 * Reader pages as plain HTML responses. Every reader route is a route handler that loads its
 * page (a `ReaderPage`: content and head, a redirect, or not found) and answers with
 * `readerResponse`, which puts the page in the site's shell and document and renders it to
 * static markup with React's server renderer: the same components, no client runtime, no
 * hydration data. Next caches the response (ISR, `export const revalidate` in the route) under
 * the page's path and the tags the page noted (lib/site/reader-cache.ts), exactly as it cached
 * the pages before.
 */
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { isInLanguageScope, listBreakingStories, listNavSectionsInAllLanguages, named } from "@/lib/stories/queries";
import { getSiteSettings } from "@/lib/site/settings";
import { nextScheduledInstant } from "@/lib/publishing/scheduler";
import { readerContext, settingsInEdition, type ReaderContext } from "@/lib/site/reader";
import { defaultEdition, editionAt, editionForLanguage, editionScope, editionsOf } from "@/lib/site/editions";
import { etagOf } from "@/lib/site/conditional-get";
import { siteUrl } from "@/lib/env";
import { siteMeta, type PageMeta } from "@/lib/seo/metadata";
import { READER_CSP, READER_SCRIPT_CSP } from "@/lib/site/csp";
import { chromeLanguageOf } from "@/lib/site/chrome-language";
import { t } from "@/lib/i18n/messages";
import { ReaderDocument } from "./document";
import { GoneBody, NotFoundBody } from "./not-found-body";
import { SiteShell, type ShellData } from "./site-shell";

/**
 * What a reader route found: a page to show, a permanent redirect (308), nothing (404), or a
 * story removed on purpose (410 Gone).
 */
export type ReaderPage =
  | {
      kind: "page";
      meta: PageMeta;
      body: ReactNode;
      /** The page runs the site's own script (a live blog's updates): its policy allows scripts from the site. */
      runsSiteScript?: boolean;
      /** One story's page: its shell is the edition of the story's language (`language`). */
      storyPage?: boolean;
      /** The language of the page's own words and its shell (a story's language); default the site's (lib/site/chrome-language.ts). */
      language?: string;
    }
  | { kind: "redirect"; location: string }
  | { kind: "not-found" }
  | { kind: "gone" };

/** Shorthands for loaders. */
export const notFoundPage: ReaderPage = { kind: "not-found" };
export const gonePage: ReaderPage = { kind: "gone" };
export const redirectTo = (location: string): ReaderPage => ({ kind: "redirect", location });

/** The reader stylesheet (Tailwind, built by scripts/build-reader-css.mjs after `next build`). */
const CSS_FILE = path.join(process.cwd(), ".next", "reader", "site.css");
let stylesheet: { css: string; href: string } | null = null;

/**
 * The reader stylesheet and its address, `/assets/site-<content hash>.css`: a new build with
 * new styles gets a new address, so browsers and CDNs may keep each one for a year.
 * @throws when the stylesheet was not built (a clear message for the server log).
 */
export function readerStylesheet(): { css: string; href: string } {
  if (stylesheet) return stylesheet;
  let css: string;
  try {
    css = fs.readFileSync(CSS_FILE, "utf8");
  } catch {
    throw new Error(`The reader stylesheet ${CSS_FILE} is missing: build with \`npm run build\` (next build, then the reader stylesheet).`);
  }
  const built = { css, href: `/assets/site-${createHash("sha256").update(css).digest("base64url").slice(0, 16)}.css` };
  // In development the file is rebuilt while the server runs (npm run dev), so read it each time.
  if (process.env.NODE_ENV === "production") stylesheet = built;
  return built;
}

/** The Arabic-script web font, copied from its npm package by scripts/build-reader-css.mjs. */
const FONT_DIR = path.join(process.cwd(), ".next", "reader", "fonts");
let arabicFont: { name: string; href: string; file: string } | null = null;

/**
 * The Arabic-script web font of this build (the stylesheet's `@font-face` names it): its file
 * name, its address (`/assets/vazirmatn-arabic-<content hash>.woff2`, cached for a year like
 * the stylesheet) and its path on disk.
 * @throws when the font was not built.
 */
export function readerFont(): { name: string; href: string; file: string } {
  if (arabicFont) return arabicFont;
  const name = (fs.existsSync(FONT_DIR) ? fs.readdirSync(FONT_DIR) : []).find((f) => f.endsWith(".woff2"));
  if (!name) throw new Error(`The reader font is missing from ${FONT_DIR}: build with \`npm run build\`.`);
  const found = { name, href: `/assets/${name}`, file: path.join(FONT_DIR, name) };
  if (process.env.NODE_ENV === "production") arabicFont = found;
  return found;
}

/** React's static renderer, loaded on first use (a static import of react-dom/server is refused in server code). */
async function renderToHtml(element: ReactNode): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
}

/**
 * How long before a scheduled instant a finished render still counts as too close to it: more
 * than the time from the end of a render to its response being stored in the cache (memory or
 * Redis: milliseconds).
 */
const STORE_MARGIN_MS = 1000;

/** A rendered reader page: HTML with its status, or a permanent redirect. */
export type RenderedPage = { status: 200 | 404 | 410; html: string; runsSiteScript?: boolean } | { status: 308; location: string };

/** How many stories the breaking-news bar shows. */
const BREAKING_IN_BAR = 3;

/**
 * Loads one reader page and renders it: the page in the site's shell and document, the "Page
 * not found" page (404), or the redirect to a page's current address (308).
 * @param load reads the page at the context's instant; its errors pass through (a 500).
 * @param editionCode the language code of the edition whose address this is (`/fa/…`);
 *   absent: the default edition. A code the site has no edition for answers 404.
 */
export async function renderReaderPage(load: (context: ReaderContext) => Promise<ReaderPage>, editionCode?: string): Promise<RenderedPage> {
  const now = new Date();
  const [site, nextInstant] = await Promise.all([getSiteSettings(), nextScheduledInstant(now)]);
  const routeEdition = editionCode === undefined ? defaultEdition(site) : editionAt(site, editionCode);
  const context = readerContext(site, routeEdition ?? defaultEdition(site), now);
  // The navigation and every edition's breaking stories are read while the page loads; the
  // shell picks its edition's once it knows the page's language.
  const [page, sections, breaking] = await Promise.all([
    routeEdition ? load(context) : Promise.resolve(notFoundPage),
    listNavSectionsInAllLanguages(now, 8),
    listBreakingStories(now, 30),
  ]);
  const result = page.kind === "redirect" ? ({ status: 308, location: page.location } as const) : await renderInShell(page, context, { sections, breaking });
  // A page read before an instant at which reader pages change by themselves (a scheduled
  // publication, a breaking label's expiry) must not be stored after the scheduler expired
  // the pages at that instant: the old page (a 404 for the story just published) would then
  // be served until its lifetime ran out. So a render that ends within STORE_MARGIN_MS of such
  // an instant waits for it and renders again, reading the new state.
  const wait = nextInstant ? nextInstant.getTime() - Date.now() : Infinity;
  if (wait < STORE_MARGIN_MS) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait) + 1));
    return renderReaderPage(load, editionCode);
  }
  return result;
}

/**
 * The shell of a page: its edition (a story's is its language's; any other page's, the
 * route's), with that edition's site name, navigation named in its language and breaking bar.
 */
function shellFor(page: Exclude<ReaderPage, { kind: "redirect" }>, context: ReaderContext, read: { sections: Awaited<ReturnType<typeof listNavSectionsInAllLanguages>>; breaking: Awaited<ReturnType<typeof listBreakingStories>> }): ShellData {
  const { site } = context;
  const edition = page.kind === "page" && page.language && page.storyPage ? editionForLanguage(site, page.language) : context.edition;
  const scope = editionScope(site, edition);
  return {
    settings: settingsInEdition(site, edition),
    edition,
    editions: editionsOf(site),
    sections: named(read.sections, edition.language),
    breaking: read.breaking.filter((b) => isInLanguageScope(b.language, scope)).slice(0, BREAKING_IN_BAR),
  };
}

/** A found page, or the "Page not found" or "Story removed" page, in the site's shell and document. */
async function renderInShell(page: Exclude<ReaderPage, { kind: "redirect" }>, context: ReaderContext, read: Parameters<typeof shellFor>[2]): Promise<RenderedPage> {
  const shell = shellFor(page, context, read);
  const { settings } = shell;
  if (page.kind === "page") {
    const language = page.language ?? chromeLanguageOf(settings);
    const html = await renderToHtml(
      <ReaderDocument meta={page.meta} stylesheet={readerStylesheet().href} font={readerFont().href} language={language}>
        <SiteShell shell={shell} language={language}>
          {page.body}
        </SiteShell>
      </ReaderDocument>,
    );
    return { status: 200, html, runsSiteScript: page.runsSiteScript === true };
  }
  const gone = page.kind === "gone";
  const language = chromeLanguageOf(settings);
  const title = `${t(language, gone ? "error.goneMetaTitle" : "error.notFoundTitle")} | ${settings.siteName}`;
  const meta: PageMeta = { ...siteMeta(siteUrl(), settings.siteName, title), robots: { index: false, follow: true } };
  const html = await renderToHtml(
    <ReaderDocument meta={meta} stylesheet={readerStylesheet().href} font={readerFont().href} language={language}>
      <SiteShell shell={shell} language={language}>
        {gone ? <GoneBody language={language} /> : <NotFoundBody language={language} />}
      </SiteShell>
    </ReaderDocument>,
  );
  return { status: gone ? 410 : 404, html };
}

/**
 * The response for a rendered page: 200 with a strong ETag (conditional GETs are answered by
 * the server, scripts/serve.mjs), 404, 410, or 308 with its Location.
 */
export function pageResponse(page: RenderedPage): Response {
  if (page.status === 308) return new Response(null, { status: 308, headers: { Location: page.location } });
  return new Response(page.html, {
    status: page.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      ...(page.status === 200 ? { ETag: etagOf(page.html) } : {}),
      // Story pages have no fixed policy header (next.config.ts): each reader page says its own.
      "Content-Security-Policy": page.runsSiteScript ? READER_SCRIPT_CSP : READER_CSP,
    },
  });
}

/** `renderReaderPage`, answered with `pageResponse`: what every reader route returns (`editionCode` for an edition's address). */
export async function readerResponse(load: (context: ReaderContext) => Promise<ReaderPage>, editionCode?: string): Promise<Response> {
  return pageResponse(await renderReaderPage(load, editionCode));
}

/**
 * The response for a preview (a story's saved state, for staff or a preview link): never
 * stored by a browser, Next's cache, Redis or a CDN (`private, no-store`), never indexed
 * (`X-Robots-Tag`, Google's robots meta tag documentation), and its address, which may carry a
 * preview link's secret, never sent on as a referrer.
 */
export async function previewResponse(load: (context: ReaderContext) => Promise<ReaderPage>): Promise<Response> {
  const response = pageResponse(await renderReaderPage(load));
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.delete("ETag");
  return response;
}
