/**
 * A tag (section) page: its public stories, newest first, paginated; the lead an editor pinned
 * (the desk's Front page screen) first, on page 1, and not repeated below it.
 */
import { recordListPage, type SlugListParams } from "@/components/site/story-list-page";
import type { ReaderPage } from "@/components/site/render";
import { getTagBySlug, getTagRedirect } from "@/lib/stories/queries";
import { loadSectionLead } from "@/lib/front/arrangement";
import type { ReaderContext } from "@/lib/site/reader";
import { tagListTag } from "@/lib/site/reader-cache";
import { feedLinks, siteMeta } from "@/lib/seo/metadata";
import { t } from "@/lib/i18n/messages";

/** `/tag/<slug>[/page/N]` at the context's instant. */
export function tagPage(context: ReaderContext, params: SlugListParams): Promise<ReaderPage> {
  const { siteName } = context.settings;
  const { edition } = context;
  return recordListPage(context, params, {
    // Named in the edition's language; its stories listed first.
    find: (slug, now) => getTagBySlug(slug, now, edition.language),
    findMoved: getTagRedirect,
    prefix: `${edition.prefix}/tag`,
    cacheTag: (tag) => tagListTag(tag.id),
    filter: (tag) => ({ tagId: tag.id }),
    lead: async (tag, now) => (await loadSectionLead(tag.id, now))?.story ?? null,
    describe: (tag, { origin, path, language }) => {
      const title = `${tag.name} | ${siteName}`;
      const description = tag.description || t(language, "tag.description", { tag: tag.name, site: siteName });
      return {
        meta: {
          ...siteMeta(origin, siteName, title),
          description,
          canonical: origin + path,
          feeds: feedLinks(origin, { kind: "tag", slug: tag.slug }, title),
          openGraph: { type: "website", siteName, title, description, url: origin + path },
        },
        emptyText: t(language, "tag.empty"),
        header: (
          <header className="mb-8 border-b-2 border-brand pb-3">
            <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
            {tag.description ? <p className="mt-2 text-neutral-700">{tag.description}</p> : null}
          </header>
        ),
      };
    },
  });
}
