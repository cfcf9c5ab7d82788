"use server";

import { revalidatePath } from "next/cache";
import { deskAction, deskCall, formFields, type ActionFailure, type FormState } from "@/lib/actions";
import { bulkApply, type BulkAction } from "@/lib/stories/bulk";
import { getConflictView, saveStory } from "@/lib/stories/desk";
import { purgeStory, restoreFromTrash, trashStory } from "@/lib/stories/trash";
import { heartbeat } from "@/lib/stories/presence";
import type { SaveStoryResult } from "@/components/editor/story-editor";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { changeStory } from "@/lib/site/reader-cache";

/** What a save answers: the story's new version and dates, or why it failed (the editor's own type). */
export type SaveResult = SaveStoryResult;

/**
 * Saves a story and applies the intent (save, submit, publish, unpublish, return). A public
 * POST endpoint like any action: the checks are in lib (saveStory), not in the UI.
 */
export const saveStoryAction: (input: unknown, options?: { autosave?: boolean }) => Promise<SaveResult> = deskCall(
  "saveStoryAction",
  async (viewer, input: unknown, options: { autosave?: boolean } = {}) => {
    const saved = await changeStory(() => saveStory(viewer, input, new Date(), options.autosave === true ? { revisionKind: "autosave" } : {}));
    // A schedule may have been set, moved or removed: aim the publication timer again.
    if (saved.changed) await rearmScheduler().catch((e) => console.error("[scheduler] rearm failed:", e));
    return {
      ok: true,
      id: saved.id,
      version: saved.version,
      slug: saved.slug,
      status: saved.status,
      savedAt: saved.updatedAt.toISOString(),
      changed: saved.changed,
      publishedAt: saved.publishedAt?.toISOString() ?? null,
      lastUpdatedAt: saved.lastUpdatedAt?.toISOString() ?? null,
    };
  },
);

export type DeleteResult = { ok: true } | ActionFailure;

/** Moves a story to the trash (editors: any; writers: their own drafts); its page answers 410. */
export const trashStoryAction: (id: unknown) => Promise<DeleteResult> = deskCall("trashStoryAction", async (viewer, id: unknown) => {
  await changeStory(() => trashStory(viewer, String(id)));
  // A scheduled story left the schedule: aim the publication timer again.
  await rearmScheduler().catch((e) => console.error("[scheduler] rearm failed:", e));
  return { ok: true as const };
});

/** Takes a story out of the trash (editors; writers: their own drafts), unpublished or as a draft. */
export const restoreFromTrashAction: (id: unknown) => Promise<DeleteResult> = deskCall("restoreFromTrashAction", async (viewer, id: unknown) => {
  await changeStory(() => restoreFromTrash(viewer, String(id)));
  return { ok: true as const };
});

/** Deletes a trashed story for good, before its 30 days are up (editors). */
export const purgeStoryAction: (id: unknown) => Promise<DeleteResult> = deskCall("purgeStoryAction", async (viewer, id: unknown) => {
  await purgeStory(viewer, String(id));
  return { ok: true as const };
});

export type ConflictResult =
  | { ok: true; version: number; title: string; dek: string; bodyText: string; updatedAt: string; updatedByName: string | null }
  | ActionFailure;

/** The story as saved now, to show beside the user's text after a conflict. */
export const conflictViewAction: (id: unknown) => Promise<ConflictResult> = deskCall("conflictViewAction", async (viewer, id: unknown) => {
  const v = await getConflictView(viewer, String(id));
  return { ok: true as const, ...v, updatedAt: v.updatedAt.toISOString() };
});

export type PresenceResult = { ok: true; others: string[] } | ActionFailure;

/** Heartbeat from an open editor; answers who else has the story open. */
export const presenceAction: (id: unknown) => Promise<PresenceResult> = deskCall("presenceAction", async (viewer, id: unknown) => {
  const others = await heartbeat(viewer, String(id));
  return { ok: true as const, others: others.map((o) => o.name) };
});

/** What a bulk action did, for the summary under the list. */
export type BulkSummary = { done: string[]; failed: { title: string; reason: string }[]; action: BulkAction };

/**
 * Applies one action (publish, unpublish, add a tag, move to trash) to the stories ticked in
 * the desk's list (editors), then refreshes the list. Reader pages are expired as for single
 * changes; the publication timer is aimed again.
 */
export const bulkStoriesAction = deskAction(
  formFields,
  async (fields, viewer): Promise<FormState<BulkSummary>> => {
    const ids = fields.ids === undefined ? [] : Array.isArray(fields.ids) ? fields.ids : [fields.ids];
    const result = await changeStory(() => bulkApply(viewer, { action: fields.action, ids, tag: fields.tag }));
    if (result.done.length > 0) await rearmScheduler().catch((e) => console.error("[scheduler] rearm failed:", e));
    revalidatePath("/dashboard");
    return {
      ok: true,
      data: { action: result.action, done: result.done.map((d) => d.title), failed: result.failed.map((f) => ({ title: f.title, reason: f.reason })) },
    };
  },
  { name: "bulkStoriesAction" },
);
