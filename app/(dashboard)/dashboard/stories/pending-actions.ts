"use server";

import { deskCall } from "@/lib/actions";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { changeStory } from "@/lib/site/reader-cache";
import { applyPendingChanges, discardPendingChanges, savePendingChanges, schedulePendingChanges, type ApplyChoice } from "@/lib/stories/pending";

/** Saves the editor's fields as the story's pending changes (nothing public changes). */
export const savePendingAction = deskCall("savePendingAction", async (viewer, input: unknown) => {
  const p = await savePendingChanges(viewer, input);
  return { ok: true as const, updatedAt: p.updatedAt.toISOString() };
});

/** Publishes the pending changes now, as a minor edit or an update, and expires reader pages. */
export const publishPendingAction = deskCall("publishPendingAction", async (viewer, id: string, choice: ApplyChoice) => {
  await changeStory(() => applyPendingChanges(viewer, String(id), { kind: choice?.kind === "update" ? "update" : "minor", noteKind: choice?.noteKind, note: String(choice?.note ?? "") }));
  return { ok: true as const };
});

/** Schedules ("YYYY-MM-DDTHH:mm" in the newsroom's zone) or unschedules ("") the pending changes. */
export const schedulePendingAction = deskCall("schedulePendingAction", async (viewer, id: string, local: string, choice: ApplyChoice) => {
  const at = await schedulePendingChanges(viewer, String(id), String(local ?? ""), { kind: choice?.kind === "update" ? "update" : "minor", noteKind: choice?.noteKind, note: String(choice?.note ?? "") });
  await rearmScheduler();
  return { ok: true as const, applyAt: at?.toISOString() ?? null };
});

/** Drops the pending changes (their revisions stay in the history). */
export const discardPendingAction = deskCall("discardPendingAction", async (viewer, id: string) => {
  await discardPendingChanges(viewer, String(id));
  return { ok: true as const };
});
