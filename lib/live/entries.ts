/**
 * Live blogs on the desk: turning a story into one, ending and resuming its coverage, and its
 * entries — posted, edited, published and deleted one by one, each in its own short
 * transaction, so several reporters post at the same moment without conflicts and without
 * saving the story.
 *
 * Rules (the role table in lib/permissions/roles.ts decides who is an editor):
 * - editors turn live blogs on and off, end and resume coverage, let writers publish, publish
 *   anyone's drafts, pin (one entry at a time), and edit or delete any entry;
 * - writers post entries as drafts for an editor to publish, or publish them directly when an
 *   editor allowed it for that live blog; they edit and delete their own entries (published
 *   ones only where they may publish);
 * - an entry's public time (`postedAt`) is set once, when it is published, and never moves; an
 *   edit after that shows as "edited" with its time (`editedAt`);
 * - publishing an entry on a public live blog moves the story's "Last Updated On" to the
 *   entry's time (the time of the newest entry), without a new story version, so an editor
 *   working on the story's introduction meanwhile is not in conflict;
 * - a deleted entry's row, revisions and photo uses are removed: its text is gone from every
 *   output on the next request;
 * - webhook receivers are told of entries posted, edited and deleted on a public live blog
 *   (`story.updated`, lib/webhooks/story-events.ts), in the same transaction.
 */
import "server-only";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, bylines, liveEntries, liveEntryMedia, liveEntryRevisions, stories, type LiveEntryRow, type StoryRow } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { assertPhotosDescribed, prepareContent, type PreparedContent } from "@/lib/stories/desk";
import { EMPTY_FOOTPRINT, readerFootprint, type ReaderFootprint } from "@/lib/stories/footprint";
import { isPubliclyVisible } from "@/lib/stories/visibility";
import { cleanString } from "@/lib/text/clean";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceLiveEntry } from "@/lib/webhooks/story-events";

/** What a live blog change did, for the caller to expire reader caches. */
export interface LiveChange {
  storyId: string;
  /** Readers see a difference (the live blog is public, and the change is in what they see). */
  affectsReaders: boolean;
  footprint: ReaderFootprint;
}

/** An entry as the desk lists it. */
export interface DeskEntry {
  id: string;
  status: LiveEntryRow["status"];
  headline: string;
  body: unknown;
  bodyHtml: string;
  bylineId: string | null;
  bylineName: string | null;
  isKeyEvent: boolean;
  isPinned: boolean;
  postedAt: Date | null;
  editedAt: Date | null;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  /** What the viewer may do with it. */
  canEdit: boolean;
  canPublish: boolean;
  canDelete: boolean;
}

const flag = z.union([z.boolean(), z.literal("true"), z.literal("false"), z.literal("on")]).transform((v) => v === true || v === "true" || v === "on");

const entrySchema = z.object({
  headline: cleanString().pipe(z.string().max(200, "Keep the entry's headline under 200 characters.")).default(""),
  /** Tiptap JSON, as an object or a JSON string. */
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  bylineId: z.union([z.uuid(), z.literal("")]).optional(),
  isKeyEvent: flag.default(false),
  isPinned: flag.default(false),
  /** Publish it now (where the poster may); false keeps it a draft. */
  publish: flag.default(true),
});

/** An edit: a field left out keeps its value (the body is always sent). */
const editSchema = z.object({
  version: z.coerce.number({ error: "The entry's version is missing; reload the live blog." }).int().positive(),
  headline: cleanString().pipe(z.string().max(200, "Keep the entry's headline under 200 characters.")).optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  /** A byline id, "" for none, or left out to keep it. */
  bylineId: z.union([z.uuid(), z.literal("")]).optional(),
  isKeyEvent: flag.optional(),
  isPinned: flag.optional(),
});

const settingsSchema = z.object({
  isLiveBlog: flag.optional(),
  writersMayPublishEntries: flag.optional(),
  coverage: z.enum(["end", "resume"]).optional(),
});

const notFound = () => new AppError("not_found", "That live blog does not exist.");
const entryNotFound = () => new AppError("not_found", "That entry does not exist (it may have been deleted).");

/** Whether the viewer may publish entries on this live blog. */
function mayPublish(viewer: Viewer, story: Pick<StoryRow, "writersMayPublishEntries">): boolean {
  return can(viewer.role, "story:publish") || (can(viewer.role, "story:create") && story.writersMayPublishEntries);
}

