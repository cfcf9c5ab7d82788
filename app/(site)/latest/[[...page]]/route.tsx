import { loadStoryListPage, StoryListPage } from "@/components/site/story-list-page";
import { notFoundPage, readerResponse } from "@/components/site/render";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";

/** All public stories, newest first (`/latest`, `/latest/page/N`). Cached per page (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): { page?: string[] }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ page?: string[] }> }): Promise<Response> {
  const page = pageFromRest((await params).page);
  return readerResponse(async ({ now, settings }) => {
    if (page === null) return notFoundPage;
    await tagReaderPage([RECENT_TAG]);
    const list = await loadStoryListPage(now, page);
    if (!list) return notFoundPage;
    const origin = siteUrl();
    return {
      kind: "page",
      meta: {
        ...siteMeta(origin, settings.siteName, `Latest stories${page > 1 ? `, page ${page}` : ""} | ${settings.siteName}`),
        description: `Every story from ${settings.siteName}, newest first.`,
        canonical: origin + listPageHref("/latest", page),
      },
      body: (
        <StoryListPage
          list={list}
          page={page}
          base="/latest"
          settings={settings}
          now={now}
          emptyText="No stories have been published yet."
          header={<h1 className="mb-8 font-serif text-3xl font-bold">Latest stories</h1>}
        />
      ),
    };
  });
}
