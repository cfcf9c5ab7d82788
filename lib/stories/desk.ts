/**
 * The desk: reads and writes of stories for signed-in staff. Every function takes the acting
 * `Viewer` (loaded from the database for this request) and checks permission itself, so a
 * page or action that forgets a check opens no hole: a writer cannot edit another writer's
 * story or put someone else's byline on one, even by posting to the API directly.
 *
 * Missing and forbidden-to-see look the same from outside (not_found). A save carries the
 * `version` it started from; a stale version is a conflict and writes nothing, so a second
 * editor never silently overwrites the first.
 */
import "server-only";
import { isDeepStrictEqual } from "node:util";
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Db } from "@/db";
import {
  storyBylines,
  storyRevisions,
  stories,
  storyMedia,
  storyTags,
  auditLog,
  bylines,
  tags,
  users,
  type RevisionKind,
  pendingChanges,
  type StoryRow,
} from "@/db/schema";
import { AppError, parseInput } from "@/lib/errors";
import { InvalidBodyError, renderBody } from "@/lib/editor/render";
import { alignBodyDirections } from "@/lib/editor/direction";
import { cleanText, utf8Bytes } from "@/lib/text/clean";
import { directionOf } from "@/lib/i18n/languages";
import { can, canDeleteStory, canEditStory, canSeeStory, type Actor } from "@/lib/permissions/roles";
import {
  assertEmbargoRespected,
  assertIntentFits,
  assertIntentPermitted,
  assertMaySave,
  assertScheduleInFuture,
  decideSave,
  mayBeNoOp,
  publicNote,
} from "@/lib/publishing/rules";
import type { Viewer } from "@/lib/auth/load-viewer";
import { bodyTooLarge, DEFAULT_BREAKING_HOURS, deskStatus, MAX_BREAKING_HOURS, storyInputSchema, type DeskStatus } from "./story-schema";
import { getSiteSettings } from "@/lib/site/settings";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { findOrCreateTag } from "@/lib/tags/admin";
import { makeSlug } from "@/lib/text/slug";
import { uniqueSlug } from "./store";
import { assertSlugFree, moveSlug, STORY_SLUGS } from "./slug-redirects";
import { EMPTY_FOOTPRINT, mergeFootprints, readerFootprint, type ReaderFootprint } from "./footprint";
import { deskStoryMatch } from "@/lib/search/stories";
import { photoIdsIn, photoLabel, photosWithoutLibraryId, withPhotoAttrs, type LibraryPhoto } from "@/lib/media/body";
import { loadPhotos } from "@/lib/media/refs";
import { canRestoreStory, notTrashed } from "./trash";
import { isBreakingAt, isPubliclyVisible, unpublishDue } from "./visibility";
import { formatDateAtTime } from "@/lib/dates/format";
import { siteUrl } from "@/lib/env";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceStoryChange, updateKindOf } from "@/lib/webhooks/story-events";
import { nudgeMailWorker } from "@/lib/mail/outbox";
import { recordReviewStep } from "@/lib/review/steps";
import { refreshSearchTerms } from "@/lib/search/terms";
import { assertGroupLanguageFree, linkNewTranslation } from "./translation-links";


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

/** A parsed body that is a JSON object (anything else is refused by the renderer). */
function isBodyObject(body: unknown): body is JSONContent {
  return typeof body === "object" && body !== null && !Array.isArray(body);
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

/** The permission facts of a viewer. */
export function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, role: viewer.role };
}

async function audit(tx: Db, viewer: Viewer, action: string, storyId: string, details?: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorId: viewer.id, action, entityType: "story", entityId: storyId, details: details ?? null });
}