/** Whether the viewer may pin entries (pinning one unpins another's, so: editors). */
function mayPin(viewer: Viewer): boolean {
  return can(viewer.role, "story:publish");
}

/** Whether the viewer may change (edit or delete) this entry. */
function mayChange(viewer: Viewer, story: Pick<StoryRow, "writersMayPublishEntries">, entry: Pick<LiveEntryRow, "createdBy" | "status">): boolean {
  if (can(viewer.role, "story:edit-any")) return true;
  if (entry.createdBy !== viewer.id) return false;
  return entry.status === "draft" || mayPublish(viewer, story);
}

/** The live blog, locked for the change. @throws AppError(not_found) when missing, trashed or not a live blog. */
async function lockLiveBlog(tx: Db, storyId: string): Promise<StoryRow> {
  if (!z.uuid().safeParse(storyId).success) throw notFound();
  const [story] = await tx.select().from(stories).where(eq(stories.id, storyId)).limit(1).for("update");
  if (!story || story.trashedAt || !story.isLiveBlog) throw notFound();
  return story;
}

/** The entry and its live blog, both locked. @throws AppError(not_found) */
async function lockEntry(tx: Db, entryId: string): Promise<{ entry: LiveEntryRow; story: StoryRow }> {
  if (!z.uuid().safeParse(entryId).success) throw entryNotFound();
  const [found] = await tx.select({ storyId: liveEntries.storyId }).from(liveEntries).where(eq(liveEntries.id, entryId)).limit(1);
  if (!found) throw entryNotFound();
  // The story first, then the entry: the order every change takes, so two never deadlock.
  const story = await lockLiveBlog(tx, found.storyId);
  const [entry] = await tx.select().from(liveEntries).where(eq(liveEntries.id, entryId)).limit(1).for("update");
  if (!entry) throw entryNotFound();
  return { entry, story };
}

/**
 * The byline an entry goes out under: the one asked for (editors: any byline; writers: one of
 * their own). Posting without one: the poster's first byline, else none. Editing: left out
 * keeps the entry's, "" removes it.
 * @throws AppError: forbidden (a writer asking for someone else's byline), bad_request (unknown byline).
 */
async function entryByline(tx: Db, viewer: Viewer, requested: string | undefined, current: string | null, editing: boolean): Promise<string | null> {
  if (requested === undefined) return editing ? current : (viewer.bylineIds[0] ?? null);
  // Posting: none asked means the poster's own; editing: it means no byline.
  if (requested === "") return editing ? null : (viewer.bylineIds[0] ?? null);
  if (requested === current) return current;
  if (!can(viewer.role, "story:set-any-byline") && !viewer.bylineIds.includes(requested)) {
    throw new AppError("forbidden", "Writers can only post under their own byline.", { bylineId: "Not yours" });
  }
  const [b] = await tx.select({ id: bylines.id }).from(bylines).where(eq(bylines.id, requested)).limit(1);
  if (!b) throw new AppError("bad_request", "That byline does not exist.", { bylineId: "Unknown byline" });
  return b.id;
}

/** Renders an entry's body with the story body's rules (same editor, photos from the library). */
async function prepareEntryBody(body: string | Record<string, unknown>): Promise<PreparedContent> {
  const content = await prepareContent({ body, featuredMediaId: undefined });
  if (!content.rendered.text.trim() && content.bodyPhotoIds.length === 0) {
    throw new AppError("bad_request", "Write the entry before posting it.", { body: "Empty" });
  }
  return content;
}

/** Unpins the live blog's pinned entry (but `keep`), before another is pinned: one at a time. */
async function unpinOthers(tx: Db, storyId: string, keep: string | null): Promise<void> {
  await tx
    .update(liveEntries)
    .set({ isPinned: false })
    .where(and(eq(liveEntries.storyId, storyId), eq(liveEntries.isPinned, true), keep ? ne(liveEntries.id, keep) : undefined));
}

