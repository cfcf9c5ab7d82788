import { legacyOrNotFound } from "./legacy-response";

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

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return legacyOrNotFound((await params).path);
}
