/** A byline page: the author's profile and public stories, newest first, paginated. */
import { recordListPage, type SlugListParams } from "@/components/site/story-list-page";
import type { ReaderPage } from "@/components/site/render";
import { getBylineBySlug, getBylineRedirect } from "@/lib/stories/queries";
import type { ReaderContext } from "@/lib/site/reader";
import { bylineListTag } from "@/lib/site/reader-cache";
import { absoluteUrl, feedLinks, siteMeta } from "@/lib/seo/metadata";
import { profilePageJsonLd } from "@/lib/seo/json-ld";
import { t } from "@/lib/i18n/messages";

/** `/author/<slug>[/page/N]` at the context's instant. */
export function bylinePage(context: ReaderContext, params: SlugListParams): Promise<ReaderPage> {
  const { settings } = context;
  const { siteName } = settings;
  return recordListPage(context, params, {
    find: getBylineBySlug,
    findMoved: getBylineRedirect,
    prefix: "/author",
    cacheTag: (byline) => bylineListTag(byline.id),
    filter: (byline) => ({ bylineId: byline.id }),
    describe: (byline, { origin, path, language }) => {
      const title = `${byline.name} | ${siteName}`;
      const description =
        byline.bio ||
        (byline.jobTitle ? t(language, "byline.descriptionWithJob", { name: byline.name, job: byline.jobTitle, site: siteName }) : t(language, "byline.description", { name: byline.name }));
      return {
        meta: {
          ...siteMeta(origin, siteName, title),
          description,
          canonical: origin + path,
          feeds: feedLinks(origin, { kind: "byline", slug: byline.slug }, title),
          openGraph: { type: "profile", siteName, title: byline.name, description, url: origin + path, ...(byline.photoUrl ? { images: [{ url: absoluteUrl(origin, byline.photoUrl) }] } : {}) },
          jsonLd: [profilePageJsonLd(byline, settings, origin)],
        },
        emptyText: t(language, "byline.empty"),
        header: (
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
        ),
      };
    },
  });
}
