/**
 * A signed-in user's own profile: display name and password. The role is not a field here:
 * no request can change its own role (https://github.com/statamic/cms/issues/927 let users
 * give themselves any role through their own profile).
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, sessions, users, userTokens } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { enqueueMail, nudgeMailWorker } from "@/lib/mail/outbox";
import { passwordChangedMail } from "./account-mail";
import { mailSite } from "./invites";

/** Changes the viewer's display name. @throws AppError(bad_request) for an empty or long name. */
export async function updateOwnName(viewer: Viewer, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean || clean.length > 120) throw new AppError("bad_request", "Enter a name of 1 to 120 characters.", { name: "Invalid" });
  const db = await getDb();
  await db.update(users).set({ name: clean, updatedAt: new Date() }).where(eq(users.id, viewer.id));
}

/**
 * Changes the viewer's password after checking the current one. In one transaction: the new
 * hash, every session of the account ended (the session version moves on and the session
 * rows are revoked; the caller signs this browser in again), every open one-time link spent,
 * and a "your password was changed" mail queued (kind "password_changed"). The mail worker
 * is nudged after the commit.
 * @throws AppError(bad_request) for a wrong current password or a weak new one.
 */
export async function changeOwnPassword(viewer: Viewer, current: string, next: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("bad_request", "The current password is not right.", { current: "Wrong password" });
  }
  const problem = passwordProblem(next);
  if (problem) throw new AppError("bad_request", problem, { next: problem });
  const passwordHash = await hashPassword(next);
  const site = await mailSite();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, viewer.id));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, viewer.id), isNull(sessions.revokedAt)));
    await tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, viewer.id), isNull(userTokens.usedAt)));
    await enqueueMail(tx, { kind: "password_changed", to: user.email, toUserId: user.id, ...passwordChangedMail(site, { name: user.name, how: "on your profile page", at: now }) });
    await tx.insert(auditLog).values({ actorId: user.id, action: "user.password_changed", entityType: "user", entityId: user.id, createdAt: now });
  });
  nudgeMailWorker();
}
