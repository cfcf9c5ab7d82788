/**
 * The story trash. Deleting a story moves it to the trash instead of removing it: it leaves
 * the site at once (its address answers 410 Gone when it had been published, so search
 * engines drop it rather than retry) and the desk's lists, and an editor can restore it for
 * TRASH_DAYS days. After that it is purged: removed with its revisions, tags, bylines and old
 * slugs, and its address answers 404.
 *
 * Trashing a live story takes it off the site the way unpublishing does (status
 * `unpublished`, dates kept); trashing a scheduled one drops the schedule (back to a draft
 * with no dates), so a restore never publishes anything by itself. Every change is recorded
 * in the audit log in the same transaction.
 */
import "server-only";
import { and, desc, eq, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, stories, users, type StoryRow } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, canDeleteStory, canSeeStory, type Actor } from "@/lib/permissions/roles";
import type { Viewer } from "@/lib/auth/load-viewer";
import { isPubliclyVisible, isScheduled } from "./visibility";
import { EMPTY_FOOTPRINT, readerFootprint, type ReaderFootprint } from "./footprint";

import { TRASH_DAYS } from "./story-schema";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceStoryChange } from "@/lib/webhooks/story-events";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a story trashed at `trashedAt` is purged. */
export function purgeInstant(trashedAt: Date): Date {
  return new Date(trashedAt.getTime() + TRASH_DAYS * DAY_MS);
}

/** What a trash or restore changed on the reader side, for `changeStory` (cache expiry). */
export interface TrashChange {
  id: string;
  title: string;
  slug: string;
  affectsReaders: boolean;
  footprint: ReaderFootprint;
}

function actorOf(viewer: Viewer): Actor {
  return { id: viewer.id, role: viewer.role };
}

async function loadStory(tx: Db, viewer: Viewer, id: string): Promise<StoryRow> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const [row] = await tx.select().from(stories).where(eq(stories.id, id)).limit(1).for("update");
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  return row;
}

async function record(tx: Db, viewer: Viewer | null, action: string, row: StoryRow, details: Record<string, unknown> = {}) {
  await tx.insert(auditLog).values({ actorId: viewer?.id ?? null, action, entityType: "story", entityId: row.id, details: { title: row.title, slug: row.slug, ...details } });
}

/**
 * May the actor restore this trashed story? Editors: any. Writers: a story they could have
 * trashed themselves (their own draft), so a slip can be undone at once.
 */
export function canRestoreStory(actor: Actor, story: Pick<StoryRow, "createdBy" | "status">): boolean {
  return can(actor.role, "story:delete-any") || canDeleteStory(actor, story);
}

/**
 * Moves a story to the trash (editors: any story; writers: their own drafts).
 * @param now the instant of the change.
 * @returns the story and what readers saw of it (a live story's page now answers 410).
 * @throws AppError: not_found (missing or not visible), forbidden, bad_request (already in
 *   the trash).
 */
export async function trashStory(viewer: Viewer, id: string, now = new Date()): Promise<TrashChange> {
  const db = await getDb();
  const change = await db.transaction(async (tx) => {
    const row = await loadStory(tx, viewer, id);
    if (!canDeleteStory(actorOf(viewer), row)) throw new AppError("forbidden", "You cannot delete this story.");
    if (row.trashedAt) throw new AppError("bad_request", "This story is already in the trash.");
    const wasLive = isPubliclyVisible(row, now);
    const wasScheduled = isScheduled(row, now);
    const affectsReaders = row.status === "published";
    const footprint = affectsReaders ? await readerFootprint(tx, id) : EMPTY_FOOTPRINT;
    await tx
      .update(stories)
      .set({
        trashedAt: now,
        trashedBy: viewer.id,
        ...(wasLive ? { status: "unpublished" as const } : {}),
        ...(wasScheduled ? { status: "draft" as const, publishedAt: null, lastUpdatedAt: null } : {}),
        // A scheduled unpublish goes with the story's place on the site.
        unpublishAt: null,
        unpublishSetBy: null,
        version: row.version + 1,
        updatedAt: now,
        updatedBy: viewer.id,
      })
      .where(eq(stories.id, id));
    await record(tx, viewer, "story.trash", row, { wasLive, wasScheduled });
    // Readers saw it: webhook receivers are told it is deleted (they may hold a copy).
    await announceStoryChange(tx, id, now, { trashed: true });
    return { id, title: row.title, slug: row.slug, affectsReaders, footprint };
  });
  nudgeWebhookWorker();
  return change;
}

