/**
 * System-level writes of stories, tags, bylines and settings: the building blocks the seed,
 * importers and tests use, and that the desk's permission-checked mutations wrap.
 *
 * Nothing here checks permissions: never call these from a page or server action directly.
 * Every multi-row write runs in one transaction (no half-written stories).
 */
import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Db } from "@/db";
import {
  storyBylines,
  storyMedia,
  storyRevisions,
  stories,
  media,
  storyTags,
  bylines,
  settings,
  slugRedirects,
  tags,
  type StoryStatus,
  type Translations,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { directionOf } from "@/lib/i18n/languages";
import { isValidTimeZone } from "@/lib/dates/format";
import { renderBody } from "@/lib/editor/render";
import { alignBodyDirections } from "@/lib/editor/direction";
import { isValidSlug, makeSlug } from "@/lib/text/slug";
import { DEFAULT_BREAKING_HOURS } from "./story-schema";
import { isPubliclyVisible } from "./visibility";
import type { SiteSettings } from "@/lib/site/settings";
import { refreshSearchTerms } from "@/lib/search/terms";
import { linkNewTranslation } from "./translation-links";

/** Settings to save: the core five, plus any of the others. */
export type SiteSettingsInput = Pick<SiteSettings, "siteName" | "tagline" | "aboutText" | "timeZone" | "locale"> & Partial<SiteSettings>;

/** Saves the site settings row. @throws AppError(bad_request) for an unknown time zone. */
export async function saveSiteSettings(values: SiteSettingsInput, db?: Db): Promise<void> {
  if (!isValidTimeZone(values.timeZone)) {
    throw new AppError("bad_request", `Unknown time zone "${values.timeZone}"`, { timeZone: "Unknown IANA time zone" });
  }
  const d = db ?? (await getDb());
  await d
    .insert(settings)
    .values({ id: 1, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: settings.id, set: { ...values, updatedAt: new Date() } });
}

/** Creates a tag (a section in the navigation when `sectionOrder` is given) or updates its name and description. @returns the tag id. */
export async function upsertTag(
  t: { slug: string; name: string; description?: string; sectionOrder?: number; translations?: Translations<"name" | "description"> },
  db?: Db,
): Promise<string> {
  if (!isValidSlug(t.slug)) throw new AppError("bad_request", `Invalid tag slug "${t.slug}"`);
  const d = db ?? (await getDb());
  const section = t.sectionOrder === undefined ? {} : { isSection: true, sectionOrder: t.sectionOrder };
  const [row] = await d
    .insert(tags)
    // A section on creation only: seeding again never undoes an editor's choice of sections.
    .values({ slug: t.slug, name: t.name, description: t.description ?? "", ...section, ...(t.translations ? { translations: t.translations } : {}) })
    .onConflictDoUpdate({ target: tags.slug, set: { name: t.name, description: t.description ?? "", ...(t.translations ? { translations: t.translations } : {}) } })
    .returning({ id: tags.id });
  await refreshSearchTerms(d, { tagId: row!.id });
  return row!.id;
}

/**
 * Creates a byline or updates its profile. The link to a user changes only when `userId` is
 * given (null unlinks), so re-seeding never detaches a byline from its account.
 * @returns the byline id.
 */
export async function upsertByline(
  a: { slug: string; name: string; jobTitle?: string; bio?: string; userId?: string | null; translations?: Translations<"name" | "jobTitle" | "bio"> },
  db?: Db,
): Promise<string> {
  if (!isValidSlug(a.slug)) throw new AppError("bad_request", `Invalid byline slug "${a.slug}"`);
  const d = db ?? (await getDb());
  const profile = { name: a.name, jobTitle: a.jobTitle ?? "", bio: a.bio ?? "", ...(a.translations ? { translations: a.translations } : {}) };
  const link = a.userId === undefined ? {} : { userId: a.userId };
  const [row] = await d
    .insert(bylines)
    .values({ slug: a.slug, ...profile, ...link })
    .onConflictDoUpdate({ target: bylines.slug, set: { ...profile, ...link, updatedAt: new Date() } })
    .returning({ id: bylines.id });
  await refreshSearchTerms(d, { bylineId: row!.id });
  return row!.id;
}

export interface NewStoryInput {
  title: string;
  /** Omitted: generated from the title and made unique with -2, -3… */
  slug?: string;
  dek?: string;
  excerpt?: string;
  body: JSONContent;
  language?: string;
  status: StoryStatus;
  /** First publication, or the scheduled instant (required for status "published"). */
  publishedAt?: Date | null;
  /** Public "Last Updated On"; defaults to `publishedAt`. */
  lastUpdatedAt?: Date | null;
  isBreaking?: boolean;
  /** While breaking: when it ends (default: DEFAULT_BREAKING_HOURS after `now`). */
  breakingUntil?: Date | null;
  /** Tag slugs in order; the first is the section. They must exist. */
  tagSlugs?: string[];
  /** Byline slugs in order. They must exist. */
  bylineSlugs?: string[];
  /** The acting user, for bookkeeping (null for the system). */
  actorId?: string | null;
  /** Public note of the first revision. */
  note?: string | null;
  /** The featured photo: a media library item's id. It must exist. */
  featuredMediaId?: string | null;
  /** Links the story as a translation of the story with this slug (which must exist), in the same transaction. */
  translationOfSlug?: string;
}

/**
 * A story slug based on `base` that no story uses yet and no old slug redirects from
 * (`base`, `base-2`, …), ignoring the story `exceptId` (a story keeping its own slug). An old
 * slug still redirects readers and search engines to its story; a new story taking it would
 * silently break every inbound link to that story.
 */
export async function uniqueSlug(db: Db, base: string, exceptId?: string): Promise<string> {
  // The common case, a free slug, in two index lookups; the pattern search only on a clash.
  const [[clash], [redirected]] = await Promise.all([
    db.select({ id: stories.id }).from(stories).where(eq(stories.slug, base)).limit(1),
    db.select({ id: slugRedirects.storyId }).from(slugRedirects).where(eq(slugRedirects.oldSlug, base)).limit(1),
  ]);
  if ((!clash || clash.id === exceptId) && (!redirected || redirected.id === exceptId)) return base;
  const pattern = `${base}-%`;
  const [rows, redirects] = await Promise.all([
    db.select({ id: stories.id, slug: stories.slug }).from(stories).where(sql`${stories.slug} = ${base} or ${stories.slug} like ${pattern}`),
    db
      .select({ id: slugRedirects.storyId, slug: slugRedirects.oldSlug })
      .from(slugRedirects)
      .where(sql`${slugRedirects.oldSlug} = ${base} or ${slugRedirects.oldSlug} like ${pattern}`),
  ]);
  const taken = new Set([...rows, ...redirects].filter((r) => r.id !== exceptId).map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${base.slice(0, 80 - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Creates a story with its tags, bylines and first revision, in one transaction.
 * @returns the new story's id and slug.
 * @throws AppError(bad_request) for an invalid slug, body, unknown tag/byline slug or featured photo;
 *   AppError(conflict) when an explicit slug is taken; InvalidBodyError for a bad body.
 */
export async function createStory(input: NewStoryInput, db?: Db): Promise<{ id: string; slug: string }> {
  const title = input.title.trim();
  if (!title) throw new AppError("bad_request", "A story needs a headline", { title: "Required" });
  if (input.status === "published" && !input.publishedAt) {
    throw new AppError("bad_request", "A published story needs a publication time");
  }
  const language = input.language ?? "en";
  // Blocks follow the story's direction, as the desk's saves do (lib/editor/direction.ts).
  const rendered = renderBody(alignBodyDirections(input.body, directionOf(language)));
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    let slug: string;
    if (input.slug !== undefined) {
      if (!isValidSlug(input.slug)) throw new AppError("bad_request", `Invalid slug "${input.slug}"`, { slug: "Invalid" });
      const [clash] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.slug, input.slug)).limit(1);
      if (clash) throw new AppError("conflict", `The slug "${input.slug}" is taken`, { slug: "Taken" });
      slug = input.slug;
    } else {
      slug = await uniqueSlug(tx, makeSlug(title, `story-${Date.now().toString(36)}`));
    }
    const tagSlugs = input.tagSlugs ?? [];
    const bylineSlugs = input.bylineSlugs ?? [];
    const tagRows = tagSlugs.length
      ? await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, tagSlugs))
      : [];
    const bylineRows = bylineSlugs.length
      ? await tx.select({ id: bylines.id, slug: bylines.slug }).from(bylines).where(inArray(bylines.slug, bylineSlugs))
      : [];
    const tagId = (s: string) => {
      const row = tagRows.find((r) => r.slug === s);
      if (!row) throw new AppError("bad_request", `Unknown tag "${s}"`);
      return row.id;
    };
    const bylineId = (s: string) => {
      const row = bylineRows.find((r) => r.slug === s);
      if (!row) throw new AppError("bad_request", `Unknown byline "${s}"`);
      return row.id;
    };
    const featuredMediaId = input.featuredMediaId ?? null;
    if (featuredMediaId) {
      const [photo] = await tx.select({ id: media.id }).from(media).where(eq(media.id, featuredMediaId)).limit(1);
      if (!photo) throw new AppError("bad_request", "The featured photo is not in the media library", { featuredPhoto: "Unknown photo" });
    }
    const tagIds = [...new Set(tagSlugs.map(tagId))];
    const bylineIds = [...new Set(bylineSlugs.map(bylineId))];
    const now = new Date();
    const [row] = await tx
      .insert(stories)
      .values({
        slug,
        title,
        dek: input.dek?.trim() ?? "",
        excerpt: input.excerpt?.trim() ?? "",
        body: rendered.json,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        language,
        direction: directionOf(language),
        status: input.status,
        publishedAt: input.publishedAt ?? null,
        lastUpdatedAt: input.lastUpdatedAt ?? input.publishedAt ?? null,
        // Seeded stories are not news to webhook receivers; a scheduled one is announced when its time comes.
        announcedPublic: isPubliclyVisible({ status: input.status, publishedAt: input.publishedAt ?? null }, now),
        isBreaking: input.isBreaking ?? false,
        breakingUntil: input.isBreaking ? (input.breakingUntil ?? new Date(now.getTime() + DEFAULT_BREAKING_HOURS * 3_600_000)) : null,
        primaryTagId: tagIds[0] ?? null,
        featuredMediaId,
        createdBy: input.actorId ?? null,
        updatedBy: input.actorId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: stories.id });
    const id = row!.id;
    if (tagIds.length) await tx.insert(storyTags).values(tagIds.map((t, i) => ({ storyId: id, tagId: t, position: i })));
    // The photo's use is recorded, as the desk records it, so the library will not delete it.
    if (featuredMediaId) await tx.insert(storyMedia).values({ storyId: id, mediaId: featuredMediaId, role: "featured" });
    if (bylineIds.length) {
      await tx.insert(storyBylines).values(bylineIds.map((a, i) => ({ storyId: id, bylineId: a, position: i })));
    }
    await refreshSearchTerms(tx, { storyIds: [id] });
    if (input.translationOfSlug) {
      const [source] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.slug, input.translationOfSlug)).limit(1);
      if (!source) throw new AppError("bad_request", `Unknown story "${input.translationOfSlug}" to translate`);
      await linkNewTranslation(tx, { sourceId: source.id, newId: id, language });
    }
    await tx.insert(storyRevisions).values({
      storyId: id,
      version: 1,
      kind: input.status === "published" ? "publish" : "draft",
      note: input.note ?? null,
      title,
      dek: input.dek?.trim() ?? "",
      body: rendered.json,
      createdBy: input.actorId ?? null,
    });
    return { id, slug };
  });
}
