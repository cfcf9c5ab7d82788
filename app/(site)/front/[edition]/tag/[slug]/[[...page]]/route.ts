import { readerResponse } from "@/components/site/render";
import type { SlugListParams } from "@/components/site/story-list-page";
import { tagPage } from "../../../../../tag/[slug]/[[...page]]/tag-page";

/**
 * A section (tag) page in an edition, `/<code>/tag/<slug>[/page/N]` (rewritten here by
 * next.config.ts): named in the edition's language, its stories first. Cached (ISR).
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): (SlugListParams & { edition: string })[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<SlugListParams & { edition: string }> }): Promise<Response> {
  const { edition, ...p } = await params;
  return readerResponse((context) => tagPage(context, p), edition);
}
