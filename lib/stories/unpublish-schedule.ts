/**
 * Setting and cancelling a story's scheduled unpublish from the desk (editors and admins, the
 * `story:unpublish` right). The instant is typed as newsroom wall-clock time. It is a schedule,
 * not an edit: no new version of the text, an audit entry instead. What happens at the instant
 * is in lib/publishing/unpublish.ts.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, stories } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { formatDateAtTime } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { unpublishDue } from "./visibility";

/**
 * Sets (or, with "", cancels) when a published or scheduled story comes off the site.
 * @param local newsroom wall-clock time "YYYY-MM-DDTHH:mm[:ss]", or "" to cancel.
 * @returns the instant now set (null when cancelled).
 * @throws AppError: forbidden (not an editor), not_found, bad_request (the story is not
 *   published or scheduled; an unreadable time; a time not after now and the publication).
 */
export async function scheduleUnpublish(viewer: Viewer, storyId: string, local: string, now = new Date()): Promise<{ unpublishAt: Date | null }> {
  if (!can(viewer.role, "story:unpublish")) throw new AppError("forbidden", "Only editors can take a story off the site.");
  const { timeZone, locale } = await getSiteSettings();
  const db = await getDb();
  const [row] = /^[0-9a-f-]{36}$/i.test(storyId) ? await db.select().from(stories).where(and(eq(stories.id, storyId), isNull(stories.trashedAt))).limit(1) : [];
  if (!row) throw new AppError("not_found", "That story does not exist.");
  if (row.status !== "published" || unpublishDue(row, now)) {
    throw new AppError("bad_request", "Only a published or scheduled story can be set to come off the site.", { unpublishAt: "Not published" });
  }
  if (!local.trim()) {
    if (!row.unpublishAt) return { unpublishAt: null };
    await db.transaction(async (tx) => {
      await tx.update(stories).set({ unpublishAt: null, unpublishSetBy: null }).where(eq(stories.id, row.id));
      await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.cancel_unpublish", entityType: "story", entityId: row.id, details: { title: row.title }, createdAt: now });
    });
    return { unpublishAt: null };
  }
  let at: Date;
  try {
    at = zonedLocalToInstant(local.trim(), timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { unpublishAt: e.message });
    throw e;
  }
  if (at <= now) throw new AppError("bad_request", "That time has already passed: unpublish now, or pick a later time.", { unpublishAt: "In the past" });
  if (row.publishedAt && at <= row.publishedAt) {
    throw new AppError("bad_request", `The story is scheduled to go live at ${formatDateAtTime(row.publishedAt, timeZone, locale)} (${timeZone}): it can only come off the site after that.`, {
      unpublishAt: "Before publication",
    });
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(stories)
      .set({ unpublishAt: at, unpublishSetBy: viewer.id })
      .where(and(eq(stories.id, row.id), eq(stories.status, "published")))
      .returning({ id: stories.id });
    if (updated.length !== 1) throw new AppError("conflict", "The story changed meanwhile: reload it and try again.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.schedule_unpublish", entityType: "story", entityId: row.id, details: { title: row.title, at: at.toISOString() }, createdAt: now });
  });
  return { unpublishAt: at };
}
