/**
 * A signed-in user's own profile: display name and password. The role is not a field here:
 * no request can change its own role (https://github.com/statamic/cms/issues/927 let users
 * give themselves any role through their own profile).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { revokeUserTokens } from "./invites";

/** Changes the viewer's display name. @throws AppError(bad_request) for an empty or long name. */
export async function updateOwnName(viewer: Viewer, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean || clean.length > 120) throw new AppError("bad_request", "Enter a name of 1 to 120 characters.", { name: "Invalid" });
  const db = await getDb();
  await db.update(users).set({ name: clean, updatedAt: new Date() }).where(eq(users.id, viewer.id));
}

/**
 * Changes the viewer's password after checking the current one, and ends every other session
 * (the session version moves on).
 * @throws AppError(bad_request) for a wrong current password or a weak new one.
 */
export async function changeOwnPassword(viewer: Viewer, current: string, next: string): Promise<void> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, viewer.id)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("bad_request", "The current password is not right.", { current: "Wrong password" });
  }
  const problem = passwordProblem(next);
  if (problem) throw new AppError("bad_request", problem, { next: problem });
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(next), sessionVersion: user.sessionVersion + 1, updatedAt: new Date() })
    .where(eq(users.id, viewer.id));
  await revokeUserTokens(viewer.id);
}
