import path from "node:path";
import type { NextConfig } from "next";
import { IMAGE_QUALITY, IMAGE_WIDTHS, THUMB_WIDTHS } from "./lib/media/responsive";
import { READER_PAGE_EXPIRE_SECONDS } from "./lib/site/http-cache";
import { READER_CSP } from "./lib/site/csp";
import { STORY_LANGUAGE_CODES } from "./lib/i18n/language-codes";

/** A path segment that is a language code: the prefix of a language edition's pages. */
const EDITION = `:edition(${STORY_LANGUAGE_CODES.join("|")})`;

/**
 * Next.js configuration.
 * - PGlite ships WASM and data files that must be loaded from node_modules at run time,
 *   not bundled (`serverExternalPackages`).
 * - `poweredByHeader: false`: no need to advertise the framework to readers.
 * - `isrFlushToDisk: false`: see below.
 * - With REDIS_URL set (read when the server starts, so one build serves both ways), Next's
 *   cache moves to Redis, shared by every instance (lib/cache/shared-cache-handler.mjs), and
 *   the per-process memory copy is turned off so no instance serves what another expired.
 */
const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  typedRoutes: false,
  // Cached pages may be served stale for at most this long while they regenerate (the default
  // is a year), so a correction or takedown never lingers at a CDN (lib/site/http-cache.ts).
  expireTime: READER_PAGE_EXPIRE_SECONDS,
  ...(process.env.REDIS_URL
    ? { cacheHandler: path.join(process.cwd(), "lib/cache/shared-cache-handler.mjs"), cacheMaxMemorySize: 0 }
    : {}),
  // Photos: resized by Next's optimiser (sharp) from /media/<hash>.<ext> only, in AVIF or
  // WebP when the browser takes them, at the widths lib/media/responsive.ts asks for. The
  // originals are immutable (content-hashed), so the resized copies may be kept for a year.
  images: {
    localPatterns: [{ pathname: "/media/**", search: "" }],
    deviceSizes: [...IMAGE_WIDTHS],
    imageSizes: [...THUMB_WIDTHS],
    qualities: [IMAGE_QUALITY],
    formats: ["image/avif", "image/webp"],
    minimumCacheTTL: 31_536_000,
  },
  // The front page is served from a parameterised route so it can be cached (see
  // app/(site)/front/[edition]/route.ts).
  async rewrites() {
    return [
      // Old WordPress addresses of the home page (`/?p=123`, `/?page_id=45`): looked up by the
      // catch-all route (app/(site)/[...path]/route.ts); every other "/" is the cached front page.
      { source: "/", has: [{ type: "query", key: "p", value: "(?<p>[0-9]+)" }], destination: "/__wp-query/p/:p" },
      { source: "/", has: [{ type: "query", key: "page_id", value: "(?<pageId>[0-9]+)" }], destination: "/__wp-query/page_id/:pageId" },
      { source: "/", destination: "/front/latest" },
      // Language editions (lib/site/editions.ts): `/fa` is the Dari edition's front page and
      // `/fa/…` its other pages, served by app/(site)/front/[edition]/…; a code the site has no
      // edition for answers 404 there.
      { source: `/${EDITION}`, destination: "/front/:edition" },
      { source: `/${EDITION}/:rest*`, destination: "/front/:edition/:rest*" },
    ];
  },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      // No page of the site needs these powerful features; embedded content may not ask.
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    ];
    // The desk and sign-in page must not be framed by another site (clickjacking); their
    // Content-Security-Policy (with its nonce) is made per request in proxy.ts.
    const noFraming = [{ key: "X-Frame-Options", value: "DENY" }];
    return [
      { source: "/:path*", headers: common },
      // Everything but the desk's pages and Next's own files: reader pages run no script.
      { source: "/", headers: [{ key: "Content-Security-Policy", value: READER_CSP }] },
      // A story page (`/news/<slug>`) sets its own: a live blog's runs the site's updates script
      // (components/site/render.tsx). Everything under it (feeds, updates, older pages) has this one.
      { source: "/:first((?!(?:dashboard|login|signup|_next|news)(?:\\/|$))[^/]+)/:rest*", headers: [{ key: "Content-Security-Policy", value: READER_CSP }] },
      { source: "/news", headers: [{ key: "Content-Security-Policy", value: READER_CSP }] },
      { source: "/news/:slug/:rest+", headers: [{ key: "Content-Security-Policy", value: READER_CSP }] },
      // A preview link's address carries its secret: never sent on as a referrer.
      { source: "/preview/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      // Desk APIs answer one signed-in person: never stored by a browser or a shared cache.
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
      { source: "/dashboard/:path*", headers: noFraming },
      { source: "/dashboard", headers: noFraming },
      { source: "/login", headers: noFraming },
      { source: "/signup/:path*", headers: noFraming },
    ];
  },
  experimental: {
    // `forbidden()` and forbidden.tsx: a desk screen a role may not open answers 403 with a
    // "no access" page inside the desk (app/(dashboard)/dashboard/forbidden.tsx).
    authInterrupts: true,
    // Keep ISR results in memory (and, later, in the shared cache handler), not in .next on
    // disk: a page cached against one database must never be served against another.
    isrFlushToDisk: false,
    // Story bodies may be up to 2 MB of JSON (checked with a clear message in lib); leave
    // room for the other fields so the limit that speaks is ours, not the framework's.
    serverActions: { bodySizeLimit: "3mb" },
  },
};

export default nextConfig;
