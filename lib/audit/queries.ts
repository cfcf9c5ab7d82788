/**
 * The audit log for admins: who did what to which record, and when, filtered and paginated.
 */
import "server-only";
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, bylines, media, stories, tags, users, webhookEndpoints } from "@/db/schema";
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
  /** The record's name now (headline, tag, byline, person, photo file), or null when it is gone. */
  targetName: string | null;
}

const UUID = z.uuid();

/** Current names of the records the entries point at, by "type:id", in one query per type. */
async function targetNames(db: Db, rows: { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type && UUID.safeParse(r.entityId).success).map((r) => r.entityId))];
  const lookups: [string, string[], (ids: string[]) => Promise<{ id: string; name: string }[]>][] = [
    ["story", ids("story"), (list) => db.select({ id: stories.id, name: stories.title }).from(stories).where(inArray(stories.id, list))],
    ["tag", ids("tag"), (list) => db.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, list))],
    ["byline", ids("byline"), (list) => db.select({ id: bylines.id, name: bylines.name }).from(bylines).where(inArray(bylines.id, list))],
    ["user", ids("user"), (list) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list))],
    ["media", ids("media"), (list) => db.select({ id: media.id, name: media.originalName }).from(media).where(inArray(media.id, list))],
    ["webhook_endpoint", ids("webhook_endpoint"), (list) => db.select({ id: webhookEndpoints.id, name: webhookEndpoints.url }).from(webhookEndpoints).where(inArray(webhookEndpoints.id, list))],
  ];
  const names = new Map<string, string>();
  await Promise.all(
    lookups.map(async ([type, list, load]) => {
      if (list.length === 0) return;
      for (const r of await load(list)) names.set(`${type}:${r.id}`, r.name);
    }),
  );
  return names;
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
  const names = await targetNames(db, items);
  return {
    items: items.map((r) => ({ ...r, targetName: names.get(`${r.entityType}:${r.entityId}`) ?? null })),
    total: n,
    page,
    pages: Math.max(1, Math.ceil(n / AUDIT_PAGE_SIZE)),
  };
}

/** The distinct actions present (for the filter). */
export async function listAuditActions(viewer: Viewer): Promise<string[]> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can read the audit log.");
  const db = await getDb();
  const rows = await db.select({ action: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(sql`1`).limit(200);
  return rows.map((r) => r.action);
}
