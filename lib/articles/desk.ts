/**
 * The desk: reads and writes of stories for signed-in staff. Every function takes the acting
 * `Viewer` (loaded from the database for this request) and checks permission itself, so a
 * page or action that forgets a check opens no hole (DESIGN.md, "Roles"; C14).
 *
 * Missing and forbidden-to-see look the same from outside (not_found). A save carries the
 * `version` it started from; a stale version is a conflict and writes nothing (C13).
 */
import "server-only";
import { isDeepStrictEqual } from "node:util";
import { and, asc, count, desc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Db } from "@/db";
import {
  articleAuthors,
  articleRevisions,
  articles,
  articleMedia,
  articleTags,
  auditLog,
  authors,
  slugRedirects,
  tags,
  users,
  type ArticleStatus,
  type RevisionKind,
} from "@/db/schema";
import { AppError, parseInput } from "@/lib/errors";
import { InvalidBodyError, renderBody } from "@/lib/editor/render";
import { cleanText, utf8Bytes } from "@/lib/text/clean";
import { directionOf } from "@/lib/i18n/languages";
import { can, canDeleteStory, canEditStory, canSeeStory, type Actor } from "@/lib/permissions/roles";
import type { Viewer } from "@/lib/auth/load-viewer";
import { bodyTooLarge, deskStatus, INTENT_PERMISSION, storyInputSchema, type DeskStatus } from "./story-schema";
import { getSiteSettings } from "@/lib/site/settings";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { findOrCreateTag } from "@/lib/tags/admin";
import { makeSlug } from "./slug";
import { uniqueSlug } from "./store";
import { isPubliclyVisible, isScheduled } from "./visibility";
import { EMPTY_FOOTPRINT, mergeFootprints, readerFootprint, type ReaderFootprint } from "./footprint";
import { deskStoryMatch } from "@/lib/search/stories";
import { photoIdsIn, photoLabel, withPhotoAttrs, type LibraryPhoto } from "@/lib/media/body";
import { loadPhotos } from "@/lib/media/refs";


export interface SavedStory {
  id: string;
  slug: string;
  version: number;
  status: DeskStatus;
  /** Slugs whose public pages changed (current and previous), for cache invalidation. */
  publicSlugs: string[];
  /** True when the change is visible to readers (was or is public). */
  affectsReaders: boolean;
  /** Where the story shows to readers, before and after the change: what to expire. */
  footprint: ReaderFootprint;
  /** False when the save changed nothing (no new version, date or revision). */
  changed: boolean;
  /** The publication instant (the scheduled one while in the future). */
  publishedAt: Date | null;
  lastUpdatedAt: Date | null;
  updatedAt: Date;
}

function parseBodyInput(body: string | Record<string, unknown>): unknown {
  if (typeof body !== "string") return body;
  const tooLarge = bodyTooLarge(utf8Bytes(body));
  if (tooLarge) throw new AppError("too_large", tooLarge, { body: "Too large" });
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The story body could not be read (malformed JSON).", { body: "Malformed" });
  }
}

/**
 * Structural equality of two JSON values. jsonb reorders object keys, and ProseMirror's
 * toJSON builds objects with other prototypes, so neither text nor strict comparison works.
 */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, role: viewer.role };
}

async function audit(tx: Db, viewer: Viewer, action: string, articleId: string, details?: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorId: viewer.id, action, entityType: "article", entityId: articleId, details: details ?? null });
}

