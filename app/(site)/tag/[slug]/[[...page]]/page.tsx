import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Pagination } from "@/components/site/story-bits";
import { StoryList } from "@/components/site/story-list";
import { getTagBySlug, getTagRedirect, listPublicStories } from "@/lib/articles/queries";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { pageCount } from "@/lib/site/pagination";
import { decodeSegment, getReaderContext } from "@/lib/site/reader";
import { tagListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/** A tag (section) page: its public stories, newest first, paginated. Cached (ISR). */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export function generateStaticParams(): { slug: string; page?: string[] }[] {
  return [];
}

const PER_PAGE = 20;
type Props = { params: Promise<{ slug: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page: rest } = await params;
  const decoded = decodeSegment(slug);
  const { now, settings } = await getReaderContext();
  const tag = decoded ? await getTagBySlug(decoded, now) : null;
  if (!tag) return { title: "Not found" };
  const title = `${tag.name} | ${settings.siteName}`;
  const description = tag.description || `Stories about ${tag.name} from ${settings.siteName}.`;
  const path = listPageHref(`/tag/${tag.slug}`, pageFromRest(rest) ?? 1);
  return {
    title,
    description,
    alternates: pageAlternates(siteUrl(), path, { kind: "tag", slug: tag.slug }, title),
    openGraph: { type: "website", siteName: settings.siteName, title, description, url: siteUrl() + path },
  };
}

export default async function TagPage({ params }: Props) {
  const { slug, page: rest } = await params;
  const page = pageFromRest(rest);
  const decoded = decodeSegment(slug);
  if (page === null || decoded === null) notFound();
  const { now, settings } = await getReaderContext();
  const tag = await getTagBySlug(decoded, now);
  if (!tag) {
    const moved = await getTagRedirect(decoded, now);
    if (moved) permanentRedirect(`/tag/${moved}`);
    notFound();
  }
  await tagReaderPage([tagListTag(tag.id)]);
  const { items, total } = await listPublicStories({ now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE, tagId: tag.id });
  if (page > 1 && items.length === 0) notFound();
  const base = `/tag/${tag.slug}`;
  return (
    <section className="mx-auto max-w-3xl">
      <header className="mb-8 border-b-2 border-brand pb-3">
        <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
        {tag.description ? <p className="mt-2 text-neutral-700">{tag.description}</p> : null}
      </header>
      {items.length === 0 ? (
        <p className="text-neutral-600">No stories in this section yet.</p>
      ) : (
        <StoryList stories={items} timeZone={settings.timeZone} siteLocale={settings.locale} />
      )}
      <Pagination page={page} pages={pageCount(total, PER_PAGE)} hrefFor={(n) => listPageHref(base, n)} />
    </section>
  );
}
