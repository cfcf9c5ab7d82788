/**
 * The notification centre: a person's own notifications on the desk, newest first, with the
 * unread count for the header; marking one or all read; opening one (marks it read and
 * answers where it leads). Every call acts on the viewer's own rows only.
 */
import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { notifications, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import type { NotificationKind } from "./kinds";

/** One notification as the list shows it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  message: string;
  note: string | null;
  link: string;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** Notifications per page of the list. */
export const NOTIFICATIONS_PAGE_SIZE = 50;

/** How many of the viewer's notifications are unread. */
export async function unreadCount(viewer: Viewer): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The viewer's notifications, newest first, one page (1-based) at a time. */
export async function listNotifications(viewer: Viewer, page = 1): Promise<{ items: NotificationView[]; total: number; pages: number; page: number }> {
  const db = await getDb();
  const p = Math.max(1, Math.min(Math.floor(page) || 1, 10_000));
  const mine = eq(notifications.userId, viewer.id);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        message: notifications.message,
        note: notifications.note,
        link: notifications.link,
        actorName: users.name,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((p - 1) * NOTIFICATIONS_PAGE_SIZE),
    db.select({ n: count() }).from(notifications).where(mine),
  ]);
  const n = total?.n ?? 0;
  return { items: rows.map((r) => ({ ...r, kind: r.kind as NotificationKind })), total: n, page: p, pages: Math.max(1, Math.ceil(n / NOTIFICATIONS_PAGE_SIZE)) };
}

const idSchema = z.uuid();

/**
 * Marks one of the viewer's notifications read (again is harmless).
 * @returns the desk path it links to.
 * @throws AppError(not_found) for an unknown id or someone else's notification.
 */
export async function markNotificationRead(viewer: Viewer, id: string, now = new Date()): Promise<string> {
  if (!idSchema.safeParse(id).success) throw new AppError("not_found", "That notification does not exist.");
  const db = await getDb();
  const [row] = await db
    .select({ link: notifications.link, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, viewer.id)))
    .limit(1);
  if (!row) throw new AppError("not_found", "That notification does not exist.");
  if (!row.readAt) await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return safeDeskPath(row.link);
}

/** Marks every unread notification of the viewer read. @returns how many were unread. */
export async function markAllNotificationsRead(viewer: Viewer, now = new Date()): Promise<number> {
  const db = await getDb();
  const done = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, viewer.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return done.length;
}

/** A stored link kept to a desk path, so opening a notification can never lead off the site. */
export function safeDeskPath(link: string): string {
  return /^\/dashboard(\/[\w\-/]*)?$/.test(link) ? link : "/dashboard/notifications";
}