/** Resolves tag names (or slugs) to ids in order, creating missing tags when allowed. */
async function resolveTags(tx: Db, viewer: Viewer, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  const mayCreate = () => {
    if (!can(viewer.role, "tag:create")) throw new AppError("forbidden", "You cannot create tags.");
  };
  for (const raw of names) {
    // One name never becomes two tags: NFC, trimmed, spaces collapsed, matched case-insensitively.
    const tag = await findOrCreateTag(tx, raw, { mayCreate });
    if (tag && !ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

/**
 * Which bylines a save may set. Editors: any existing byline. Writers: their own byline(s),
 * or the story's current bylines unchanged — never someone else's (C14).
 */
async function resolveBylines(tx: Db, viewer: Viewer, requested: string[], current: string[] | null): Promise<string[]> {
  const unique = [...new Set(requested)];
  if (unique.length) {
    const found = await tx.select({ id: authors.id }).from(authors).where(inArray(authors.id, unique));
    if (found.length !== unique.length) throw new AppError("bad_request", "A byline does not exist.", { bylineIds: "Unknown byline" });
  }
  if (can(viewer.role, "story:set-any-byline")) return unique;
  const unchanged = current !== null && unique.length === current.length && unique.every((id, i) => current[i] === id);
  if (unchanged) return unique;
  // A writer cannot file a story under no byline: an empty list keeps what the story had.
  if (unique.length === 0) return current === null || current.length === 0 ? [...viewer.bylineIds] : current;
  if (unique.every((id) => viewer.bylineIds.includes(id))) return unique;
  throw new AppError("forbidden", "Writers can only put their own byline on a story.");
}

/**
 * Creates or saves a story and applies the intent (save, submit for review, publish,
 * unpublish, return to writer) in one transaction.
 * @param viewer the acting user.
 * @param raw the editor's fields (validated here with zod).
 * @param now the instant of the save.
 * @throws AppError: bad_request (invalid fields or body), forbidden (role or ownership),
 *   not_found (missing or not visible), conflict (stale version or taken slug), too_large.
 */
export async function saveStory(
  viewer: Viewer,
  raw: unknown,
  now = new Date(),
  options: { revisionKind?: "autosave" | "restore" } = {},
): Promise<SavedStory> {
  const input = parseInput(storyInputSchema, raw);
  // Photos: the body's and the featured one must be in the library; the body's snapshots
  // (alt text, caption, credit, size) are refreshed from it before rendering.
  const bodyInput = parseBodyInput(input.body);
  const bodyPhotoIds = photoIdsIn(bodyInput);
  const featuredInput = input.featuredMediaId === undefined ? undefined : input.featuredMediaId || null;
  const photos = await loadPhotos([...bodyPhotoIds, ...(featuredInput ? [featuredInput] : [])]);
  if (bodyPhotoIds.some((pid) => !photos.has(pid)) || (featuredInput && !photos.has(featuredInput))) {
    throw new AppError("bad_request", "A photo in this story is no longer in the media library. Remove it and add it again.", { body: "Missing photo" });
  }
  let rendered: ReturnType<typeof renderBody>;
  try {
    rendered = renderBody(withPhotoAttrs(bodyInput as JSONContent, photos));
  } catch (e) {
    if (e instanceof InvalidBodyError) throw new AppError("bad_request", e.message, { body: e.message });
    throw e;
  }
  const intent = input.intent;
  const needed = INTENT_PERMISSION[intent];
  if (needed && !can(viewer.role, needed)) throw new AppError("forbidden", "Your role cannot do that.");

  let scheduledFor: Date | null = null;
  if (intent === "schedule") {
    const { timeZone } = await getSiteSettings();
    try {
      scheduledFor = zonedLocalToInstant(input.scheduledAt ?? "", timeZone);
    } catch (e) {
      if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { scheduledAt: e.message });
      throw e;
    }
    if (scheduledFor.getTime() <= now.getTime()) {
      throw new AppError("bad_request", "That time has already passed. Publish now, or pick a later time.", { scheduledAt: "In the past" });
    }
  }

  const db = await getDb();
  return db.transaction(async (tx) => {
    let existing: typeof articles.$inferSelect | undefined;
    if (input.id) {
      [existing] = await tx.select().from(articles).where(eq(articles.id, input.id)).limit(1);
      if (!existing || !canSeeStory(actorOf(viewer), existing)) throw new AppError("not_found", "That story does not exist.");
      if (!canEditStory(actorOf(viewer), existing)) throw new AppError("forbidden", "You cannot edit this story.");
      if (input.version !== existing.version) {
        throw new AppError(
          "conflict",
          "Someone else saved this story after you opened it. Your text is kept here: copy what you need, reload, and apply it again.",
        );
      }
    } else if (!can(viewer.role, "story:create")) {
      throw new AppError("forbidden", "Your role cannot create stories.");
    }

    if (input.isBreaking !== (existing?.isBreaking ?? false) && !can(viewer.role, "story:breaking")) {
      throw new AppError("forbidden", "Only editors can flag breaking news.");
    }
    if (intent === "return" && existing?.status !== "in_review") {
      throw new AppError("bad_request", "Only a story in review can be returned to its writer.");
    }
    const wasLive = existing ? isPubliclyVisible(existing, now) : false;
    const wasScheduled = existing ? isScheduled(existing, now) : false;
    if (intent === "unpublish" && !wasLive) {
      throw new AppError("bad_request", wasScheduled ? "This story is scheduled: unschedule it instead." : "Only a published story can be unpublished.");
    }
    if (intent === "schedule" && wasLive) {
      throw new AppError("bad_request", "This story is already live. Unpublish it first to schedule it again.");
    }
    if (intent === "unschedule" && !wasScheduled) throw new AppError("bad_request", "This story is not scheduled.");
    if ((intent === "update" || intent === "minor") && !wasLive) {
      throw new AppError("bad_request", "Update and minor edit apply to published stories; save the draft instead.");
    }

    const currentBylines = existing
      ? (
          await tx
            .select({ id: articleAuthors.authorId })
            .from(articleAuthors)
            .where(eq(articleAuthors.articleId, existing.id))
            .orderBy(articleAuthors.position)
        ).map((r) => r.id)
      : null;
    const bylineIds = await resolveBylines(tx, viewer, input.bylineIds, currentBylines);
    const tagIds = await resolveTags(tx, viewer, input.tags);

    // Slug: generated from the headline when empty; unique; never empty (C06). Changing the
    // slug of a story readers have seen leaves a redirect from the old one.
    const wantedSlug = makeSlug(input.slug || input.title, `story-${now.getTime().toString(36)}`);
    let slug = existing?.slug ?? (await uniqueSlug(tx, wantedSlug));
    if (existing && wantedSlug !== existing.slug) {
      const [clash] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, wantedSlug)).limit(1);
      const [redirectClash] = await tx
        .select({ id: slugRedirects.articleId })
        .from(slugRedirects)
        .where(eq(slugRedirects.oldSlug, wantedSlug))
        .limit(1);
      if (clash || (redirectClash && redirectClash.id !== existing.id)) {
        throw new AppError("conflict", `The slug "${wantedSlug}" is used by another story.`, { slug: "Taken" });
      }
      if (existing.publishedAt) {
        await tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, wantedSlug));
        await tx.insert(slugRedirects).values({ oldSlug: existing.slug, articleId: existing.id }).onConflictDoNothing();
      }
      slug = wantedSlug;
    }

    // Status and dates (DESIGN.md, "Publishing rules").
    let status: ArticleStatus = existing?.status ?? "draft";
    let publishedAt = existing?.publishedAt ?? null;
    let lastUpdatedAt = existing?.lastUpdatedAt ?? null;
    let revisionKind: RevisionKind = wasLive ? "minor_edit" : "draft";
    let note: string | null = null;
    switch (intent) {
      case "submit":
        status = "in_review";
        revisionKind = "submit";
        break;
      case "return":
        status = "draft";
        break;
      case "publish":
        if (!wasLive) {
          // Publishing now: the first publication (or a republication after a takedown) is
          // dated now, whatever a schedule said.
          status = "published";
          publishedAt = now;
          lastUpdatedAt = now;
          revisionKind = "publish";
        }
        break;
      case "schedule":
        status = "published";
        publishedAt = scheduledFor;
        lastUpdatedAt = scheduledFor;
        revisionKind = "schedule";
        break;
      case "unschedule":
        status = "draft";
        publishedAt = null;
        lastUpdatedAt = null;
        revisionKind = "draft";
        break;
      case "unpublish":
        status = "unpublished";
        revisionKind = "unpublish";
        break;
      case "update":
        lastUpdatedAt = now;
        revisionKind = input.noteKind === "update" ? "update" : input.noteKind;
        note = input.note || null;
        if (input.noteKind !== "update" && !note) {
          throw new AppError("bad_request", `A ${input.noteKind} needs a note that tells readers what changed.`, { note: "Required" });
        }
        break;
      case "minor":
      case "save":
        break;
    }

    if (options.revisionKind && (intent === "save" || intent === "minor")) revisionKind = options.revisionKind;

    // A story readers will see (now or at its scheduled time) needs alt text on every photo.
    const featuredMediaId = featuredInput === undefined ? (existing?.featuredMediaId ?? null) : featuredInput;
    if (status === "published") {
      if (featuredMediaId && !photos.has(featuredMediaId)) {
        for (const [pid, p] of await loadPhotos([featuredMediaId], tx)) photos.set(pid, p);
      }
      for (const pid of [...(featuredMediaId ? [featuredMediaId] : []), ...bodyPhotoIds]) {
        const p = photos.get(pid);
        if (p && !p.altText.trim()) {
          throw new AppError(
            "bad_request",
            `The photo “${photoLabel(p)}” has no alt text. Describe what it shows, for readers who cannot see it, before this story goes public.`,
            { photos: "Alt text missing" },
          );
        }
      }
    }

    const values = {
      slug,
      title: input.title,
      dek: input.dek,
      excerpt: input.excerpt,
      body: rendered.json,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      language: input.language,
      direction: directionOf(input.language),
      status,
      publishedAt,
      lastUpdatedAt,
      isBreaking: input.isBreaking,
      primaryTagId: tagIds[0] ?? null,
      featuredMediaId,
      updatedAt: now,
      updatedBy: viewer.id,
    };
    // A save that changes nothing changes nothing: no version, no date, no revision. A
    // public note (correction, clarification, update) is itself a change readers see.
    if (existing && (intent === "save" || intent === "minor" || (intent === "update" && !note))) {
      const same =
        existing.slug === slug &&
        existing.title === values.title &&
        existing.dek === values.dek &&
        existing.excerpt === values.excerpt &&
        existing.language === values.language &&
        existing.isBreaking === values.isBreaking &&
        existing.primaryTagId === values.primaryTagId &&
        existing.featuredMediaId === values.featuredMediaId &&
        sameJson(existing.body, values.body) &&
        JSON.stringify(currentBylines) === JSON.stringify(bylineIds) &&
        JSON.stringify(
          (await tx.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, existing.id)).orderBy(articleTags.position)).map(
            (r) => r.id,
          ),
        ) === JSON.stringify(tagIds);
      if (same) {
        return {
          id: existing.id,
          slug: existing.slug,
          version: existing.version,
          status: deskStatus(existing.status, existing.publishedAt, now),
          publicSlugs: [existing.slug],
          affectsReaders: false,
          footprint: EMPTY_FOOTPRINT,
          changed: false,
          publishedAt: existing.publishedAt,
          lastUpdatedAt: existing.lastUpdatedAt,
          updatedAt: existing.updatedAt,
        };
      }
    }

    const before = existing ? await readerFootprint(tx, existing.id) : EMPTY_FOOTPRINT;
    let id: string;
    let version: number;
    if (existing) {
      const updated = await tx
        .update(articles)
        .set({ ...values, version: existing.version + 1 })
        .where(and(eq(articles.id, existing.id), eq(articles.version, existing.version)))
        .returning({ id: articles.id, version: articles.version });
      if (updated.length !== 1) throw new AppError("conflict", "Someone else saved this story at the same moment. Reload and try again.");
      id = existing.id;
      version = updated[0]!.version;
      await tx.delete(articleTags).where(eq(articleTags.articleId, id));
      await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
      await tx.delete(articleMedia).where(eq(articleMedia.articleId, id));
    } else {
      const [created] = await tx
        .insert(articles)
        .values({ ...values, createdBy: viewer.id, createdAt: now })
        .returning({ id: articles.id, version: articles.version });
      id = created!.id;
      version = created!.version;
      await audit(tx, viewer, "article.create", id, { title: input.title });
    }
    if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId, position) => ({ articleId: id, tagId, position })));
    const uses = [
      ...(featuredMediaId ? [{ articleId: id, mediaId: featuredMediaId, role: "featured" as const }] : []),
      ...bodyPhotoIds.map((mediaId) => ({ articleId: id, mediaId, role: "body" as const })),
    ];
    if (uses.length) await tx.insert(articleMedia).values(uses);
    if (bylineIds.length) {
      await tx.insert(articleAuthors).values(bylineIds.map((authorId, position) => ({ articleId: id, authorId, position })));
    }
    const [tagNames, bylineNames] = await Promise.all([
      tagIds.length ? tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, tagIds)) : [],
      bylineIds.length ? tx.select({ id: authors.id, name: authors.name }).from(authors).where(inArray(authors.id, bylineIds)) : [],
    ]);
    await tx.insert(articleRevisions).values({
      articleId: id,
      version,
      kind: revisionKind,
      note,
      fields: {
        slug,
        excerpt: input.excerpt,
        language: input.language,
        tags: tagIds.map((t) => tagNames.find((n) => n.id === t)?.name ?? ""),
        bylines: bylineIds.map((b) => bylineNames.find((n) => n.id === b)?.name ?? ""),
        isBreaking: input.isBreaking,
      },
      title: input.title,
      dek: input.dek,
      body: rendered.json,
      createdBy: viewer.id,
      createdAt: now,
    });
    if (intent !== "save" || revisionKind === "restore") await audit(tx, viewer, `article.${revisionKind === "restore" ? "restore" : intent}`, id, { version });

    const wasPublic = existing?.status === "published";
    const isPublicNow = status === "published";
    return {
      id,
      slug,
      version,
      status: deskStatus(status, publishedAt, now),
      publicSlugs: [...new Set([slug, ...(existing && existing.slug !== slug ? [existing.slug] : [])])],
      affectsReaders: wasPublic || isPublicNow,
      footprint: wasPublic || isPublicNow ? mergeFootprints(before, await readerFootprint(tx, id)) : EMPTY_FOOTPRINT,
      changed: true,
      publishedAt,
      lastUpdatedAt,
      updatedAt: now,
    };
  });
}

