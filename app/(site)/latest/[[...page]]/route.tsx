import { loadStoryListPage, StoryListPage } from "@/components/site/story-list-page";
import { notFoundPage, readerResponse } from "@/components/site/render";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";
import { t } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";

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
    const language = chromeLanguageOf(settings);
    return {
      kind: "page",
      language,
      meta: {
        ...siteMeta(origin, settings.siteName, `${page > 1 ? t(language, "latest.titlePage", { page }) : t(language, "latest.title")} | ${settings.siteName}`),
        description: t(language, "latest.description", { site: settings.siteName }),
        canonical: origin + listPageHref("/latest", page),
      },
      body: (
        <StoryListPage
          list={list}
          page={page}
          base="/latest"
          settings={settings}
          now={now}
          language={language}
          emptyText={t(language, "list.noStoriesYet")}
          header={<h1 className="mb-8 font-serif text-3xl font-bold">{t(language, "latest.title")}</h1>}
        />
      ),
    };
  });
}
