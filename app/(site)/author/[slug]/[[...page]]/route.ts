import { readerResponse } from "@/components/site/render";
import type { SlugListParams } from "@/components/site/story-list-page";
import { bylinePage } from "./byline-page";

/** `/author/<slug>[/page/N]` (./byline-page.tsx). Cached (ISR), rendered on first request. */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): SlugListParams[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<SlugListParams> }): Promise<Response> {
  const p = await params;
  return readerResponse((context) => bylinePage(context, p));
}
