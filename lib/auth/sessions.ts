/**
 * Desk sessions on the server (the `sessions` table): a session cookie is only as good as its
 * row. A JWT alone cannot be taken back once issued
 * (https://github.com/nextauthjs/next-auth/issues/662), so a copied cookie outlived sign-out.
 * Password changes and deactivation end every session through the user's session version;
 * sign-out ends this one; "sign out everywhere" ends them all.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";

/** Records a new session of `userId` at sign-in. @returns its id (carried in the cookie). */
export async function startSession(userId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(sessions).values({ userId }).returning({ id: sessions.id });
  return row!.id;
}

/** Whether session `id` belongs to `userId` and has not been ended. */
export async function isSessionOpen(id: string, userId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .limit(1);
  return row !== undefined;
}

/** Ends one session (sign-out). Ending an unknown or ended session does nothing. */
export async function endSession(id: string, now = new Date()): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return;
  const db = await getDb();
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

/**
 * Ends every session of a user ("sign out everywhere"): the rows are ended and the session
 * version moves on, so no cookie issued before now opens the desk again.
 * @returns how many sessions were open.
 */
export async function endAllSessions(userId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now }).where(eq(users.id, userId));
    return ended.length;
  });
}
