/**
 * User administration for admins: roles and account status. Every function takes the acting
 * viewer and checks `user:manage` itself: only admins change roles; nobody can remove the last
 * active admin; a deactivated user is locked out from the next request because every request
 * reloads the user (users giving themselves a role: https://github.com/statamic/cms/issues/927;
 * a JWT cannot be revoked: https://github.com/nextauthjs/next-auth/issues/662).
 */
import "server-only";
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, users, userRole, userTokens, type UserRole } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
  /** Null while the invitation is open: invited, not joined yet. */
  joinedAt: Date | null;
}

function requireAdmin(viewer: Viewer): void {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can manage users.");
}

/** All users, by name (bounded). @throws AppError(forbidden) for non-admins. */
export async function listUsers(viewer: Viewer): Promise<UserRow[]> {
  requireAdmin(viewer);
  const db = await getDb();
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt, joinedAt: users.joinedAt })
    .from(users)
    .orderBy(asc(users.name))
    .limit(1000);
}

/**
 * Locks the active admins' rows (in id order, so two transactions never wait on each other in
 * a circle) and the target user's row, then reads the target. Two admins demoting or
 * deactivating each other at the same moment are thus taken one after the other: the second
 * sees the first's change and is refused if it would leave no active admin.
 * @returns the target user (or undefined) and how many other active admins there are.
 */
async function lockForAdminChange(tx: Db, userId: string) {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))
    .orderBy(users.id)
    .for("update");
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for("update");
  // Counted after the locks: a statement sees what the transactions it waited for committed.
  const [others] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  return { user, otherAdmins: others?.n ?? 0 };
}

const roleSchema = z.enum(userRole.enumValues);

/**
 * Changes a user's role.
 * @throws AppError: forbidden (not an admin), not_found, bad_request (unknown role, or the
 *   last active admin would be demoted).
 */
export async function setUserRole(viewer: Viewer, userId: string, role: unknown): Promise<void> {
  requireAdmin(viewer);
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) throw new AppError("bad_request", "Unknown role.");
  if (!z.uuid().safeParse(userId).success) throw new AppError("not_found", "No such user.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { user, otherAdmins } = await lockForAdminChange(tx, userId);
    if (!user) throw new AppError("not_found", "No such user.");
    if (user.role === parsed.data) return;
    if (user.role === "admin" && user.active && otherAdmins === 0) {
      throw new AppError("bad_request", "This is the last active admin: make someone else an admin first.");
    }
    await tx.update(users).set({ role: parsed.data, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "user.role", entityType: "user", entityId: user.id, details: { name: user.name, changes: { role: { from: user.role, to: parsed.data } } } });
  });
}

/**
 * Deactivates or reactivates an account. Deactivation takes effect on the user's next request.
 * @throws AppError: forbidden, not_found, bad_request (yourself, or the last active admin).
 */
export async function setUserActive(viewer: Viewer, userId: string, active: boolean): Promise<void> {
  requireAdmin(viewer);
  if (!z.uuid().safeParse(userId).success) throw new AppError("not_found", "No such user.");
  if (userId === viewer.id && !active) throw new AppError("bad_request", "You cannot deactivate your own account.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { user, otherAdmins } = await lockForAdminChange(tx, userId);
    if (!user) throw new AppError("not_found", "No such user.");
    if (user.active === active) return;
    if (!active && user.role === "admin" && otherAdmins === 0) {
      throw new AppError("bad_request", "This is the last active admin.");
    }
    await tx
      .update(users)
      // Deactivating also ends every session: reactivating later does not revive old cookies.
      .set({ active, deactivatedAt: active ? null : new Date(), sessionVersion: active ? user.sessionVersion : user.sessionVersion + 1, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    if (!active) {
      // Open invitation and reset links die with the account's access.
      await tx.update(userTokens).set({ usedAt: new Date() }).where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
    }
    await tx.insert(auditLog).values({ actorId: viewer.id, action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: user.id });
  });
}
