"use server";

import { deskCall } from "@/lib/actions";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { scheduleUnpublish } from "@/lib/stories/unpublish-schedule";

/**
 * Sets (newsroom wall-clock "YYYY-MM-DDTHH:mm") or cancels ("") a story's scheduled unpublish,
 * and re-arms this server's timer so cached pages expire at that instant.
 */
export const scheduleUnpublishAction = deskCall("scheduleUnpublishAction", async (viewer, id: string, local: string) => {
  const { unpublishAt } = await scheduleUnpublish(viewer, String(id), String(local ?? ""));
  await rearmScheduler();
  return { ok: true as const, unpublishAt: unpublishAt?.toISOString() ?? null };
});