/**
 * Deletes a story (editors: any; writers: their own drafts).
 * @returns the slug it had, whether readers could see it, and where they could (footprint).
 * @throws AppError(not_found | forbidden)
 */
export async function deleteStory(viewer: Viewer, id: string): Promise<{ slug: string; affectsReaders: boolean; footprint: ReaderFootprint }> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(articles).where(eq(articles.id, id)).limit(1);
    if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
    if (!canDeleteStory(actorOf(viewer), row)) throw new AppError("forbidden", "You cannot delete this story.");
    const affectsReaders = row.status === "published";
    const footprint = affectsReaders ? await readerFootprint(tx, id) : EMPTY_FOOTPRINT;
    await tx.delete(articles).where(eq(articles.id, id));
    await audit(tx, viewer, "article.delete", id, { title: row.title, slug: row.slug });
    return { slug: row.slug, affectsReaders, footprint };
  });
}

export interface DeskListFilters {
  status?: DeskStatus;
  bylineId?: string;
  tagId?: string;
  /** Words in the headline. */
  q?: string;
  page?: number;
}

export interface DeskListItem {
  id: string;
  title: string;
  slug: string;
  status: DeskStatus;
  language: string;
  section: string | null;
  bylines: string[];
  updatedAt: Date;
  updatedByName: string | null;
  publishedAt: Date | null;
}