/** Resolves tag names (or slugs) to ids in order, creating missing tags when allowed. */
async function resolveTags(tx: Db, viewer: Viewer, names: string[], language: string): Promise<string[]> {
  const ids: string[] = [];
  const mayCreate = () => {
    if (!can(viewer.role, "tag:create")) throw new AppError("forbidden", "You cannot create tags.");
  };
  for (const raw of names) {
    // One name never becomes two tags, and two words never one: matched in the story's language.
    const tag = await findOrCreateTag(tx, raw, { language, mayCreate });
    if (tag && !ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

/**
 * Which bylines a save may set. Editors: any existing byline. Writers: their own byline(s),
 * or the story's current bylines unchanged — never someone else's.
 */
async function resolveBylines(tx: Db, viewer: Viewer, requested: string[], current: string[] | null): Promise<string[]> {
  const unique = [...new Set(requested)];
  if (unique.length) {
    const found = await tx.select({ id: bylines.id }).from(bylines).where(inArray(bylines.id, unique));
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

/** A save's fields after parsing (defaults applied, text cleaned). */
export type ParsedStoryInput = z.output<typeof storyInputSchema>;

/** The body and photos of a save, checked and rendered before the transaction starts. */
export interface PreparedContent {
  rendered: ReturnType<typeof renderBody>;
  bodyPhotoIds: string[];
  /** The featured photo asked for: an id, null for none, undefined to keep the current one. */
  featuredInput: string | null | undefined;
  /** Library photos by id (the body's and the featured one). */
  photos: Map<string, LibraryPhoto>;
  /** The body as sent, before the photos' details were copied in. */
  bodyInput: JSONContent;
}

/**
 * Checks the body's photos and the featured one are in the library, refreshes the body's
 * photo snapshots (alt text, caption, credit, size) from it, and renders the body.
 * @throws AppError: too_large, bad_request (malformed or invalid body, missing photo).
 */
export async function prepareContent(input: Pick<ParsedStoryInput, "body" | "featuredMediaId"> & { language?: string }): Promise<PreparedContent> {
  const parsed = parseBodyInput(input.body);
  // Blocks follow the story's direction (lib/editor/direction.ts), whatever the client sent: a
  // paragraph of a Dari story is never saved left to right.
  const bodyInput = input.language && isBodyObject(parsed) ? alignBodyDirections(parsed, directionOf(input.language)) : parsed;
  const bodyPhotoIds = photoIdsIn(bodyInput);
  if (photosWithoutLibraryId(bodyInput) > 0) {
    throw new AppError("bad_request", "Every photo in the body must come from the media library: add it with the Photo button.", { body: "Photo not from the library" });
  }
  const featuredInput = input.featuredMediaId === undefined ? undefined : input.featuredMediaId || null;
  const photos = await loadPhotos([...bodyPhotoIds, ...(featuredInput ? [featuredInput] : [])]);
  if (bodyPhotoIds.some((pid) => !photos.has(pid)) || (featuredInput && !photos.has(featuredInput))) {
    throw new AppError("bad_request", "A photo in this story is no longer in the media library. Remove it and add it again.", { body: "Missing photo" });
  }
  try {
    return { rendered: renderBody(withPhotoAttrs(bodyInput as JSONContent, photos)), bodyPhotoIds, featuredInput, photos, bodyInput: bodyInput as JSONContent };
  } catch (e) {
    if (e instanceof InvalidBodyError) throw new AppError("bad_request", e.message, { body: e.message });
    throw e;
  }
}

/**
 * The content with the photos' details as committed now, read inside the save's transaction
 * after the story's row is locked: a photo-details change that committed after the content was
 * prepared (it locks the stories using the photo first, so it is either done or waiting) is
 * not undone by this save. Renders again only when a detail changed.
 */
async function withCurrentPhotos(tx: Db, content: PreparedContent): Promise<PreparedContent> {
  if (content.photos.size === 0) return content;
  const photos = await loadPhotos([...content.photos.keys()], tx);
  if (photos.size !== content.photos.size) {
    throw new AppError("bad_request", "A photo in this story is no longer in the media library. Remove it and add it again.", { body: "Missing photo" });
  }
  const same = [...content.photos].every(([id, p]) => JSON.stringify(photos.get(id)) === JSON.stringify(p));
  if (same) return content;
  return { ...content, photos, rendered: renderBody(withPhotoAttrs(content.bodyInput, photos)) };
}

/**
 * The instant of a schedule request, read as newsroom wall-clock time in the site's zone.
 * @throws AppError(bad_request) for an unreadable or non-existent local time, or one not after `now`.
 */
async function scheduleInstant(scheduledAt: string | undefined, now: Date): Promise<Date> {
  const { timeZone } = await getSiteSettings();
  let instant: Date;
  try {
    instant = zonedLocalToInstant(scheduledAt ?? "", timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { scheduledAt: e.message });
    throw e;
  }
  assertScheduleInFuture(instant, now);
  return instant;
}

/**
 * When a save's breaking label and bar end: null when not breaking; the instant typed (in the
 * newsroom's zone) when given; else the current expiry while it is ahead; else
 * DEFAULT_BREAKING_HOURS from `now`. A role without the breaking permission keeps what is
 * stored (its flag change is refused by the publishing rules). `timeZone` is the newsroom's,
 * read before the save's transaction.
 * @throws AppError(bad_request) with a `breakingUntil` field error: unreadable time, not
 *   after `now`, or more than MAX_BREAKING_HOURS ahead.
 */
function breakingExpiry(viewer: Viewer, input: ParsedStoryInput, existing: StoryRow | null, now: Date, timeZone: string): Date | null {
  if (!can(viewer.role, "story:breaking")) return existing?.breakingUntil ?? null;
  if (!input.isBreaking) return null;
  const current = existing?.isBreaking && existing.breakingUntil && existing.breakingUntil > now ? existing.breakingUntil : null;
  if (!input.breakingUntil) return current ?? new Date(now.getTime() + DEFAULT_BREAKING_HOURS * 3_600_000);
  let until: Date;
  try {
    until = zonedLocalToInstant(input.breakingUntil, timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { breakingUntil: e.message });
    throw e;
  }
  if (current && Math.abs(until.getTime() - current.getTime()) < 60_000) return current;
  if (until <= now) throw new AppError("bad_request", "Breaking news needs an end time that is still ahead.", { breakingUntil: "Already passed" });
  if (until.getTime() - now.getTime() > MAX_BREAKING_HOURS * 3_600_000) {
    throw new AppError("bad_request", `Breaking news lasts at most ${MAX_BREAKING_HOURS} hours; pick an earlier end.`, { breakingUntil: "Too far ahead" });
  }
  return until;
}

/**
 * The embargo a save keeps: absent in the input keeps the stored one, "" lifts it, otherwise
 * newsroom wall-clock time ("YYYY-MM-DDTHH:mm[:ss]") in `timeZone`. A value within a minute of
 * the stored one keeps it (the editor sends it back at minute precision, even once passed).
 * @throws AppError(bad_request, field embargoUntil) for an unreadable time or one already past.
 */
function embargoFor(viewer: Viewer, input: ParsedStoryInput, existing: StoryRow | null, now: Date, timeZone: string): Date | null {
  const stored = existing?.embargoUntil ?? null;
  // An embargo that has passed holds nothing back any more: it is dropped.
  const current = stored && stored > now ? stored : null;
  const next = embargoAsked(input, current, stored, now, timeZone);
  if ((next?.getTime() ?? null) !== (current?.getTime() ?? null) && !can(viewer.role, "story:publish")) {
    throw new AppError("forbidden", "Only editors can set, move or lift an embargo.", { embargoUntil: "Editors only" });
  }
  return next;
}

/** The embargo the input asks for (see embargoFor). */
function embargoAsked(input: ParsedStoryInput, current: Date | null, stored: Date | null, now: Date, timeZone: string): Date | null {
  if (input.embargoUntil === undefined) return current;
  if (input.embargoUntil === "") return null;
  let until: Date;
  try {
    until = zonedLocalToInstant(input.embargoUntil, timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { embargoUntil: e.message });
    throw e;
  }
  if (stored && Math.abs(until.getTime() - stored.getTime()) < 60_000) return current;
  if (until <= now) throw new AppError("bad_request", "An embargo must end at a time still ahead.", { embargoUntil: "Already passed" });
  return until;
}

/**
 * The scheduled unpublish a save keeps: the stored one while the story stays published (an
 * unpublish, a return to draft or a passed instant drops it).
 * @throws AppError(bad_request, field scheduledAt) when the new publication instant is not
 *   before the scheduled unpublish.
 */
function keptUnpublish(existing: StoryRow | null, status: StoryRow["status"], publishedAt: Date | null, now: Date, at: (d: Date) => string): Date | null {
  const unpublishAt = existing?.unpublishAt ?? null;
  if (!unpublishAt || status !== "published" || unpublishAt <= now) return null;
  if (publishedAt && publishedAt >= unpublishAt) {
    throw new AppError("bad_request", `The story is set to come off the site at ${at(unpublishAt)}, before this publication time: move or cancel the scheduled unpublish first.`, {
      scheduledAt: "After the scheduled unpublish",
    });
  }
  return unpublishAt;
}

/** The stored story a save changes (null for a new one), once the viewer may save it. @throws AppError */
async function loadForSave(tx: Db, viewer: Viewer, input: ParsedStoryInput, now: Date): Promise<StoryRow | null> {
  // Locked for the save: a schedule change or the scheduler's record of an unpublish waits for
  // it (or it for them), so neither is overwritten with what was read before.
  const row = input.id ? ((await tx.select().from(stories).where(eq(stories.id, input.id)).limit(1).for("update"))[0] ?? undefined) : null;
  // A story whose scheduled unpublish has come is off the site, whether or not the scheduler
  // has recorded it yet: the rules see it as unpublished.
  const existing = row && row.status === "published" && unpublishDue(row, now) ? { ...row, status: "unpublished" as const, unpublishAt: null } : row;
  if (existing?.trashedAt && canSeeStory(actorOf(viewer), existing)) {
    throw new AppError("bad_request", "This story is in the trash. Restore it to edit it again.");
  }
  assertMaySave(actorOf(viewer), existing, input.version);
  return existing ?? null;
}

/** A story's byline ids in order. */
async function storyBylineIds(tx: Db, storyId: string): Promise<string[]> {
  const rows = await tx.select({ id: storyBylines.bylineId }).from(storyBylines).where(eq(storyBylines.storyId, storyId)).orderBy(storyBylines.position);
  return rows.map((r) => r.id);
}

/** A story's tag ids in order (the first is its section). */
async function storyTagIds(tx: Db, storyId: string): Promise<string[]> {
  const rows = await tx.select({ id: storyTags.tagId }).from(storyTags).where(eq(storyTags.storyId, storyId)).orderBy(storyTags.position);
  return rows.map((r) => r.id);
}

/**
 * The slug a save ends with: generated from the headline when empty, unique, never empty.
 * Changing the slug of a story readers have seen leaves a redirect from the old one.
 * @throws AppError(conflict) when another story uses the slug or redirects from it.
 */
async function settleSlug(tx: Db, existing: StoryRow | null, input: ParsedStoryInput, now: Date): Promise<string> {
  const wantedSlug = makeSlug(input.slug || input.title, `story-${now.getTime().toString(36)}`);
  if (!existing) return uniqueSlug(tx, wantedSlug);
  if (wantedSlug === existing.slug) return existing.slug;
  await assertSlugFree(tx, STORY_SLUGS, wantedSlug, existing.id);
  await moveSlug(tx, STORY_SLUGS, { id: existing.id, from: existing.slug, to: wantedSlug, keepRedirect: existing.publishedAt !== null });
  return wantedSlug;
}

/** The stored fields a save sets, apart from status, dates and who saved when. */
function storyFields(
  input: ParsedStoryInput,
  rendered: PreparedContent["rendered"],
  slug: string,
  links: { tagIds: string[]; featuredMediaId: string | null; breakingUntil: Date | null; embargoUntil: Date | null },
) {
  const { tagIds, featuredMediaId, breakingUntil, embargoUntil } = links;
  return {
    slug,
    title: input.title,
    dek: input.dek,
    excerpt: input.excerpt,
    body: rendered.json,
    bodyHtml: rendered.html,
    bodyText: rendered.text,
    language: input.language,
    direction: directionOf(input.language),
    isBreaking: input.isBreaking,
    breakingUntil,
    embargoUntil,
    primaryTagId: tagIds[0] ?? null,
    featuredMediaId,
  };
}
type StoryFields = ReturnType<typeof storyFields>;

/** Whether the stored story already has exactly these fields, bylines and tags. */
async function sameAsStored(tx: Db, existing: StoryRow, fields: StoryFields, links: { currentBylines: string[]; bylineIds: string[]; tagIds: string[] }): Promise<boolean> {
  const same =
    existing.slug === fields.slug &&
    existing.title === fields.title &&
    existing.dek === fields.dek &&
    existing.excerpt === fields.excerpt &&
    existing.language === fields.language &&
    existing.isBreaking === fields.isBreaking &&
    (existing.breakingUntil?.getTime() ?? null) === (fields.breakingUntil?.getTime() ?? null) &&
    (existing.embargoUntil?.getTime() ?? null) === (fields.embargoUntil?.getTime() ?? null) &&
    existing.primaryTagId === fields.primaryTagId &&
    existing.featuredMediaId === fields.featuredMediaId &&
    sameJson(existing.body, fields.body) &&
    JSON.stringify(links.currentBylines) === JSON.stringify(links.bylineIds);
  return same && JSON.stringify(await storyTagIds(tx, existing.id)) === JSON.stringify(links.tagIds);
}

/**
 * A story readers will see (now or at its scheduled time) needs alt text on every photo
 * (WCAG 2.2 success criterion 1.1.1, non-text content).
 * @throws AppError(bad_request) naming the first photo without alt text: the featured photo
 *   (field `featuredPhoto`), else the first in the body (field `body`, and `bodyPhoto` with
 *   its library id).
 */
export async function assertPhotosDescribed(tx: Db, content: PreparedContent, featuredMediaId: string | null): Promise<void> {
  const { photos } = content;
  if (featuredMediaId && !photos.has(featuredMediaId)) {
    for (const [pid, p] of await loadPhotos([featuredMediaId], tx)) photos.set(pid, p);
  }
  const missing = (p: LibraryPhoto | undefined) => p !== undefined && !p.altText.trim();
  const featured = featuredMediaId ? photos.get(featuredMediaId) : undefined;
  if (featured && missing(featured)) {
    throw new AppError(
      "bad_request",
      `The featured photo “${photoLabel(featured)}” has no alt text. Describe what it shows, for readers who cannot see it, before this story goes public.`,
      { featuredPhoto: "Alt text missing: describe the photo in its Alt text field." },
    );
  }
  const inBody = content.bodyPhotoIds.find((pid) => missing(photos.get(pid)));
  if (inBody) {
    const label = photoLabel(photos.get(inBody)!);
    throw new AppError(
      "bad_request",
      `The photo “${label}” in the body has no alt text. Describe what it shows, for readers who cannot see it, before this story goes public.`,
      // `bodyPhoto` names the photo (its library id) for the editor to select it.
      { body: `The photo “${label}” has no alt text: click it to describe it.`, bodyPhoto: inBody },
    );
  }
}

/** The answer for a save that changed nothing: the story as stored. */
function unchangedStory(existing: StoryRow, now: Date): SavedStory {
  return {
    id: existing.id,
    slug: existing.slug,
    version: existing.version,
    status: deskStatus(existing.status, existing.publishedAt, now, existing.unpublishAt),
    publicSlugs: [existing.slug],
    affectsReaders: false,
    footprint: EMPTY_FOOTPRINT,
    changed: false,
    publishedAt: existing.publishedAt,
    lastUpdatedAt: existing.lastUpdatedAt,
    updatedAt: existing.updatedAt,
  };
}

/**
 * Writes the story row: a new one, or the next version of `existing` (only if nobody saved it
 * meanwhile), clearing its tag, byline and photo links for {@link writeLinks}.
 * @returns the story's id and new version. @throws AppError(conflict) on a concurrent save.
 */
async function writeStoryRow(
  tx: Db,
  viewer: Viewer,
  existing: StoryRow | null,
  values: StoryFields & Pick<StoryRow, "status" | "publishedAt" | "lastUpdatedAt" | "updatedAt" | "updatedBy" | "unpublishAt"> & Partial<Pick<StoryRow, "unpublishSetBy" | "submittedAt" | "submittedBy">>,
): Promise<{ id: string; version: number }> {
  if (!existing) {
    const [created] = await tx
      .insert(stories)
      .values({ ...values, createdBy: viewer.id, createdAt: values.updatedAt })
      .returning({ id: stories.id, version: stories.version });
    await audit(tx, viewer, "story.create", created!.id, { title: values.title });
    return created!;
  }
  const updated = await tx
    .update(stories)
    .set({ ...values, version: existing.version + 1 })
    .where(and(eq(stories.id, existing.id), eq(stories.version, existing.version)))
    .returning({ id: stories.id, version: stories.version });
  if (updated.length !== 1) throw new AppError("conflict", "Someone else saved this story at the same moment. Reload and try again.");
  await tx.delete(storyTags).where(eq(storyTags.storyId, existing.id));
  await tx.delete(storyBylines).where(eq(storyBylines.storyId, existing.id));
  await tx.delete(storyMedia).where(eq(storyMedia.storyId, existing.id));
  return updated[0]!;
}

/** Links a story to its tags, bylines (both in order) and photos (featured and in the body). */
async function writeLinks(tx: Db, id: string, links: { tagIds: string[]; bylineIds: string[]; featuredMediaId: string | null; bodyPhotoIds: string[] }): Promise<void> {
  const { tagIds, bylineIds, featuredMediaId } = links;
  if (tagIds.length) await tx.insert(storyTags).values(tagIds.map((tagId, position) => ({ storyId: id, tagId, position })));
  const uses = [
    ...(featuredMediaId ? [{ storyId: id, mediaId: featuredMediaId, role: "featured" as const }] : []),
    ...links.bodyPhotoIds.map((mediaId) => ({ storyId: id, mediaId, role: "body" as const })),
  ];
  if (uses.length) await tx.insert(storyMedia).values(uses);
  if (bylineIds.length) await tx.insert(storyBylines).values(bylineIds.map((bylineId, position) => ({ storyId: id, bylineId, position })));
  await refreshSearchTerms(tx, { storyIds: [id] });
}

/** Records the saved version in the story's history, with tag and byline names as they are now. */
async function recordRevision(
  tx: Db,
  viewer: Viewer,
  saved: { id: string; version: number; kind: RevisionKind; note: string | null; fields: StoryFields; tagIds: string[]; bylineIds: string[]; now: Date },
): Promise<void> {
  const { fields, tagIds, bylineIds } = saved;
  const [tagNames, bylineNames] = await Promise.all([
    tagIds.length ? tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, tagIds)) : [],
    bylineIds.length ? tx.select({ id: bylines.id, name: bylines.name }).from(bylines).where(inArray(bylines.id, bylineIds)) : [],
  ]);
  await tx.insert(storyRevisions).values({
    storyId: saved.id,
    version: saved.version,
    kind: saved.kind,
    note: saved.note,
    fields: {
      slug: fields.slug,
      excerpt: fields.excerpt,
      language: fields.language,
      tags: tagIds.map((t) => tagNames.find((n) => n.id === t)?.name ?? ""),
      bylines: bylineIds.map((b) => bylineNames.find((n) => n.id === b)?.name ?? ""),
      isBreaking: fields.isBreaking,
    },
    title: fields.title,
    dek: fields.dek,
    body: fields.body,
    createdBy: viewer.id,
    createdAt: saved.now,
  });
}

/**
 * Creates or saves a story and applies the intent (save, submit for review, publish,
 * unpublish, return to writer, schedule, update…) in one transaction. The publishing rules
 * (who may, status and dates, revision kind, no-op) are in lib/publishing/rules.ts.
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
  options: {
    revisionKind?: "autosave" | "restore";
    /** A new story only: link it as a translation of this story (lib/stories/translations.ts). */
    translationOf?: string;
  } = {},
): Promise<SavedStory> {
  const input = parseInput(storyInputSchema, raw);
  const prepared = await prepareContent(input);
  const { intent } = input;
  const actor = actorOf(viewer);
  assertIntentPermitted(viewer.role, intent);
  if (intent === "return" && !input.reviewNote) {
    throw new AppError("bad_request", "Write a note that tells the writer what to change before returning the story.", { reviewNote: "Required" });
  }
  const scheduledFor = intent === "schedule" ? await scheduleInstant(input.scheduledAt, now) : null;
  // Read outside the transaction (the embedded database has one connection).
  const { timeZone, locale, siteName } = await getSiteSettings();
  const at = (instant: Date) => `${formatDateAtTime(instant, timeZone, locale)} (${timeZone})`;
  const mailContext = { siteName, origin: siteUrl() };

  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const existing = await loadForSave(tx, viewer, input, now);
    const content = await withCurrentPhotos(tx, prepared);
    assertIntentFits({ actor, existing, intent, isBreaking: input.isBreaking, now });
    const currentBylines = existing ? await storyBylineIds(tx, existing.id) : null;
    const bylineIds = await resolveBylines(tx, viewer, input.bylineIds, currentBylines);
    const tagIds = await resolveTags(tx, viewer, input.tags, input.language);
    if (existing?.translationGroupId && existing.language !== input.language) {
      await assertGroupLanguageFree(tx, { groupId: existing.translationGroupId, language: input.language, exceptId: existing.id });
    }
    const slug = await settleSlug(tx, existing, input, now);
    const featuredMediaId = content.featuredInput === undefined ? (existing?.featuredMediaId ?? null) : content.featuredInput;
    const breakingUntil = breakingExpiry(viewer, input, existing, now, timeZone);
    const embargoUntil = embargoFor(viewer, input, existing, now, timeZone);
    const fields = storyFields(input, content.rendered, slug, { tagIds, featuredMediaId, breakingUntil, embargoUntil });
    const contentChanged =
      !existing ||
      !mayBeNoOp(intent, publicNote(intent, input.note) ?? "") ||
      !(await sameAsStored(tx, existing, fields, { currentBylines: currentBylines ?? [], bylineIds, tagIds }));
    const decision = decideSave({
      actor,
      existing,
      openedVersion: input.version,
      intent,
      isBreaking: input.isBreaking,
      scheduledFor,
      noteKind: input.noteKind,
      note: input.note,
      contentChanged,
      revisionKindOverride: options.revisionKind,
      now,
    });
    assertEmbargoRespected({ intent, status: decision.status, publishedAt: decision.publishedAt, wasLive: existing ? isPubliclyVisible(existing, now) : false, embargoUntil, now, at });
    if (decision.status === "published") await assertPhotosDescribed(tx, content, featuredMediaId);
    if (existing && decision.noOp) return unchangedStory(existing, now);

    const before = existing && decision.affectsReaders ? await readerFootprint(tx, existing.id) : EMPTY_FOOTPRINT;
    const { status, publishedAt, lastUpdatedAt } = decision;
    const unpublishAt = keptUnpublish(existing, status, publishedAt, now, at);
    // Waiting for review carries who submitted it and when; every other state carries neither.
    const submission = status !== "in_review" ? { submittedAt: null, submittedBy: null } : intent === "submit" ? { submittedAt: now, submittedBy: viewer.id } : {};
    const { id, version } = await writeStoryRow(tx, viewer, existing, { ...fields, status, publishedAt, lastUpdatedAt, unpublishAt, ...(unpublishAt ? {} : { unpublishSetBy: null }), ...submission, updatedAt: now, updatedBy: viewer.id });
    await writeLinks(tx, id, { tagIds, bylineIds, featuredMediaId, bodyPhotoIds: content.bodyPhotoIds });
    if (options.translationOf && !existing) await linkNewTranslation(tx, { sourceId: options.translationOf, newId: id, language: fields.language });
    await recordRevision(tx, viewer, { id, version, kind: decision.revisionKind, note: decision.note, fields, tagIds, bylineIds, now });
    const reviewNote = intent === "submit" || intent === "return" ? input.reviewNote : "";
    if (decision.auditAction) {
      const note = decision.note ?? (reviewNote || null);
      await audit(tx, viewer, decision.auditAction, id, { version, title: fields.title, ...(note ? { note } : {}) });
    }
    // Readers have seen it before when its publication instant has passed (unpublished since, or not).
    const seenBefore = existing?.publishedAt != null && existing.publishedAt <= now;
    await recordReviewStep(
      tx,
      {
        intent,
        actor: { id: viewer.id, name: viewer.name },
        story: { id, title: fields.title, slug, primaryTagId: fields.primaryTagId, createdBy: existing ? existing.createdBy : viewer.id },
        submittedBy: existing?.submittedBy ?? null,
        reviewNote,
        firstPublication: status === "published" && publishedAt !== null && publishedAt <= now && !seenBefore,
        publicNote: decision.note && (decision.revisionKind === "update" || decision.revisionKind === "correction" || decision.revisionKind === "clarification") ? { kind: decision.revisionKind, text: decision.note } : null,
        now,
      },
      mailContext,
    );
    const embargoBefore = existing?.embargoUntil && existing.embargoUntil > now ? existing.embargoUntil : null;
    if ((embargoBefore?.getTime() ?? null) !== (embargoUntil?.getTime() ?? null)) {
      await audit(tx, viewer, "story.embargo", id, { title: fields.title, changes: { embargoUntil: { from: embargoBefore?.toISOString() ?? null, to: embargoUntil?.toISOString() ?? null } } });
    }
    // Webhook receivers learn of it with the save: published, updated, unpublished.
    await announceStoryChange(tx, id, now, { updateKind: updateKindOf(decision.revisionKind, decision.affectsReaders), note: decision.note });

    return {
      id,
      slug,
      version,
      status: deskStatus(status, publishedAt, now, unpublishAt),
      publicSlugs: [...new Set([slug, ...(existing && existing.slug !== slug ? [existing.slug] : [])])],
      affectsReaders: decision.affectsReaders,
      footprint: decision.affectsReaders ? mergeFootprints(before, await readerFootprint(tx, id)) : EMPTY_FOOTPRINT,
      changed: true,
      publishedAt,
      lastUpdatedAt,
      updatedAt: now,
    };
  });
  // Mail and webhook events recorded with the save go out now rather than at the workers' next poll.
  if (saved.changed) {
    nudgeMailWorker();
    nudgeWebhookWorker();
  }
  return saved;
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
  /** The public "Last Updated On" (null before publication). */
  lastUpdatedAt: Date | null;
  /** A scheduled unpublish still ahead, or null, and who set it. */
  unpublishAt: Date | null;
  unpublishSetByName: string | null;
  /** Scheduled pending changes still ahead, or null, and who scheduled them. */
  changesAt: Date | null;
  changesSetByName: string | null;
}

