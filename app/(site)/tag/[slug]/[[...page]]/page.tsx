import type { Metadata } from "next";
import { loadStoryListPage, readSlugList, resolveSlugList, StoryListPage, type SlugListParams } from "@/components/site/story-list-page";
import { getTagBySlug, getTagRedirect } from "@/lib/stories/queries";
import { listPageHref } from "@/lib/site/list-route";
import { tagListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/** A tag (section) page: its public stories, newest first, paginated. Cached (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): { slug: string; page?: string[] }[] {
  return [];
}

type Props = { params: SlugListParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { record: tag, page, settings } = await readSlugList(params, getTagBySlug);
  if (!tag) return { title: "Not found" };
  const title = `${tag.name} | ${settings.siteName}`;
  const description = tag.description || `Stories about ${tag.name} from ${settings.siteName}.`;
  const path = listPageHref(`/tag/${tag.slug}`, page);
  return {
    title,
    description,
    alternates: pageAlternates(siteUrl(), path, { kind: "tag", slug: tag.slug }, title),
    openGraph: { type: "website", siteName: settings.siteName, title, description, url: siteUrl() + path },
  };
}

export default async function TagPage({ params }: Props) {
  const { record: tag, page, now, settings } = await resolveSlugList(params, { find: getTagBySlug, findMoved: getTagRedirect, prefix: "/tag" });
  await tagReaderPage([tagListTag(tag.id)]);
  const list = await loadStoryListPage(now, page, { tagId: tag.id });
  return (
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
  );
}
