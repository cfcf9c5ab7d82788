import { notFoundPage, readerResponse } from "@/components/site/render";

/**
 * Every address no other route answers: the reader site's "Page not found", as plain HTML in
 * the site's shell with status 404. Rendered per request and never cached, so addresses
 * invented by crawlers fill no cache.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const res = await readerResponse(async () => notFoundPage);
  res.headers.set("Cache-Control", "no-store");
  return res;
}
