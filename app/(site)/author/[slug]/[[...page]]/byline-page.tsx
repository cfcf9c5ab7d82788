/** A byline page: the author's profile and public stories, newest first, paginated. */
import { loadStoryListPage, resolveSlugList, StoryListPage, type SlugListParams } from "@/components/site/story-list-page";
import { notFoundPage, type ReaderPage } from "@/components/site/render";
import { getBylineBySlug, getBylineRedirect } from "@/lib/stories/queries";
import { listPageHref } from "@/lib/site/list-route";
import type { ReaderContext } from "@/lib/site/reader";
import { bylineListTag, tagReaderPage } from "@/lib/site/reader-cache";
import { siteUrl } from "@/lib/env";
import { absoluteUrl, feedLinks, siteMeta } from "@/lib/seo/metadata";
import { profilePageJsonLd } from "@/lib/seo/json-ld";

/** `/author/<slug>[/page/N]` at the context's instant. */
export async function bylinePage({ now, settings }: ReaderContext, params: SlugListParams): Promise<ReaderPage> {
  const resolved = await resolveSlugList(params, now, { find: getBylineBySlug, findMoved: getBylineRedirect, prefix: "/author" });
  if ("kind" in resolved) return resolved;
  const { record: byline, page } = resolved;
  await tagReaderPage([bylineListTag(byline.id)]);
  const list = await loadStoryListPage(now, page, { bylineId: byline.id });
  if (!list) return notFoundPage;
  const origin = siteUrl();
  const title = `${byline.name} | ${settings.siteName}`;
  const description = byline.bio || (byline.jobTitle ? `${byline.name}, ${byline.jobTitle}, ${settings.siteName}.` : `Stories by ${byline.name}.`);
  const path = listPageHref(`/author/${byline.slug}`, page);
  return {
    kind: "page",
    meta: {
      ...siteMeta(origin, settings.siteName, title),
      description,
      canonical: origin + path,
      feeds: feedLinks(origin, { kind: "byline", slug: byline.slug }, title),
      openGraph: { type: "profile", siteName: settings.siteName, title: byline.name, description, url: origin + path, ...(byline.photoUrl ? { images: [{ url: absoluteUrl(origin, byline.photoUrl) }] } : {}) },
      jsonLd: [profilePageJsonLd(byline, settings, origin)],
    },
    body: (
      <StoryListPage
        list={list}
        page={page}
        base={`/author/${byline.slug}`}
        settings={settings}
        emptyText="No published stories yet."
        header={
          <header className="mb-8 flex items-start gap-5 border-b-2 border-brand pb-4" data-testid="byline-profile">
            {byline.photoUrl ? (
              // Photos may live on any host an admin names; next/image would need each host configured.
              <img src={byline.photoUrl} alt={byline.name} className="h-24 w-24 rounded-full object-cover" />
            ) : null}
            <div>
              <h1 className="font-serif text-4xl font-bold">{byline.name}</h1>
              {byline.jobTitle ? <p className="mt-1 text-sm font-semibold uppercase tracking-wide text-neutral-600">{byline.jobTitle}</p> : null}
              {byline.bio ? <p className="mt-3 text-neutral-700">{byline.bio}</p> : null}
            </div>
          </header>
        }
      />
    ),
  };
}
