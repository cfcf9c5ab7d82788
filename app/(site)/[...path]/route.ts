import { notFoundPage, pageResponse, renderReaderPage } from "@/components/site/render";
import { cachedReaderData } from "@/lib/site/reader-cache";

/**
 * Every address no other route answers: the reader site's "Page not found", as plain HTML in
 * the site's shell with status 404. One page for every such address, rendered once and kept
 * in the reader data cache until the next change readers see (the header's sections, the
 * site's name), so addresses invented by crawlers cost no database reads and fill no cache.
 * The response itself is not stored (`no-store`).
 */
export const dynamic = "force-dynamic";

const notFoundHtml = cachedReaderData("not-found-page", async () => {
  const page = await renderReaderPage(async () => notFoundPage);
  return page.status === 308 ? "" : page.html;
});

export async function GET(): Promise<Response> {
  const res = pageResponse({ status: 404, html: await notFoundHtml() });
  res.headers.set("Cache-Control", "no-store");
  return res;
}
