import { readerResponse } from "@/components/site/render";
import { frontPage } from "./front-page";

/**
 * The front page of an edition (./front-page.tsx). Readers reach the default edition's at `/`
 * through a rewrite (next.config.ts) to `/front/latest`, and another language's at `/<code>`
 * (`/fa`) to `/front/<code>`: a route with a parameter can be cached like every other reader
 * page (ISR, rendered on first request), while one with no parameters would be prerendered
 * during `next build`, when the database must not be read (the build machine need not reach
 * it, and the embedded database allows one process). A code the site has no edition for is a
 * 404.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { edition: string }[] {
  return [];
}

/** The default edition's segment. */
const DEFAULT_EDITION = "latest";

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string }> }): Promise<Response> {
  const { edition } = await params;
  return readerResponse(frontPage, edition === DEFAULT_EDITION ? undefined : edition);
}
