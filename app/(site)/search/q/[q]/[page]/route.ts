import { notFoundPage, readerResponse } from "@/components/site/render";
import { searchPage } from "../../../search-view";

/**
 * `/search?q=<words>&page=<n>`, as the proxy rewrites it: `/search/q/<words as base64url of
 * their UTF-8>/<n>`. Cached like every reader page (ISR, expired on every change readers
 * see), so readers searching the same words during a spike are served the stored page.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { q: string; page: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ q: string; page: string }> }): Promise<Response> {
  const { q, page } = await params;
  return readerResponse(async (context) =>
    /^[A-Za-z0-9_-]{1,2000}$/.test(q) ? searchPage(context, Buffer.from(q, "base64url").toString("utf8"), page) : notFoundPage,
  );
}
