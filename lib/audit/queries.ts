/**
 * The audit log for admins: who did what to which record, and when, filtered and paginated.
 */
import "server-only";
import { and, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId?: string;
  action?: string;
  /** Inclusive lower bound (an instant). */
  from?: Date;
  /** Exclusive upper bound (an instant). */
  to?: Date;
  page?: number;
}

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: unknown;
}

/** Audit entries, newest first. @throws AppError(forbidden) for non-admins. */
export async function listAudit(viewer: Viewer, f: AuditFilters): Promise<{ items: AuditRow[]; total: number; page: number; pages: number }> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can read the audit log.");
  const conditions: SQL[] = [];
  if (f.actorId && z.uuid().safeParse(f.actorId).success) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.action && /^[a-z_.]{1,64}$/.test(f.action)) conditions.push(eq(auditLog.action, f.action));
  if (f.from && !Number.isNaN(f.from.getTime())) conditions.push(gte(auditLog.createdAt, f.from));
  if (f.to && !Number.isNaN(f.to.getTime())) conditions.push(lt(auditLog.createdAt, f.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const page = Math.max(1, Math.min(f.page ?? 1, 10_000));
  const db = await getDb();
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.createdAt,
        actorName: users.name,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        details: auditLog.details,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const n = total?.n ?? 0;
  return { items, total: n, page, pages: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)) };
}

/** The distinct actions present (for the filter). */
export async function listAuditActions(viewer: Viewer): Promise<string[]> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can read the audit log.");
  const db = await getDb();
  const rows = await db.select({ action: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(sql`1`).limit(200);
  return rows.map((r) => r.action);
}
