/**
 * Scheduled unpublishing: an editor sets the instant a live (or scheduled) story comes off the
 * site. Readers stop seeing it at that instant by the reader rule itself
 * (lib/stories/visibility.ts checks `unpublish_at`), on every instance, with no job. Afterwards
 * the scheduler records what happened (`settleDueUnpublishes`): status "unpublished", an
 * "unpublish" revision and an audit entry, once, whichever instance gets there first (one
 * conditional UPDATE claims each story).
 *
 * No `server-only` marker: the scheduler (started from instrumentation) calls it.
 */
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import { getDatabase } from "@/db/handle";
import { auditLog, stories, storyRevisions, type RevisionFields } from "@/db/schema";
import { announceStoryChange } from "@/lib/webhooks/story-events";

/**
 * Records every story whose scheduled unpublish has come as unpublished, with an "unpublish"
 * revision (the same version: the text did not change) and an audit entry by nobody (the
 * schedule's setter is named in it). Safe to run on several instances at once.
 * @returns the ids settled by this call.
 */
export async function settleDueUnpublishes(now = new Date()): Promise<string[]> {
  const { db } = await getDatabase();
  return db.transaction(async (tx) => {
    // Each due story is claimed by one instance (row locks, skipping those another holds).
    const due = await tx
      .select({ id: stories.id, version: stories.version, title: stories.title, dek: stories.dek, body: stories.body, slug: stories.slug, excerpt: stories.excerpt, language: stories.language, isBreaking: stories.isBreaking, setBy: stories.unpublishSetBy })
      .from(stories)
      .where(and(eq(stories.status, "published"), lte(stories.unpublishAt, now)))
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(stories)
      .set({ status: "unpublished", unpublishAt: null, unpublishSetBy: null })
      .where(inArray(stories.id, due.map((s) => s.id)));
    for (const s of due) {
      const [last] = await tx.select({ fields: storyRevisions.fields }).from(storyRevisions).where(eq(storyRevisions.storyId, s.id)).orderBy(desc(storyRevisions.createdAt)).limit(1);
      const fields: RevisionFields = last?.fields ?? { slug: s.slug, excerpt: s.excerpt, language: s.language, tags: [], bylines: [], isBreaking: s.isBreaking };
      await tx.insert(storyRevisions).values({ storyId: s.id, version: s.version, kind: "unpublish", note: null, title: s.title, dek: s.dek, body: s.body, fields, createdBy: null, createdAt: now });
      await announceStoryChange(tx, s.id, now);
      await tx.insert(auditLog).values({ actorId: null, action: "story.unpublish_scheduled", entityType: "story", entityId: s.id, details: { title: s.title, scheduledBy: s.setBy }, createdAt: now });
    }
    return due.map((s) => s.id);
  });
}