export const DESK_PAGE_SIZE = 25;

/** The SQL scope of stories a viewer may see on the desk (writers: their own). */
export function storyScope(viewer: Viewer): SQL | undefined {
  return can(viewer.role, "story:see-all") ? undefined : eq(articles.createdBy, viewer.id);
}

/** The desk's story list, newest change first, filtered and paginated. */
export async function listDeskStories(
  viewer: Viewer,
  filters: DeskListFilters,
  now = new Date(),
): Promise<{ items: DeskListItem[]; total: number; page: number; pages: number }> {
  const db = await getDb();
  const conditions: (SQL | undefined)[] = [storyScope(viewer)];
  switch (filters.status) {
    case "scheduled":
      conditions.push(and(eq(articles.status, "published"), gt(articles.publishedAt, now)));
      break;
    case "published":
      conditions.push(and(eq(articles.status, "published"), lte(articles.publishedAt, now)));
      break;
    case "draft":
    case "in_review":
    case "unpublished":
      conditions.push(eq(articles.status, filters.status));
      break;
  }
  if (filters.bylineId) {
    conditions.push(
      sql`exists (select 1 from ${articleAuthors} where ${articleAuthors.articleId} = ${articles.id} and ${articleAuthors.authorId} = ${filters.bylineId})`,
    );
  }
  if (filters.tagId) {
    conditions.push(
      sql`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${articles.id} and ${articleTags.tagId} = ${filters.tagId})`,
    );
  }
  const q = filters.q ? cleanText(filters.q).trim() : "";
  // The same search document and GIN index as the reader's /search, with prefixes for typing.
  if (q) conditions.push(deskStoryMatch(q) ?? sql`false`);
  const where = and(...conditions);
  const page = Math.max(1, Math.min(filters.page ?? 1, 10_000));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        title: articles.title,
        slug: articles.slug,
        status: articles.status,
        publishedAt: articles.publishedAt,
        language: articles.language,
        updatedAt: articles.updatedAt,
        updatedByName: users.name,
        section: tags.name,
      })
      .from(articles)
      .leftJoin(users, eq(users.id, articles.updatedBy))
      .leftJoin(tags, eq(tags.id, articles.primaryTagId))
      .where(where)
      // The Scheduled view reads like a running order: next to publish first.
      .orderBy(...(filters.status === "scheduled" ? [asc(articles.publishedAt), asc(articles.id)] : [desc(articles.updatedAt), desc(articles.id)]))
      .limit(DESK_PAGE_SIZE)
      .offset((page - 1) * DESK_PAGE_SIZE),
    db.select({ n: count() }).from(articles).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const bylineRows = ids.length
    ? await db
        .select({ articleId: articleAuthors.articleId, name: authors.name })
        .from(articleAuthors)
        .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
        .where(inArray(articleAuthors.articleId, ids))
        .orderBy(articleAuthors.position)
    : [];
  const n = total?.n ?? 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      status: deskStatus(r.status, r.publishedAt, now),
      language: r.language,
      section: r.section,
      bylines: bylineRows.filter((b) => b.articleId === r.id).map((b) => b.name),
      updatedAt: r.updatedAt,
      updatedByName: r.updatedByName,
      publishedAt: r.publishedAt,
    })),
    total: n,
    page,
    pages: Math.max(1, Math.ceil(n / DESK_PAGE_SIZE)),
  };
}

