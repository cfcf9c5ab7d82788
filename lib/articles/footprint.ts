/**
 * Where a story shows on the reader side, for targeted cache expiry: a change expires the
 * story, its old slugs, its sections and tags, its bylines, the home page, feeds and
 * sitemaps — not every page of the site, so cached reader pages stay cached.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { articleAuthors, articles, articleTags, authors, bylineRedirects, slugRedirects, tagRedirects, tags } from "@/db/schema";

/** The reader addresses and lists a story appears in. Ids are UUIDs; slugs are URL segments. */
export interface ReaderFootprint {
  /** The story's slug and every old slug that redirects to it. */
  slugs: string[];
  /** Tags and sections it carries: their pages, and the "Check Also" boxes of stories sharing one. */
  tagIds: string[];
  /**
   * Their slugs and old slugs: a tag page that was a 404 (no public story yet), or an old
   * slug's redirect (shown only while the tag has a public story), is expired by address.
   */
  tagSlugs: string[];
  /** Its bylines: their pages. */
  bylineIds: string[];
  /** Their slugs and old slugs, as for tags. */
  bylineSlugs: string[];
}

export const EMPTY_FOOTPRINT: ReaderFootprint = Object.freeze({ slugs: [], tagIds: [], tagSlugs: [], bylineIds: [], bylineSlugs: [] }) as ReaderFootprint;

/**
 * The footprint of one story as stored now (read inside the caller's transaction, so a save
 * can take it before and after its writes).
 * @returns EMPTY_FOOTPRINT for an unknown id.
 */
export async function readerFootprint(tx: Db, articleId: string): Promise<ReaderFootprint> {
  const [[row], redirects, tagRows, bylineRows] = await Promise.all([
    tx.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId)).limit(1),
    tx.select({ slug: slugRedirects.oldSlug }).from(slugRedirects).where(eq(slugRedirects.articleId, articleId)),
    tx.select({ id: tags.id, slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, articleId)),
    tx
      .select({ id: authors.id, slug: authors.slug })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(eq(articleAuthors.articleId, articleId)),
  ]);
  if (!row) return EMPTY_FOOTPRINT;
  const tagIds = tagRows.map((t) => t.id);
  const bylineIds = bylineRows.map((b) => b.id);
  const [oldTagSlugs, oldBylineSlugs] = await Promise.all([
    tagIds.length ? tx.select({ slug: tagRedirects.oldSlug }).from(tagRedirects).where(inArray(tagRedirects.tagId, tagIds)) : [],
    bylineIds.length ? tx.select({ slug: bylineRedirects.oldSlug }).from(bylineRedirects).where(inArray(bylineRedirects.authorId, bylineIds)) : [],
  ]);
  return {
    slugs: [row.slug, ...redirects.map((r) => r.slug)],
    tagIds,
    tagSlugs: [...tagRows.map((t) => t.slug), ...oldTagSlugs.map((r) => r.slug)],
    bylineIds,
    bylineSlugs: [...bylineRows.map((b) => b.slug), ...oldBylineSlugs.map((r) => r.slug)],
  };
}

/** Both footprints together, without repeats (a story before and after a change). */
export function mergeFootprints(...prints: ReaderFootprint[]): ReaderFootprint {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    slugs: uniq(prints.flatMap((p) => p.slugs)),
    tagIds: uniq(prints.flatMap((p) => p.tagIds)),
    tagSlugs: uniq(prints.flatMap((p) => p.tagSlugs)),
    bylineIds: uniq(prints.flatMap((p) => p.bylineIds)),
    bylineSlugs: uniq(prints.flatMap((p) => p.bylineSlugs)),
  };
}
