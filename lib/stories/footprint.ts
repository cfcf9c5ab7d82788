/**
 * Where a story shows on the reader side, for targeted cache expiry: a change expires the
 * story, its old slugs, its sections and tags, its bylines, the home page, feeds and
 * sitemaps — not every page of the site, so cached reader pages stay cached.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { storyBylines, stories, storyTags, bylines, bylineRedirects, slugRedirects, tagRedirects, tags } from "@/db/schema";

/** The reader addresses and lists a story appears in. Ids are UUIDs; slugs are URL segments. */
export interface ReaderFootprint {
  /**
   * The story's slug and every old slug that redirects to it, and the slugs of its other
   * language versions (their pages link to it: the language switcher and hreflang).
   */
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
export async function readerFootprint(tx: Db, storyId: string): Promise<ReaderFootprint> {
  const [[row], redirects, tagRows, bylineRows] = await Promise.all([
    tx.select({ slug: stories.slug, groupId: stories.translationGroupId }).from(stories).where(eq(stories.id, storyId)).limit(1),
    tx.select({ slug: slugRedirects.oldSlug }).from(slugRedirects).where(eq(slugRedirects.storyId, storyId)),
    tx.select({ id: tags.id, slug: tags.slug }).from(storyTags).innerJoin(tags, eq(tags.id, storyTags.tagId)).where(eq(storyTags.storyId, storyId)),
    tx
      .select({ id: bylines.id, slug: bylines.slug })
      .from(storyBylines)
      .innerJoin(bylines, eq(bylines.id, storyBylines.bylineId))
      .where(eq(storyBylines.storyId, storyId)),
  ]);
  if (!row) return EMPTY_FOOTPRINT;
  const tagIds = tagRows.map((t) => t.id);
  const bylineIds = bylineRows.map((b) => b.id);
  const [oldTagSlugs, oldBylineSlugs, versions] = await Promise.all([
    tagIds.length ? tx.select({ slug: tagRedirects.oldSlug }).from(tagRedirects).where(inArray(tagRedirects.tagId, tagIds)) : [],
    bylineIds.length ? tx.select({ slug: bylineRedirects.oldSlug }).from(bylineRedirects).where(inArray(bylineRedirects.bylineId, bylineIds)) : [],
    row.groupId ? tx.select({ slug: stories.slug }).from(stories).where(and(eq(stories.translationGroupId, row.groupId), ne(stories.id, storyId))) : [],
  ]);
  return {
    slugs: [row.slug, ...redirects.map((r) => r.slug), ...versions.map((v) => v.slug)],
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