export const DESK_PAGE_SIZE = 25;

/** The SQL scope of stories a viewer may see on the desk (writers: their own). */
export function storyScope(viewer: Viewer): SQL | undefined {
  return can(viewer.role, "story:see-all") ? undefined : eq(stories.createdBy, viewer.id);
}

/** A story's next scheduled change after `now`: its publication if still ahead, else its unpublish. */
function nextChangeAt(now: Date): SQL {
  const at = now.toISOString();
  return sql`least(case when ${stories.publishedAt} > ${at}::timestamptz then ${stories.publishedAt} end, case when ${stories.unpublishAt} > ${at}::timestamptz then ${stories.unpublishAt} end, case when ${pendingAt()} > ${at}::timestamptz then ${pendingAt()} end)`;
}

/** When a story's scheduled pending changes go out (null when none are scheduled). */
function pendingAt(): SQL {
  return sql`(select ${pendingChanges.applyAt} from ${pendingChanges} where ${pendingChanges.storyId} = ${stories.id})`;
}

/** The desk's story list, newest change first, filtered and paginated. */
export async function listDeskStories(
  viewer: Viewer,
  filters: DeskListFilters,
  now = new Date(),
): Promise<{ items: DeskListItem[]; total: number; page: number; pages: number }> {
  const db = await getDb();
  const conditions: (SQL | undefined)[] = [storyScope(viewer), notTrashed];
  switch (filters.status) {
    case "scheduled":
      // Publications, unpublishes and pending changes still to come.
      conditions.push(and(eq(stories.status, "published"), or(gt(stories.publishedAt, now), gt(stories.unpublishAt, now), sql`${pendingAt()} > ${now.toISOString()}::timestamptz`)));
      break;
    case "published":
      conditions.push(and(eq(stories.status, "published"), lte(stories.publishedAt, now), or(isNull(stories.unpublishAt), gt(stories.unpublishAt, now))));
      break;
    case "unpublished":
      conditions.push(or(eq(stories.status, "unpublished"), and(eq(stories.status, "published"), lte(stories.unpublishAt, now))));
      break;
    case "draft":
    case "in_review":
      conditions.push(eq(stories.status, filters.status));
      break;
  }
  if (filters.bylineId) {
    conditions.push(
      sql`exists (select 1 from ${storyBylines} where ${storyBylines.storyId} = ${stories.id} and ${storyBylines.bylineId} = ${filters.bylineId})`,
    );
  }
  if (filters.tagId) {
    conditions.push(
      sql`exists (select 1 from ${storyTags} where ${storyTags.storyId} = ${stories.id} and ${storyTags.tagId} = ${filters.tagId})`,
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
        id: stories.id,
        title: stories.title,
        slug: stories.slug,
        status: stories.status,
        publishedAt: stories.publishedAt,
        lastUpdatedAt: stories.lastUpdatedAt,
        unpublishAt: stories.unpublishAt,
        unpublishSetByName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${stories.unpublishSetBy})`,
        changesAt: sql<Date | null>`${pendingAt()}`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
        changesSetByName: sql<string | null>`(select u.name from ${pendingChanges} p join ${users} u on u.id = p.scheduled_by where p.story_id = ${stories.id})`,
        language: stories.language,
        updatedAt: stories.updatedAt,
        updatedByName: users.name,
        section: tags.name,
      })
      .from(stories)
      .leftJoin(users, eq(users.id, stories.updatedBy))
      .leftJoin(tags, eq(tags.id, stories.primaryTagId))
      .where(where)
      // The Scheduled view reads like a running order: next to publish first.
      .orderBy(...(filters.status === "scheduled" ? [asc(nextChangeAt(now)), asc(stories.id)] : [desc(stories.updatedAt), desc(stories.id)]))
      .limit(DESK_PAGE_SIZE)
      .offset((page - 1) * DESK_PAGE_SIZE),
    db.select({ n: count() }).from(stories).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const bylineRows = ids.length
    ? await db
        .select({ storyId: storyBylines.storyId, name: bylines.name })
        .from(storyBylines)
        .innerJoin(bylines, eq(bylines.id, storyBylines.bylineId))
        .where(inArray(storyBylines.storyId, ids))
        .orderBy(storyBylines.position)
    : [];
  const n = total?.n ?? 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      status: deskStatus(r.status, r.publishedAt, now, r.unpublishAt),
      language: r.language,
      section: r.section,
      bylines: bylineRows.filter((b) => b.storyId === r.id).map((b) => b.name),
      updatedAt: r.updatedAt,
      updatedByName: r.updatedByName,
      publishedAt: r.publishedAt,
      lastUpdatedAt: r.lastUpdatedAt,
      unpublishAt: r.unpublishAt && r.unpublishAt > now ? r.unpublishAt : null,
      unpublishSetByName: r.unpublishSetByName,
      changesAt: r.changesAt && r.changesAt > now ? r.changesAt : null,
      changesSetByName: r.changesSetByName,
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
  /** Breaking at the time of reading (an expired flag reads as false). */
  isBreaking: boolean;
  /** While breaking: when it ends. */
  breakingUntil: Date | null;
  /** The embargo (before it the story cannot be published), or null. */
  embargoUntil: Date | null;
  /** A scheduled unpublish still ahead, and who set it. */
  unpublishAt: Date | null;
  unpublishSetByName: string | null;
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
  /** When it went to the trash (it is then read-only until restored), or null. */
  trashedAt: Date | null;
  /** The viewer may take it out of the trash. */
  canRestore: boolean;
  /** A live blog (entries posted on its live desk), and its coverage's start and end (null: still live). */
  isLiveBlog: boolean;
  coverageStartedAt: Date | null;
  coverageEndedAt: Date | null;
  /** Writers may publish their own entries on this live blog. */
  writersMayPublishEntries: boolean;
}

/** One story for the editor. @throws AppError(not_found) when missing or not visible to the viewer. */
export async function getDeskStory(viewer: Viewer, id: string, now = new Date()): Promise<DeskStory> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [row] = await db.select().from(stories).where(eq(stories.id, id)).limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  const [tagRows, bylineRows] = await Promise.all([
    db
      .select({ name: tags.name })
      .from(storyTags)
      .innerJoin(tags, eq(tags.id, storyTags.tagId))
      .where(eq(storyTags.storyId, id))
      .orderBy(storyTags.position),
    db.select({ id: storyBylines.bylineId }).from(storyBylines).where(eq(storyBylines.storyId, id)).orderBy(storyBylines.position),
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
    status: deskStatus(row.status, row.publishedAt, now, row.unpublishAt),
    isBreaking: isBreakingAt(row, now),
    breakingUntil: isBreakingAt(row, now) ? row.breakingUntil : null,
    embargoUntil: row.embargoUntil,
    unpublishAt: row.unpublishAt && row.unpublishAt > now ? row.unpublishAt : null,
    unpublishSetByName: row.unpublishAt && row.unpublishAt > now && row.unpublishSetBy ? ((await db.select({ name: users.name }).from(users).where(eq(users.id, row.unpublishSetBy)).limit(1))[0]?.name ?? null) : null,
    tags: tagRows.map((t) => t.name),
    bylineIds: bylineRows.map((b) => b.id),
    publishedAt: row.publishedAt,
    lastUpdatedAt: row.lastUpdatedAt,
    updatedAt: row.updatedAt,
    canEdit: !row.trashedAt && canEditStory(actorOf(viewer), row),
    canDelete: !row.trashedAt && canDeleteStory(actorOf(viewer), row),
    trashedAt: row.trashedAt,
    canRestore: row.trashedAt !== null && canRestoreStory(actorOf(viewer), row),
    featuredPhoto: row.featuredMediaId ? ((await loadPhotos([row.featuredMediaId])).get(row.featuredMediaId) ?? null) : null,
    isLiveBlog: row.isLiveBlog,
    coverageStartedAt: row.coverageStartedAt,
    coverageEndedAt: row.coverageEndedAt,
    writersMayPublishEntries: row.writersMayPublishEntries,
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
    db.select({ id: bylines.id, name: bylines.name, retired: bylines.retired }).from(bylines).orderBy(bylines.name).limit(500),
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
      createdBy: stories.createdBy,
      status: stories.status,
      version: stories.version,
      title: stories.title,
      dek: stories.dek,
      bodyText: stories.bodyText,
      updatedAt: stories.updatedAt,
      updatedByName: users.name,
    })
    .from(stories)
    .leftJoin(users, eq(users.id, stories.updatedBy))
    .where(eq(stories.id, id))
    .limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  return { version: row.version, title: row.title, dek: row.dek, bodyText: row.bodyText, updatedAt: row.updatedAt, updatedByName: row.updatedByName };
}
