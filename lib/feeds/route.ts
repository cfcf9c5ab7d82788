/**
 * Route handlers for feeds: `export const GET = feedRoute("tag", "rss")` in
 * app/tag/[slug]/feed.xml/route.ts and the like.
 */
import "server-only";
import { decodeSegment } from "@/lib/site/reader";
import { documentNotFound, documentResponse } from "@/lib/site/conditional-get";
import { FEED_CONTENT_TYPE, type FeedFormat } from "./build";
import { cachedFeed } from "./documents";
import type { FeedScope } from "./paths";

type Ctx = { params: Promise<{ slug?: string; edition?: string }> };

/**
 * A GET handler serving one feed, with ETag/Last-Modified and 304s; 308 for a renamed tag or
 * byline; a plain 404 otherwise.
 */
export function feedRoute(kind: FeedScope["kind"], format: FeedFormat): (request: Request, ctx: Ctx) => Promise<Response> {
  return async (request, ctx) => {
    let scope: FeedScope = { kind: "site" };
    if (kind === "edition") {
      scope = { kind, language: (await ctx.params).edition ?? "" };
    } else if (kind !== "site") {
      const slug = decodeSegment((await ctx.params).slug ?? "");
      if (!slug) return documentNotFound();
      scope = { kind, slug };
    }
    const found = await cachedFeed(scope, format);
    if (found.kind === "missing") return documentNotFound();
    if (found.kind === "redirect") return new Response(null, { status: 308, headers: { Location: found.location } });
    return documentResponse(request, found, FEED_CONTENT_TYPE[format]);
  };
}

