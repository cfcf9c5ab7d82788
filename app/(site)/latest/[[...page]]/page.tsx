import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/site/story-bits";
import { StoryList } from "@/components/site/story-list";
import { listPublicStories } from "@/lib/articles/queries";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { pageCount } from "@/lib/site/pagination";
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

const PER_PAGE = 20;
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
  const { items, total } = await listPublicStories({ now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  if (page > 1 && items.length === 0) notFound();
  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="mb-8 font-serif text-3xl font-bold">Latest stories</h1>
      {items.length === 0 ? (
        <p className="text-neutral-600">No stories have been published yet.</p>
      ) : (
        <StoryList stories={items} timeZone={settings.timeZone} siteLocale={settings.locale} />
      )}
      <Pagination page={page} pages={pageCount(total, PER_PAGE)} hrefFor={(n) => listPageHref("/latest", n)} />
    </section>
  );
}
