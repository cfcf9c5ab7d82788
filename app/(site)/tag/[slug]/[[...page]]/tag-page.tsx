/** A tag (section) page: its public stories, newest first, paginated. */
import { loadStoryListPage, resolveSlugList, StoryListPage, type SlugListParams } from "@/components/site/story-list-page";
import { notFoundPage, type ReaderPage } from "@/components/site/render";
import { getTagBySlug, getTagRedirect } from "@/lib/stories/queries";
import { listPageHref } from "@/lib/site/list-route";
import type { ReaderContext } from "@/lib/site/reader";
import { tagListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { feedLinks, siteMeta } from "@/lib/seo/metadata";

/** `/tag/<slug>[/page/N]` at the context's instant. */
export async function tagPage({ now, settings }: ReaderContext, params: SlugListParams): Promise<ReaderPage> {
  const resolved = await resolveSlugList(params, now, { find: getTagBySlug, findMoved: getTagRedirect, prefix: "/tag" });
  if ("kind" in resolved) return resolved;
  const { record: tag, page } = resolved;
  await tagReaderPage([tagListTag(tag.id)]);
  const list = await loadStoryListPage(now, page, { tagId: tag.id });
  if (!list) return notFoundPage;
  const origin = siteUrl();
  const title = `${tag.name} | ${settings.siteName}`;
  const description = tag.description || `Stories about ${tag.name} from ${settings.siteName}.`;
  const path = listPageHref(`/tag/${tag.slug}`, page);
  return {
    kind: "page",
    meta: {
      ...siteMeta(origin, settings.siteName, title),
      description,
      canonical: origin + path,
      feeds: feedLinks(origin, { kind: "tag", slug: tag.slug }, title),
      openGraph: { type: "website", siteName: settings.siteName, title, description, url: origin + path },
    },
    body: (
      <StoryListPage
        list={list}
        page={page}
        base={`/tag/${tag.slug}`}
        settings={settings}
        emptyText="No stories in this section yet."
        header={
          <header className="mb-8 border-b-2 border-brand pb-3">
            <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
            {tag.description ? <p className="mt-2 text-neutral-700">{tag.description}</p> : null}
          </header>
        }
      />
    ),
  };
}
