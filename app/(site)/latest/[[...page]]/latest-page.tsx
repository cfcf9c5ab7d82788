/**
 * The newest stories of an edition, newest first (`/latest`, `/latest/page/N`, `/fa/latest`).
 */
import { loadStoryListPage, StoryListPage } from "@/components/site/story-list-page";
import { notFoundPage, type ReaderPage } from "@/components/site/render";
import { listPageHref } from "@/lib/site/list-route";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { editionPrefixer, type ReaderContext } from "@/lib/site/reader";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";
import { t } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";

/** Page `page` of the context's edition's Latest list (null `page`: no such address). */
export async function latestPage(context: ReaderContext, page: number | null): Promise<ReaderPage> {
  const { now, settings, edition, scope } = context;
  if (page === null) return notFoundPage;
  await tagReaderPage([RECENT_TAG]);
  const list = await loadStoryListPage(now, page, { scope });
  if (!list) return notFoundPage;
  const origin = siteUrl();
  const language = chromeLanguageOf(settings);
  const base = `${edition.prefix}/latest`;
  return {
    kind: "page",
    language,
    meta: {
      ...siteMeta(origin, settings.siteName, `${page > 1 ? t(language, "latest.titlePage", { page }) : t(language, "latest.title")} | ${settings.siteName}`),
      description: t(language, "latest.description", { site: settings.siteName }),
      canonical: origin + listPageHref(base, page),
    },
    body: (
      <StoryListPage
        list={list}
        page={page}
        base={base}
        settings={settings}
        now={now}
        language={language}
        prefixOf={editionPrefixer(context)}
        emptyText={t(language, "list.noStoriesYet")}
        header={<h1 className="mb-8 font-serif text-3xl font-bold">{t(language, "latest.title")}</h1>}
      />
    ),
  };
}
