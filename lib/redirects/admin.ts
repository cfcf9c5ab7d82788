/**
 * The desk's Redirects screen (admins): old WordPress addresses kept by imports, listed a page
 * at a time, searched by old or new path, removed one by one (audited).
 */
import "server-only";
import { count, desc, eq, ilike, or } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, legacyRedirects } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

/** Rows per page of the Redirects screen. */
export const REDIRECTS_PAGE_SIZE = 50;

export interface LegacyRedirectRow {
  path: string;
  target: string;
  kind: string;
  source: string;
  createdAt: Date;
}

function requireAdmin(viewer: Viewer): void {
  if (!can(viewer.role, "import:run")) throw new AppError("forbidden", "Only admins can manage old addresses.");
}

/** `%` and `_` taken literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of old addresses, newest first, whose old or new path contains `q` (case-insensitive;
 * an old path's query form, such as "p:123", matches too).
 * @throws AppError forbidden for non-admins
 */
export async function listLegacyRedirects(viewer: Viewer, f: { q?: string; page?: number }): Promise<{ items: LegacyRedirectRow[]; total: number; page: number; pages: number }> {
  requireAdmin(viewer);
  const db = await getDb();
  const q = (f.q ?? "").trim().slice(0, 200);
  const where = q ? or(ilike(legacyRedirects.path, `%${likeLiteral(q)}%`), ilike(legacyRedirects.target, `%${likeLiteral(q)}%`)) : undefined;
  const [n] = await db.select({ n: count() }).from(legacyRedirects).where(where);
  const total = n?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / REDIRECTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const items = await db
    .select({ path: legacyRedirects.path, target: legacyRedirects.target, kind: legacyRedirects.kind, source: legacyRedirects.source, createdAt: legacyRedirects.createdAt })
    .from(legacyRedirects)
    .where(where)
    .orderBy(desc(legacyRedirects.createdAt), legacyRedirects.path)
    .limit(REDIRECTS_PAGE_SIZE)
    .offset((page - 1) * REDIRECTS_PAGE_SIZE);
  return { items, total, page, pages };
}

/**
 * Removes one old address (it answers 404 from now on), with an audit entry.
 * @throws AppError forbidden for non-admins, not_found when there is no such address
 */
export async function removeLegacyRedirect(viewer: Viewer, path: string): Promise<void> {
  requireAdmin(viewer);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(legacyRedirects).where(eq(legacyRedirects.path, path)).returning();
    if (!gone) throw new AppError("not_found", "That old address is no longer kept.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "redirect.remove", entityType: "redirect", entityId: gone.path, details: { path: gone.path, target: gone.target, kind: gone.kind } });
  });
}