/** Moves a public live blog's "Last Updated On" to an entry published at `at` (never back). */
async function touchLastUpdated(tx: Db, story: StoryRow, at: Date): Promise<void> {
  if (!isPubliclyVisible(story, at)) return;
  await tx
    .update(stories)
    .set({ lastUpdatedAt: sql`greatest(${stories.lastUpdatedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(stories.id, story.id));
}

async function recordEntryRevision(tx: Db, viewer: Viewer, entry: { id: string; version: number; headline: string; body: unknown }, now: Date): Promise<void> {
  await tx.insert(liveEntryRevisions).values({ entryId: entry.id, version: entry.version, headline: entry.headline, body: entry.body, createdBy: viewer.id, createdAt: now });
}

async function recordPhotoUses(tx: Db, entryId: string, photoIds: string[]): Promise<void> {
  await tx.delete(liveEntryMedia).where(eq(liveEntryMedia.entryId, entryId));
  const unique = [...new Set(photoIds)];
  if (unique.length) await tx.insert(liveEntryMedia).values(unique.map((mediaId) => ({ entryId, mediaId })));
}

async function auditEntry(tx: Db, viewer: Viewer, action: string, story: StoryRow, details: Record<string, unknown>, now: Date): Promise<void> {
  await tx.insert(auditLog).values({ actorId: viewer.id, action, entityType: "story", entityId: story.id, details: { title: story.title, ...details }, createdAt: now });
}

async function changeFor(tx: Db, story: StoryRow, now: Date, affectsReaders: boolean): Promise<LiveChange> {
  const visible = affectsReaders && isPubliclyVisible(story, now);
  return { storyId: story.id, affectsReaders: visible, footprint: visible ? await readerFootprint(tx, story.id) : EMPTY_FOOTPRINT };
}

/**
 * Turns a story into a live blog or back, lets writers publish their entries or not, and ends
 * or resumes the coverage (editors only). Turning it on starts the coverage at `now` the first
 * time; ending it records `now` as the end (readers see "This live coverage has ended").
 * @param raw `{ isLiveBlog?, writersMayPublishEntries?, coverage?: "end" | "resume" }`
 * @throws AppError: forbidden (not an editor), not_found, bad_request (ending coverage that
 *   has ended, or of a story that is not a live blog).
 */
export async function updateLiveBlog(viewer: Viewer, storyId: string, raw: unknown, now = new Date()): Promise<LiveChange> {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors can change a live blog's settings.");
  const input = parseInput(settingsSchema, raw);
  if (!z.uuid().safeParse(storyId).success) throw notFound();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [story] = await tx.select().from(stories).where(eq(stories.id, storyId)).limit(1).for("update");
    if (!story || story.trashedAt) throw notFound();
    const live = input.isLiveBlog ?? story.isLiveBlog;
    if (!live && input.coverage) throw new AppError("bad_request", "This story is not a live blog.");
    const next: Partial<StoryRow> = {
      isLiveBlog: live,
      writersMayPublishEntries: input.writersMayPublishEntries ?? story.writersMayPublishEntries,
      coverageStartedAt: live ? (story.coverageStartedAt ?? now) : story.coverageStartedAt,
    };
    if (input.coverage === "end") {
      if (story.coverageEndedAt) throw new AppError("bad_request", "The coverage has already ended.");
      next.coverageEndedAt = now;
    } else if (input.coverage === "resume") {
      if (!story.coverageEndedAt) throw new AppError("bad_request", "The coverage has not ended.");
      next.coverageEndedAt = null;
    }
    await tx.update(stories).set(next).where(eq(stories.id, storyId));
    const changed = ["isLiveBlog", "writersMayPublishEntries", "coverageEndedAt"].filter((k) => k in next && String(next[k as keyof StoryRow]) !== String(story[k as keyof StoryRow]));
    if (changed.length) await auditEntry(tx, viewer, "live.settings", story, { isLiveBlog: live, coverage: input.coverage ?? null, writersMayPublishEntries: next.writersMayPublishEntries }, now);
    return changeFor(tx, story, now, changed.includes("isLiveBlog") || changed.includes("coverageEndedAt"));
  });
}

/**
 * Posts an entry on a live blog: published at once (its time is `now`) when the poster may
 * publish and asked to, else a draft for an editor.
 * @param raw `{ headline?, body, bylineId?, isKeyEvent?, isPinned?, publish? }`; body is Tiptap
 *   JSON (object or string), with photos only from the media library.
 * @returns the entry's id and status, and the change for cache expiry.
 * @throws AppError: forbidden (role, another's byline, pinning without the right to publish),
 *   not_found (no such live blog), bad_request (empty or invalid body, coverage ended, a photo
 *   without alt text on a published entry), too_large.
 */
export async function postEntry(viewer: Viewer, storyId: string, raw: unknown, now = new Date()): Promise<LiveChange & { entryId: string; status: LiveEntryRow["status"] }> {
  if (!can(viewer.role, "story:create")) throw new AppError("forbidden", "Your role cannot post on live blogs.");
  const input = parseInput(entrySchema, raw);
  const content = await prepareEntryBody(input.body);
  const db = await getDb();
  const posted = await db.transaction(async (tx) => {
    const story = await lockLiveBlog(tx, storyId);
    if (story.coverageEndedAt) throw new AppError("bad_request", "This live coverage has ended: resume it before posting.");
    const publish = input.publish && mayPublish(viewer, story);
    if (input.isPinned && !mayPin(viewer)) throw new AppError("forbidden", "Only an editor can pin an entry.", { isPinned: "Not allowed" });
    if (input.isPinned && !publish) throw new AppError("bad_request", "Publish the entry to pin it: a draft cannot be pinned.", { isPinned: "A draft" });
    if (publish) await assertPhotosDescribed(tx, content, null);
    const bylineId = await entryByline(tx, viewer, input.bylineId, null, false);
    if (input.isPinned) await unpinOthers(tx, story.id, null);
    const [entry] = await tx
      .insert(liveEntries)
      .values({
        storyId: story.id,
        status: publish ? "published" : "draft",
        headline: input.headline,
        body: content.rendered.json,
        bodyHtml: content.rendered.html,
        bodyText: content.rendered.text,
        bylineId,
        isKeyEvent: input.isKeyEvent,
        isPinned: input.isPinned,
        postedAt: publish ? now : null,
        createdAt: now,
        createdBy: viewer.id,
        updatedAt: now,
        updatedBy: viewer.id,
      })
      .returning();
    await recordEntryRevision(tx, viewer, entry!, now);
    await recordPhotoUses(tx, entry!.id, content.bodyPhotoIds);
    if (publish) {
      await touchLastUpdated(tx, story, now);
      await announceLiveEntry(tx, story.id, entry!, "posted", now);
    }
    await auditEntry(tx, viewer, publish ? "live.entry_publish" : "live.entry_draft", story, { entryId: entry!.id, headline: input.headline }, now);
    return { ...(await changeFor(tx, story, now, publish)), entryId: entry!.id, status: entry!.status };
  });
  nudgeWebhookWorker();
  return posted;
}

/**
 * Edits an entry (keeping its public time; a published entry shows "edited" with `now`).
 * @param raw `{ version, headline?, body, bylineId?, isKeyEvent?, isPinned? }`; a field left
 *   out keeps its value.
 * @throws AppError: forbidden, not_found, conflict (someone saved the entry since `version`),
 *   bad_request, too_large.
 */
export async function editEntry(viewer: Viewer, entryId: string, raw: unknown, now = new Date()): Promise<LiveChange> {
  const input = parseInput(editSchema, raw);
  const content = await prepareEntryBody(input.body);
  const db = await getDb();
  const edited = await db.transaction(async (tx) => {
    const { entry, story } = await lockEntry(tx, entryId);
    if (!mayChange(viewer, story, entry)) throw new AppError("forbidden", "You cannot edit this entry.");
    if (entry.version !== input.version) throw new AppError("conflict", "Someone else changed this entry meanwhile. Reload it and edit again.");
    const isPinned = input.isPinned ?? entry.isPinned;
    if (isPinned !== entry.isPinned && !mayPin(viewer)) throw new AppError("forbidden", "Only an editor can pin or unpin an entry.", { isPinned: "Not allowed" });
    if (isPinned && entry.status !== "published") throw new AppError("bad_request", "Publish the entry before pinning it.", { isPinned: "A draft" });
    if (entry.status === "published") await assertPhotosDescribed(tx, content, null);
    const bylineId = await entryByline(tx, viewer, input.bylineId, entry.bylineId, true);
    if (isPinned && !entry.isPinned) await unpinOthers(tx, story.id, entry.id);
    const [saved] = await tx
      .update(liveEntries)
      .set({
        headline: input.headline ?? entry.headline,
        body: content.rendered.json,
        bodyHtml: content.rendered.html,
        bodyText: content.rendered.text,
        bylineId,
        isKeyEvent: input.isKeyEvent ?? entry.isKeyEvent,
        isPinned,
        editedAt: entry.status === "published" ? now : null,
        version: entry.version + 1,
        updatedAt: now,
        updatedBy: viewer.id,
      })
      .where(eq(liveEntries.id, entry.id))
      .returning();
    await recordEntryRevision(tx, viewer, saved!, now);
    await recordPhotoUses(tx, entry.id, content.bodyPhotoIds);
    await auditEntry(tx, viewer, "live.entry_edit", story, { entryId: entry.id, version: saved!.version }, now);
    if (entry.status === "published") await announceLiveEntry(tx, story.id, saved!, "edited", now);
    return changeFor(tx, story, now, entry.status === "published");
  });
  nudgeWebhookWorker();
  return edited;
}

/**
 * Publishes a draft entry (an editor's, or a writer's own where the live blog allows it); its
 * public time is `now`.
 * @throws AppError: forbidden, not_found, bad_request (already published, coverage ended, a
 *   photo without alt text).
 */
export async function publishEntry(viewer: Viewer, entryId: string, now = new Date()): Promise<LiveChange> {
  const db = await getDb();
  const published = await db.transaction(async (tx) => {
    const { entry, story } = await lockEntry(tx, entryId);
    if (!mayPublish(viewer, story) || (!can(viewer.role, "story:edit-any") && entry.createdBy !== viewer.id)) {
      throw new AppError("forbidden", "Only an editor can publish this entry.");
    }
    if (entry.status === "published") throw new AppError("bad_request", "This entry is already published.");
    if (story.coverageEndedAt) throw new AppError("bad_request", "This live coverage has ended: resume it before publishing entries.");
    const content = await prepareEntryBody(entry.body as Record<string, unknown>);
    await assertPhotosDescribed(tx, content, null);
    await tx.update(liveEntries).set({ status: "published", postedAt: now, version: entry.version + 1, updatedAt: now, updatedBy: viewer.id }).where(eq(liveEntries.id, entry.id));
    await touchLastUpdated(tx, story, now);
    await announceLiveEntry(tx, story.id, entry, "posted", now);
    await auditEntry(tx, viewer, "live.entry_publish", story, { entryId: entry.id, headline: entry.headline }, now);
    return changeFor(tx, story, now, true);
  });
  nudgeWebhookWorker();
  return published;
}

/**
 * Deletes an entry for good (its revisions and photo uses go with it); the audit log keeps who
 * deleted which entry and when, not its text.
 * @throws AppError: forbidden, not_found.
 */
export async function deleteEntry(viewer: Viewer, entryId: string, now = new Date()): Promise<LiveChange> {
  const db = await getDb();
  const deleted = await db.transaction(async (tx) => {
    const { entry, story } = await lockEntry(tx, entryId);
    if (!mayChange(viewer, story, entry)) throw new AppError("forbidden", "You cannot delete this entry.");
    await tx.delete(liveEntries).where(eq(liveEntries.id, entry.id));
    await auditEntry(tx, viewer, "live.entry_delete", story, { entryId: entry.id, wasPublished: entry.status === "published" }, now);
    if (entry.status === "published") await announceLiveEntry(tx, story.id, entry, "deleted", now);
    return changeFor(tx, story, now, entry.status === "published");
  });
  nudgeWebhookWorker();
  return deleted;
}

/**
 * Every entry of a live blog for the desk, drafts included, newest first (drafts by when they
 * were written, published ones by their public time).
 * @throws AppError(not_found) when the story is missing, trashed or not a live blog.
 */
export async function listDeskEntries(viewer: Viewer, storyId: string): Promise<DeskEntry[]> {
  if (!can(viewer.role, "story:create")) throw new AppError("forbidden", "Your role cannot post on live blogs.");
  if (!z.uuid().safeParse(storyId).success) throw notFound();
  const db = await getDb();
  const [story] = await db.select().from(stories).where(eq(stories.id, storyId)).limit(1);
  if (!story || story.trashedAt || !story.isLiveBlog) throw notFound();
  const rows = await db
    .select({ entry: liveEntries, bylineName: bylines.name })
    .from(liveEntries)
    .leftJoin(bylines, eq(bylines.id, liveEntries.bylineId))
    .where(eq(liveEntries.storyId, storyId))
    .orderBy(desc(sql`coalesce(${liveEntries.postedAt}, ${liveEntries.createdAt})`), desc(liveEntries.id));
  return rows.map(({ entry: e, bylineName }) => ({
    id: e.id,
    status: e.status,
    headline: e.headline,
    body: e.body,
    bodyHtml: e.bodyHtml,
    bylineId: e.bylineId,
    bylineName,
    isKeyEvent: e.isKeyEvent,
    isPinned: e.isPinned,
    postedAt: e.postedAt,
    editedAt: e.editedAt,
    version: e.version,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
    canEdit: mayChange(viewer, story, e),
    canPublish: e.status === "draft" && !story.coverageEndedAt && mayPublish(viewer, story) && (can(viewer.role, "story:edit-any") || e.createdBy === viewer.id),
    canDelete: mayChange(viewer, story, e),
  }));
}
