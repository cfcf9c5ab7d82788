import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadStoryListPage, StoryListPage } from "@/components/site/story-list-page";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { getReaderContext } from "@/lib/site/reader";
import { RECENT_TAG, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/** All public stories, newest first (`/latest`, `/latest/page/N`). Cached per page (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): { page?: string[] }[] {
  return [];
}

type Props = { params: Promise<{ page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageFromRest((await params).page);
  const { settings } = await getReaderContext();
  return {
    title: `Latest stories${page && page > 1 ? `, page ${page}` : ""} | ${settings.siteName}`,
    alternates: pageAlternates(siteUrl(), listPageHref("/latest", page ?? 1), { kind: "site" }, settings.siteName),
  };
}

export default async function LatestPage({ params }: Props) {
  const page = pageFromRest((await params).page);
  if (page === null) notFound();
  const { now, settings } = await getReaderContext();
  await tagReaderPage([RECENT_TAG]);
  const list = await loadStoryListPage(now, page);
  return (
    <StoryListPage
      list={list}
      page={page}
      base="/latest"
      settings={settings}
      emptyText="No stories have been published yet."
      header={<h1 className="mb-8 font-serif text-3xl font-bold">Latest stories</h1>}
    />
  );
}
