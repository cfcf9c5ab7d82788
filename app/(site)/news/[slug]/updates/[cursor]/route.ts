import { readerResponse } from "@/components/site/render";
import { liveUpdatesPage } from "../../story-page";

/**
 * `/news/<slug>/updates/<cursor>`: an older page of a live blog's entries (the "Older updates"
 * link), cached like the story page and expired with it.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; cursor: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; cursor: string }> }): Promise<Response> {
  const { slug, cursor } = await params;
  return readerResponse((context) => liveUpdatesPage(context, slug, cursor));
}
