/**
 * Presence: who else has a story open in the editor. Each open editor sends a heartbeat every
 * few seconds; people seen within the last {@link PRESENCE_TTL_MS} count as present.
 */
import "server-only";
import { and, eq, gt, lt, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { stories, storyPresence, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { canSeeStory } from "@/lib/permissions/roles";

export const PRESENCE_TTL_MS = 30_000;

/**
 * Records that the viewer has the story open and returns the others who do.
 * @throws AppError(not_found) for a story the viewer cannot see.
 */
export async function heartbeat(viewer: Viewer, storyId: string, now = new Date()): Promise<{ name: string }[]> {
  if (!z.uuid().safeParse(storyId).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [story] = await db.select({ createdBy: stories.createdBy, status: stories.status }).from(stories).where(eq(stories.id, storyId)).limit(1);
  if (!story || !canSeeStory({ id: viewer.id, role: viewer.role }, story)) throw new AppError("not_found", "That story does not exist.");
  await db
    .insert(storyPresence)
    .values({ storyId, userId: viewer.id, seenAt: now })
    .onConflictDoUpdate({ target: [storyPresence.storyId, storyPresence.userId], set: { seenAt: now } });
  const since = new Date(now.getTime() - PRESENCE_TTL_MS);
  // Old rows are only noise: trim them as we go.
  await db.delete(storyPresence).where(and(eq(storyPresence.storyId, storyId), lt(storyPresence.seenAt, since)));
  return db
    .select({ name: users.name })
    .from(storyPresence)
    .innerJoin(users, eq(users.id, storyPresence.userId))
    .where(and(eq(storyPresence.storyId, storyId), ne(storyPresence.userId, viewer.id), gt(storyPresence.seenAt, since)))
    .orderBy(users.name)
    .limit(20);
}
