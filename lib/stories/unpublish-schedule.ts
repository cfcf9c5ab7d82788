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
  let at: Date | null = null;
  if (local.trim()) {
    try {
      at = zonedLocalToInstant(local.trim(), timeZone);
    } catch (e) {
      if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { unpublishAt: e.message });
      throw e;
    }
    if (at <= now) throw new AppError("bad_request", "That time has already passed: unpublish now, or pick a later time.", { unpublishAt: "In the past" });
  }
  if (!/^[0-9a-f-]{36}$/i.test(storyId)) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  // Read, checked and written under the row's lock: a story save running at the same moment
  // (which locks it too) never writes back what it read before this change.
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(stories).where(and(eq(stories.id, storyId), isNull(stories.trashedAt))).limit(1).for("update");
    if (!row) throw new AppError("not_found", "That story does not exist.");
    if (row.status !== "published" || unpublishDue(row, now)) {
      throw new AppError("bad_request", "Only a published or scheduled story can be set to come off the site.", { unpublishAt: "Not published" });
    }
    if (!at) {
      if (!row.unpublishAt) return;
      await tx.update(stories).set({ unpublishAt: null, unpublishSetBy: null }).where(eq(stories.id, row.id));
      await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.cancel_unpublish", entityType: "story", entityId: row.id, details: { title: row.title }, createdAt: now });
      return;
    }
    if (row.publishedAt && at <= row.publishedAt) {
      throw new AppError("bad_request", `The story is scheduled to go live at ${formatDateAtTime(row.publishedAt, timeZone, locale)} (${timeZone}): it can only come off the site after that.`, {
        unpublishAt: "Before publication",
      });
    }
    await tx.update(stories).set({ unpublishAt: at, unpublishSetBy: viewer.id }).where(eq(stories.id, row.id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.schedule_unpublish", entityType: "story", entityId: row.id, details: { title: row.title, at: at.toISOString() }, createdAt: now });
  });
  return { unpublishAt: at };
}