/**
 * Takes a story out of the trash, as it was trashed except that a live story comes back
 * unpublished and a scheduled one as a draft (see the module comment).
 * @returns the story; `affectsReaders` when its address answered 410 and now answers 404.
 * @throws AppError: not_found (missing, not visible, or purged), forbidden, bad_request (not
 *   in the trash).
 */
export async function restoreFromTrash(viewer: Viewer, id: string, now = new Date()): Promise<TrashChange> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await loadStory(tx, viewer, id);
    if (!row.trashedAt) throw new AppError("bad_request", "This story is not in the trash.");
    if (!canRestoreStory(actorOf(viewer), row)) throw new AppError("forbidden", "Only an editor can restore this story.");
    await tx.update(stories).set({ trashedAt: null, trashedBy: null, version: row.version + 1, updatedAt: now, updatedBy: viewer.id }).where(eq(stories.id, id));
    await record(tx, viewer, "story.restore_from_trash", row);
    const affectsReaders = row.publishedAt !== null;
    return { id, title: row.title, slug: row.slug, affectsReaders, footprint: affectsReaders ? await readerFootprint(tx, id) : EMPTY_FOOTPRINT };
  });
}

/**
 * Removes for good the stories trashed TRASH_DAYS or more before `now` (their revisions, tag,
 * byline and photo links and old slugs go with them, by the foreign keys).
 * @returns how many stories were purged.
 */
export async function purgeTrash(now = new Date(), db?: Db): Promise<number> {
  const handle = db ?? (await getDb());
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY_MS);
  return handle.transaction(async (tx) => {
    const gone = await tx.delete(stories).where(and(isNotNull(stories.trashedAt), lte(stories.trashedAt, cutoff))).returning();
    for (const row of gone) await record(tx, null, "story.purge", row);
    return gone.length;
  });
}

/**
 * Removes one trashed story for good, before its time (editors only).
 * @throws AppError: not_found, forbidden, bad_request (not in the trash).
 */
export async function purgeStory(viewer: Viewer, id: string): Promise<{ title: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await loadStory(tx, viewer, id);
    if (!can(viewer.role, "story:delete-any")) throw new AppError("forbidden", "Only an editor can delete a story for good.");
    if (!row.trashedAt) throw new AppError("bad_request", "Move the story to the trash first.");
    await tx.delete(stories).where(eq(stories.id, id));
    await record(tx, viewer, "story.purge", row);
    return { title: row.title };
  });
}

/** One story in the trash, as the Trash screen lists it. */
export interface TrashItem {
  id: string;
  title: string;
  /** True when it had been published (its address answers 410 Gone). */
  wasPublished: boolean;
  trashedAt: Date;
  trashedByName: string | null;
  /** When it will be purged. */
  purgeAt: Date;
  canRestore: boolean;
}

/**
 * The trash, most recently trashed first (editors: every story; writers: their own). Purges
 * what is due first, so the list never shows a story past its time.
 * @param now the instant that decides what is due.
 */
export async function listTrash(viewer: Viewer, now = new Date()): Promise<TrashItem[]> {
  await purgeTrash(now);
  const db = await getDb();
  const scope: SQL | undefined = can(viewer.role, "story:see-all") ? undefined : eq(stories.createdBy, viewer.id);
  const rows = await db
    .select({ row: stories, trashedByName: users.name })
    .from(stories)
    .leftJoin(users, eq(users.id, stories.trashedBy))
    .where(and(isNotNull(stories.trashedAt), scope))
    .orderBy(desc(stories.trashedAt), desc(stories.id))
    .limit(200);
  return rows.map(({ row, trashedByName }) => ({
    id: row.id,
    title: row.title,
    wasPublished: row.publishedAt !== null,
    trashedAt: row.trashedAt ?? now,
    trashedByName,
    purgeAt: purgeInstant(row.trashedAt ?? now),
    canRestore: canRestoreStory(actorOf(viewer), row),
  }));
}

/**
 * One trashed story the viewer may see (for the desk's "Moved to the trash · Undo" line).
 * @returns null when the id is malformed, unknown, not visible or not in the trash.
 */
export async function getTrashedStory(viewer: Viewer, id: string): Promise<{ id: string; title: string; canRestore: boolean } | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const [row] = await db.select().from(stories).where(and(eq(stories.id, id), isNotNull(stories.trashedAt))).limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) return null;
  return { id: row.id, title: row.title, canRestore: canRestoreStory(actorOf(viewer), row) };
}

/** SQL filter: stories not in the trash (the desk's lists and counts). */
export const notTrashed: SQL = sql`${stories.trashedAt} is null`;
