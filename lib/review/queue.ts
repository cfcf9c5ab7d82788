/**
 * Reading the review loop on the desk: the "Needs review" queue (editors and admins), a
 * story's review thread (submissions, returns, resubmissions) and the return note a writer
 * sees at the top of the editor until they resubmit.
 */
import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { reviewNotes, stories, tags, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { can, canSeeStory } from "@/lib/permissions/roles";
import { notTrashed } from "@/lib/stories/trash";

/** A story waiting for review, as the queue lists it. */
export interface ReviewQueueItem {
  id: string;
  title: string;
  section: string | null;
  /** When it was submitted (for a story put in review before submissions were recorded: its last change). */
  submittedAt: Date;
  /** Who submitted it, or null when not recorded. */
  submittedByName: string | null;
}

/** When a story in review was submitted, as the queue orders it. */
const waitingSince = sql<Date>`coalesce(${stories.submittedAt}, ${stories.updatedAt})`.mapWith((v: string | Date) => new Date(v));

/** How many stories wait for review (0 for roles that cannot publish: the queue is not theirs). */
export async function countNeedsReview(viewer: Viewer): Promise<number> {
  if (!can(viewer.role, "story:publish")) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(stories)
    .where(and(eq(stories.status, "in_review"), notTrashed));
  return row?.n ?? 0;
}

/**
 * The stories waiting for review, oldest submission first (then by id, for a stable order).
 * @throws AppError(forbidden) for a role that cannot publish.
 */
export async function listNeedsReview(viewer: Viewer, limit = 200): Promise<ReviewQueueItem[]> {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors review stories.");
  const db = await getDb();
  return db
    .select({
      id: stories.id,
      title: stories.title,
      section: tags.name,
      submittedAt: waitingSince,
      submittedByName: users.name,
    })
    .from(stories)
    .leftJoin(users, eq(users.id, stories.submittedBy))
    .leftJoin(tags, eq(tags.id, stories.primaryTagId))
    .where(and(eq(stories.status, "in_review"), notTrashed))
    .orderBy(asc(sql`coalesce(${stories.submittedAt}, ${stories.updatedAt})`), asc(stories.id))
    .limit(limit);
}

/** One entry of a story's review thread. */
export interface ReviewNoteView {
  id: string;
  kind: "submit" | "return" | "approve" | "comment";
  /** True for a submission after an earlier return. */
  resubmission: boolean;
  note: string;
  authorName: string | null;
  createdAt: Date;
}

/** Loads the story's access facts, or throws not_found when missing or not visible. */
async function visibleStory(viewer: Viewer, storyId: string) {
  if (!z.uuid().safeParse(storyId).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [row] = await db.select({ createdBy: stories.createdBy, status: stories.status }).from(stories).where(eq(stories.id, storyId)).limit(1);
  if (!row || !canSeeStory({ id: viewer.id, role: viewer.role }, row)) throw new AppError("not_found", "That story does not exist.");
  return row;
}

/**
 * A story's review thread, oldest first.
 * @throws AppError(not_found) when the story is missing or not visible to the viewer.
 */
export async function getReviewThread(viewer: Viewer, storyId: string): Promise<ReviewNoteView[]> {
  await visibleStory(viewer, storyId);
  const db = await getDb();
  const rows = await db
    .select({ id: reviewNotes.id, kind: reviewNotes.kind, note: reviewNotes.note, authorName: users.name, createdAt: reviewNotes.createdAt })
    .from(reviewNotes)
    .leftJoin(users, eq(users.id, reviewNotes.authorId))
    .where(eq(reviewNotes.storyId, storyId))
    .orderBy(asc(reviewNotes.createdAt), asc(reviewNotes.id));
  let returned = false;
  return rows.map((r) => {
    const resubmission = r.kind === "submit" && returned;
    if (r.kind === "return") returned = true;
    return { ...r, resubmission };
  });
}

/** The note of the last return, as the writer sees it at the top of the editor. */
export interface ReturnNoteView {
  note: string;
  authorName: string | null;
  createdAt: Date;
}

/**
 * The latest return note of a draft that was returned and not resubmitted since, or null.
 * @throws AppError(not_found) when the story is missing or not visible to the viewer.
 */
export async function getOpenReturnNote(viewer: Viewer, storyId: string): Promise<ReturnNoteView | null> {
  const story = await visibleStory(viewer, storyId);
  if (story.status !== "draft") return null;
  const db = await getDb();
  const [last] = await db
    .select({ kind: reviewNotes.kind, note: reviewNotes.note, authorName: users.name, createdAt: reviewNotes.createdAt })
    .from(reviewNotes)
    .leftJoin(users, eq(users.id, reviewNotes.authorId))
    .where(and(eq(reviewNotes.storyId, storyId), sql`${reviewNotes.kind} in ('submit', 'return')`))
    .orderBy(desc(reviewNotes.createdAt), desc(reviewNotes.id))
    .limit(1);
  return last?.kind === "return" ? { note: last.note, authorName: last.authorName, createdAt: last.createdAt } : null;
}
