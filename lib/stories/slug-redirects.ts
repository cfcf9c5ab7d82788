/**
 * Rename with redirect, written once for stories, tags and bylines: a slug is free when no
 * other row uses it and no redirect sends it to another row; moving a row to a new slug
 * records the old one in that kind's redirect table, so the old URL answers 308 to the new
 * one. A redirect a row already had for its new slug is dropped (the slug is live again).
 */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { stories, bylines, bylineRedirects, slugRedirects, tagRedirects, tags } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Where one kind of row keeps its slug and its old slugs, and how a taken slug is reported. */
interface SlugHome {
  /** The row id with `slug`, other than `exceptId`, if any. */
  findRow(tx: Db, slug: string, exceptId?: string): Promise<string | undefined>;
  /** The row id an old slug redirects to, if any. */
  findRedirect(tx: Db, slug: string): Promise<string | undefined>;
  dropRedirect(tx: Db, slug: string): Promise<void>;
  /** Records `oldSlug` → row `id`; an existing redirect for `oldSlug` is kept. */
  addRedirect(tx: Db, oldSlug: string, id: string): Promise<void>;
  taken(slug: string): AppError;
}

/** Stories (`stories`, old slugs in `slug_redirects`). */
export const STORY_SLUGS: SlugHome = {
  async findRow(tx, slug, exceptId) {
    const [row] = await tx
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.slug, slug), exceptId ? ne(stories.id, exceptId) : undefined))
      .limit(1);
    return row?.id;
  },
  async findRedirect(tx, slug) {
    const [row] = await tx.select({ id: slugRedirects.storyId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, slug)).limit(1);
    return row?.id;
  },
  async dropRedirect(tx, slug) {
    await tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, slug));
  },
  async addRedirect(tx, oldSlug, id) {
    await tx.insert(slugRedirects).values({ oldSlug, storyId: id }).onConflictDoNothing();
  },
  taken: (slug) => new AppError("conflict", `The slug "${slug}" is used by another story.`, { slug: "Taken" }),
};

/** Tags (`tags`, old slugs in `tag_redirects`). */
export const TAG_SLUGS: SlugHome = {
  async findRow(tx, slug, exceptId) {
    const [row] = await tx
      .select({ id: tags.id })
      .from(tags)
      .where(and(eq(tags.slug, slug), exceptId ? ne(tags.id, exceptId) : undefined))
      .limit(1);
    return row?.id;
  },
  async findRedirect(tx, slug) {
    const [row] = await tx.select({ id: tagRedirects.tagId }).from(tagRedirects).where(eq(tagRedirects.oldSlug, slug)).limit(1);
    return row?.id;
  },
  async dropRedirect(tx, slug) {
    await tx.delete(tagRedirects).where(eq(tagRedirects.oldSlug, slug));
  },
  async addRedirect(tx, oldSlug, id) {
    await tx.insert(tagRedirects).values({ oldSlug, tagId: id }).onConflictDoNothing();
  },
  taken: (slug) => new AppError("conflict", `The slug "${slug}" is taken.`, { slug: "This slug is taken." }),
};

/** Bylines (`authors`, old slugs in `byline_redirects`). */
export const BYLINE_SLUGS: SlugHome = {
  async findRow(tx, slug, exceptId) {
    const [row] = await tx
      .select({ id: bylines.id })
      .from(bylines)
      .where(and(eq(bylines.slug, slug), exceptId ? ne(bylines.id, exceptId) : undefined))
      .limit(1);
    return row?.id;
  },
  async findRedirect(tx, slug) {
    const [row] = await tx.select({ id: bylineRedirects.bylineId }).from(bylineRedirects).where(eq(bylineRedirects.oldSlug, slug)).limit(1);
    return row?.id;
  },
  async dropRedirect(tx, slug) {
    await tx.delete(bylineRedirects).where(eq(bylineRedirects.oldSlug, slug));
  },
  async addRedirect(tx, oldSlug, id) {
    await tx.insert(bylineRedirects).values({ oldSlug, bylineId: id }).onConflictDoNothing();
  },
  taken: (slug) => new AppError("conflict", `The slug "${slug}" is used by another byline.`, { slug: "This slug is taken." }),
};

/**
 * Refuses a slug that another row uses, or that an old slug of another row redirects from.
 * @param exceptId the row being renamed (its own current slug and old slugs are free to it).
 * @throws AppError(conflict) with the kind's message and a field error on `slug`.
 */
export async function assertSlugFree(tx: Db, home: SlugHome, slug: string, exceptId?: string): Promise<void> {
  const clash = await home.findRow(tx, slug, exceptId);
  const redirectTo = await home.findRedirect(tx, slug);
  if (clash || (redirectTo && redirectTo !== exceptId)) throw home.taken(slug);
}

/**
 * Moves row `id` from slug `from` to `to` in the redirect table: the redirect for `to` (if the
 * row had one) goes, and `from` → `id` is recorded. The caller checks `to` is free first and
 * writes the row's new slug itself. Does nothing when `from === to`.
 * @param keepRedirect false to leave the redirect table as it is (a story readers never saw
 *   needs no redirect from its old slug).
 */
export async function moveSlug(tx: Db, home: SlugHome, move: { id: string; from: string; to: string; keepRedirect?: boolean }): Promise<void> {
  if (move.from === move.to || move.keepRedirect === false) return;
  await home.dropRedirect(tx, move.to);
  await home.addRedirect(tx, move.from, move.id);
}
