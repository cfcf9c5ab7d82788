/**
 * Loading the acting user from the database. Separate from viewer.ts (which reads the
 * Auth.js session) so tests and scripts can build a viewer without a request.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { bylines, users, type UserRole } from "@/db/schema";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** Bylines linked to this user (writers default to these). */
  bylineIds: string[];
}

/** Loads a viewer by user id, or null for a missing or deactivated account. */
export async function loadViewer(userId: string, sessionVersion?: number): Promise<Viewer | null> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !user.active) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const own = await db.select({ id: bylines.id }).from(bylines).where(eq(bylines.userId, user.id));
  return { id: user.id, email: user.email, name: user.name, role: user.role, bylineIds: own.map((b) => b.id) };
}

