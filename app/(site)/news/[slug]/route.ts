import { readerResponse } from "@/components/site/render";
import { storyPage } from "./story-page";

/**
 * `/news/<slug>`: a story page (./story-page.tsx). Rendered on first request and cached (ISR);
 * nothing is read at build time. The backstop `revalidate` keeps any cached answer, a 404
 * included, at most a few seconds old, so an address that answered 404 before publication
 * does not stay a 404 after it.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return readerResponse((context) => storyPage(context, slug));
}
