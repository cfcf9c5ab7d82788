import { notFoundPage, pageResponse, renderReaderPage } from "@/components/site/render";
import { getDb } from "@/db";
import { findLegacyRedirect, normalizeLegacyPath } from "@/lib/redirects/legacy";
import { cachedReaderData } from "@/lib/site/reader-cache";

/**
 * Every address no other route answers. An old WordPress address kept by an import
 * (lib/redirects/legacy.ts) answers 308 to its new one, after one indexed read; any other is
 * the reader site's "Page not found", as plain HTML in the site's shell with status 404. One
 * page for every such address, rendered once and kept in the reader data cache until the next
 * change readers see (the header's sections, the site's name), so addresses invented by
 * crawlers cost one indexed read and fill no cache. The response itself is not stored
 * (`no-store`).
 *
 * The home page's query addresses (`/?p=123`, `/?page_id=45`) arrive here rewritten as
 * `/__wp-query/p/123` (next.config.ts), so the front page itself never reads the query.
 */
export const dynamic = "force-dynamic";

const notFoundHtml = cachedReaderData("not-found-page", async () => {
  const page = await renderReaderPage(async () => notFoundPage);
  return page.status === 308 ? "" : page.html;
});

/** The redirect key of a request's path segments, or null. */
function legacyKey(path: string[]): string | null {
  if (path[0] === "__wp-query") return path.length === 3 && (path[1] === "p" || path[1] === "page_id") && /^[1-9][0-9]{0,18}$/.test(path[2]!) ? `${path[1]}:${path[2]}` : null;
  return normalizeLegacyPath(`/${path.map((s) => encodeURIComponent(s)).join("/")}`);
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const key = legacyKey((await params).path);
  const target = key ? await findLegacyRedirect(await getDb(), key) : null;
  if (target) return new Response(null, { status: 308, headers: { Location: target, "Cache-Control": "no-store" } });
  const res = pageResponse({ status: 404, html: await notFoundHtml() });
  res.headers.set("Cache-Control", "no-store");
  return res;
}
