import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Pagination } from "@/components/site/story-bits";
import { StoryList } from "@/components/site/story-list";
import { listPublicStories } from "@/lib/articles/queries";
import { pageCount, parsePageSegment } from "@/lib/site/pagination";
import { getReaderContext } from "@/lib/site/reader";

/** All stories, newest first, page 2 onwards (`/page/N`). Cached per page (ISR). */
export const revalidate = 60;
export function generateStaticParams(): { page: string }[] {
  return [];
}

const PER_PAGE = 20;
type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  const { settings } = await getReaderContext();
  return { title: `Latest stories, page ${page} | ${settings.siteName}` };
}

export default async function LatestPage({ params }: Props) {
  const { page: raw } = await params;
  if (raw === "1") permanentRedirect("/");
  const page = parsePageSegment(raw);
  if (page === null) notFound();
  const { now, settings } = await getReaderContext();
  const { items, total } = await listPublicStories({ now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  if (items.length === 0) notFound();
  return (
    <section className="mx-auto max-w-3xl">
      <h1 className="mb-8 font-serif text-3xl font-bold">Latest stories</h1>
      <StoryList stories={items} timeZone={settings.timeZone} siteLocale={settings.locale} />
      <Pagination page={page} pages={pageCount(total, PER_PAGE)} hrefFor={(n) => (n === 1 ? "/" : `/page/${n}`)} />
    </section>
  );
}
