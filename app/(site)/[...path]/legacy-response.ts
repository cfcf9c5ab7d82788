/**
 * Answers for addresses no other route answers (app/(site)/[...path]/route.ts and an edition's
 * unknown addresses, app/(site)/front/[edition]/[...path]/route.ts).
 */
import { notFoundPage, pageResponse, renderReaderPage } from "@/components/site/render";
import { getDb } from "@/db";
import { findLegacyRedirect, normalizeLegacyPath } from "@/lib/redirects/legacy";
import { cachedReaderData } from "@/lib/site/reader-cache";

const notFoundHtml = cachedReaderData("not-found-page", async () => {
  const page = await renderReaderPage(async () => notFoundPage);
  return page.status === 308 ? "" : page.html;
});

/** The redirect key of a request's path segments, or null. */
function legacyKey(path: string[]): string | null {
  if (path[0] === "__wp-query") return path.length === 3 && (path[1] === "p" || path[1] === "page_id") && /^[1-9][0-9]{0,18}$/.test(path[2]!) ? `${path[1]}:${path[2]}` : null;
  return normalizeLegacyPath(`/${path.map((s) => encodeURIComponent(s)).join("/")}`);
}

/**
 * The answer for an address no route has: a 308 to where an imported WordPress address lives
 * now, else the site's 404 page (not stored).
 * @param path the address's segments, decoded.
 */
export async function legacyOrNotFound(path: string[]): Promise<Response> {
  const key = legacyKey(path);
  const target = key ? await findLegacyRedirect(await getDb(), key) : null;
  if (target) return new Response(null, { status: 308, headers: { Location: target, "Cache-Control": "no-store" } });
  const res = pageResponse({ status: 404, html: await notFoundHtml() });
  res.headers.set("Cache-Control", "no-store");
  return res;
}