/** A story as the editor needs it. */
export interface DeskStory {
  id: string;
  version: number;
  title: string;
  dek: string;
  slug: string;
  excerpt: string;
  body: JSONContent;
  language: string;
  status: DeskStatus;
  isBreaking: boolean;
  tags: string[];
  bylineIds: string[];
  publishedAt: Date | null;
  lastUpdatedAt: Date | null;
  updatedAt: Date;
  /** What the viewer may do with it. */
  canEdit: boolean;
  canDelete: boolean;
  /** The featured (lead) photo, from the media library. */
  featuredPhoto: LibraryPhoto | null;
}

/** One story for the editor. @throws AppError(not_found) when missing or not visible to the viewer. */
export async function getDeskStory(viewer: Viewer, id: string, now = new Date()): Promise<DeskStory> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  const [tagRows, bylineRows] = await Promise.all([
    db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(articleTags.position),
    db.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(articleAuthors.position),
  ]);
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    dek: row.dek,
    slug: row.slug,
    excerpt: row.excerpt,
    body: row.body as JSONContent,
    language: row.language,
    status: deskStatus(row.status, row.publishedAt, now),
    isBreaking: row.isBreaking,
    tags: tagRows.map((t) => t.name),
    bylineIds: bylineRows.map((b) => b.id),
    publishedAt: row.publishedAt,
    lastUpdatedAt: row.lastUpdatedAt,
    updatedAt: row.updatedAt,
    canEdit: canEditStory(actorOf(viewer), row),
    canDelete: canDeleteStory(actorOf(viewer), row),
    featuredPhoto: row.featuredMediaId ? ((await loadPhotos([row.featuredMediaId])).get(row.featuredMediaId) ?? null) : null,
  };
}

