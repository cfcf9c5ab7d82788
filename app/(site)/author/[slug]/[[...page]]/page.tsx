import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { Pagination } from "@/components/site/story-bits";
import { StoryList } from "@/components/site/story-list";
import { getBylineBySlug, getBylineRedirect, listPublicStories } from "@/lib/articles/queries";
import { listPageHref, pageFromRest } from "@/lib/site/list-route";
import { pageCount } from "@/lib/site/pagination";
import { decodeSegment, getReaderContext } from "@/lib/site/reader";
import { bylineListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";
import { profilePageJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

/** A byline page: the author's profile and public stories, newest first. Cached (ISR). */
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
  const byline = decoded ? await getBylineBySlug(decoded, now) : null;
  if (!byline) return { title: "Not found" };
  const title = `${byline.name} | ${settings.siteName}`;
  const description = byline.bio || (byline.jobTitle ? `${byline.name}, ${byline.jobTitle}, ${settings.siteName}.` : `Stories by ${byline.name}.`);
  const path = listPageHref(`/author/${byline.slug}`, pageFromRest(rest) ?? 1);
  return {
    title,
    description,
    alternates: pageAlternates(siteUrl(), path, { kind: "byline", slug: byline.slug }, title),
    openGraph: { type: "profile", siteName: settings.siteName, title: byline.name, description, url: siteUrl() + path, ...(byline.photoUrl ? { images: [byline.photoUrl] } : {}) },
  };
}

export default async function BylinePage({ params }: Props) {
  const { slug, page: rest } = await params;
  const page = pageFromRest(rest);
  const decoded = decodeSegment(slug);
  if (page === null || decoded === null) notFound();
  const { now, settings } = await getReaderContext();
  const byline = await getBylineBySlug(decoded, now);
  if (!byline) {
    const moved = await getBylineRedirect(decoded, now);
    if (moved) permanentRedirect(`/author/${moved}`);
    notFound();
  }
  await tagReaderPage([bylineListTag(byline.id)]);
  const { items, total } = await listPublicStories({ now, limit: PER_PAGE, offset: (page - 1) * PER_PAGE, authorId: byline.id });
  if (page > 1 && items.length === 0) notFound();
  const base = `/author/${byline.slug}`;
  const jsonLd = profilePageJsonLd(byline, settings, siteUrl());
  return (
    <section className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <header className="mb-8 flex items-start gap-5 border-b-2 border-brand pb-4" data-testid="byline-profile">
        {byline.photoUrl ? (
          // Photos may live on any host an admin names; next/image would need each host configured.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={byline.photoUrl} alt={byline.name} className="h-24 w-24 rounded-full object-cover" />
        ) : null}
        <div>
        <h1 className="font-serif text-4xl font-bold">{byline.name}</h1>
        {byline.jobTitle ? <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-neutral-600">{byline.jobTitle}</p> : null}
        {byline.bio ? <p className="mt-3 text-neutral-700">{byline.bio}</p> : null}
        </div>
      </header>
      {items.length === 0 ? (
        <p className="text-neutral-600">No published stories yet.</p>
      ) : (
        <StoryList stories={items} timeZone={settings.timeZone} siteLocale={settings.locale} />
      )}
      <Pagination page={page} pages={pageCount(total, PER_PAGE)} hrefFor={(n) => listPageHref(base, n)} />
    </section>
  );
}
