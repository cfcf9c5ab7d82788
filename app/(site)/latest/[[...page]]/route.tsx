import { readerResponse } from "@/components/site/render";
import { pageFromRest } from "@/lib/site/list-route";
import { latestPage } from "./latest-page";

/** All public stories of the default edition, newest first (`/latest`, `/latest/page/N`; ./latest-page.tsx). Cached per page (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): { page?: string[] }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ page?: string[] }> }): Promise<Response> {
  const page = pageFromRest((await params).page);
  return readerResponse((context) => latestPage(context, page));
}