/** Tag and byline choices for the editor's pickers (bounded lists). */
export async function listEditorOptions(): Promise<{
  tags: { id: string; name: string }[];
  bylines: { id: string; name: string; retired: boolean }[];
}> {
  const db = await getDb();
  const [tagRows, bylineRows] = await Promise.all([
    db.select({ id: tags.id, name: tags.name }).from(tags).orderBy(tags.name).limit(500),
    db.select({ id: authors.id, name: authors.name, retired: authors.retired }).from(authors).orderBy(authors.name).limit(500),
  ]);
  return { tags: tagRows, bylines: bylineRows };
}

/** The saved state of a story, to show beside the user's own text after a conflict. */
export interface ConflictView {
  version: number;
  title: string;
  dek: string;
  bodyText: string;
  updatedAt: Date;
  updatedByName: string | null;
}

/** The story as saved now (after someone else's save). @throws AppError(not_found) */
export async function getConflictView(viewer: Viewer, id: string): Promise<ConflictView> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [row] = await db
    .select({
      createdBy: articles.createdBy,
      status: articles.status,
      version: articles.version,
      title: articles.title,
      dek: articles.dek,
      bodyText: articles.bodyText,
      updatedAt: articles.updatedAt,
      updatedByName: users.name,
    })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.updatedBy))
    .where(eq(articles.id, id))
    .limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  return { version: row.version, title: row.title, dek: row.dek, bodyText: row.bodyText, updatedAt: row.updatedAt, updatedByName: row.updatedByName };
}
