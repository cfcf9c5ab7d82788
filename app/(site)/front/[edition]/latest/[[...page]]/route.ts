import { readerResponse } from "@/components/site/render";
import { pageFromRest } from "@/lib/site/list-route";
import { latestPage } from "../../../../latest/[[...page]]/latest-page";

/** An edition's newest stories, `/<code>/latest[/page/N]` (rewritten here by next.config.ts). Cached per page (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { edition: string; page?: string[] }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string; page?: string[] }> }): Promise<Response> {
  const { edition, page } = await params;
  return readerResponse((context) => latestPage(context, pageFromRest(page)), edition);
}
