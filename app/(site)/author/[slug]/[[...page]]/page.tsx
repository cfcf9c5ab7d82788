import type { Metadata } from "next";
import { loadStoryListPage, readSlugList, resolveSlugList, StoryListPage, type SlugListParams } from "@/components/site/story-list-page";
import { getBylineBySlug, getBylineRedirect } from "@/lib/stories/queries";
import { listPageHref } from "@/lib/site/list-route";
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

type Props = { params: SlugListParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { record: byline, page, settings } = await readSlugList(params, getBylineBySlug);
  if (!byline) return { title: "Not found" };
  const title = `${byline.name} | ${settings.siteName}`;
  const description = byline.bio || (byline.jobTitle ? `${byline.name}, ${byline.jobTitle}, ${settings.siteName}.` : `Stories by ${byline.name}.`);
  const path = listPageHref(`/author/${byline.slug}`, page);
  return {
    title,
    description,
    alternates: pageAlternates(siteUrl(), path, { kind: "byline", slug: byline.slug }, title),
    openGraph: { type: "profile", siteName: settings.siteName, title: byline.name, description, url: siteUrl() + path, ...(byline.photoUrl ? { images: [byline.photoUrl] } : {}) },
  };
}

export default async function BylinePage({ params }: Props) {
  const { record: byline, page, now, settings } = await resolveSlugList(params, { find: getBylineBySlug, findMoved: getBylineRedirect, prefix: "/author" });
  await tagReaderPage([bylineListTag(byline.id)]);
  const list = await loadStoryListPage(now, page, { bylineId: byline.id });
  const jsonLd = profilePageJsonLd(byline, settings, siteUrl());
  return (
    <StoryListPage
      list={list}
      page={page}
      base={`/author/${byline.slug}`}
      settings={settings}
      emptyText="No published stories yet."
      header={
        <>
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
        </>
      }
    />
  );
}
