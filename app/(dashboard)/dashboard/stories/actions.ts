"use server";

import { changeStory } from "@/lib/site/story-expiry";
import { deleteStory, getConflictView, saveStory } from "@/lib/articles/desk";
import type { DeskStatus } from "@/lib/articles/story-schema";
import { heartbeat } from "@/lib/articles/presence";
import { requireViewer } from "@/lib/auth/viewer";
import { toActionFailure, type ActionFailure } from "@/lib/actions";
import { rearmScheduler } from "@/lib/publishing/scheduler";

export type SaveResult =
  | {
      ok: true;
      id: string;
      version: number;
      slug: string;
      status: DeskStatus;
      savedAt: string;
      /** False when nothing had changed (nothing was written). */
      changed: boolean;
      publishedAt: string | null;
      lastUpdatedAt: string | null;
    }
  | ActionFailure;

/**
 * Saves a story and applies the intent (save, submit, publish, unpublish, return). A public
 * POST endpoint like any action: the checks are in lib (saveStory), not in the UI.
 */
export async function saveStoryAction(input: unknown, options: { autosave?: boolean } = {}): Promise<SaveResult> {
  try {
    const viewer = await requireViewer();
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
  } catch (e) {
    return toActionFailure(e, "saveStoryAction");
  }
}

export type DeleteResult = { ok: true } | ActionFailure;

/** Deletes a story (editors: any; writers: their own drafts). */
export async function deleteStoryAction(id: unknown): Promise<DeleteResult> {
  try {
    const viewer = await requireViewer();
    await changeStory(() => deleteStory(viewer, String(id)));
    return { ok: true };
  } catch (e) {
    return toActionFailure(e, "deleteStoryAction");
  }
}

export type ConflictResult =
  | { ok: true; version: number; title: string; dek: string; bodyText: string; updatedAt: string; updatedByName: string | null }
  | ActionFailure;

/** The story as saved now, to show beside the user's text after a conflict. */
export async function conflictViewAction(id: unknown): Promise<ConflictResult> {
  try {
    const viewer = await requireViewer();
    const v = await getConflictView(viewer, String(id));
    return { ok: true, ...v, updatedAt: v.updatedAt.toISOString() };
  } catch (e) {
    return toActionFailure(e, "conflictViewAction");
  }
}

export type PresenceResult = { ok: true; others: string[] } | ActionFailure;

/** Heartbeat from an open editor; answers who else has the story open. */
export async function presenceAction(id: unknown): Promise<PresenceResult> {
  try {
    const viewer = await requireViewer();
    const others = await heartbeat(viewer, String(id));
    return { ok: true, others: others.map((o) => o.name) };
  } catch (e) {
    return toActionFailure(e, "presenceAction");
  }
}
