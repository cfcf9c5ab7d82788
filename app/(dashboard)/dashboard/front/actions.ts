"use server";

import { deskCall } from "@/lib/actions";
import { moveFrontPin, pinFrontStory, unpinFront } from "@/lib/front/arrangement";
import { rearmScheduler } from "@/lib/publishing/scheduler";
import { expireAfterSiteChange } from "@/lib/site/reader-cache";

/** After a change: the front page (and every reader page, whose lists may change) is expired, and a pin's end is on the timer. */
async function afterChange(): Promise<{ ok: true }> {
  await expireAfterSiteChange();
  await rearmScheduler();
  return { ok: true };
}

/** Pins a story to a position ("until": newsroom wall-clock time, "" for no end). */
export const pinFrontAction = deskCall("pinFrontAction", async (viewer, position: number, storyId: string, untilLocal: string) => {
  await pinFrontStory(viewer, { position: Number(position), storyId: String(storyId), untilLocal: String(untilLocal ?? "") });
  return afterChange();
});

/** Unpins a position. */
export const unpinFrontAction = deskCall("unpinFrontAction", async (viewer, position: number) => {
  await unpinFront(viewer, Number(position));
  return afterChange();
});

/** Moves a pinned story one position up or down. */
export const moveFrontAction = deskCall("moveFrontAction", async (viewer, position: number, direction: "up" | "down") => {
  await moveFrontPin(viewer, Number(position), direction === "up" ? "up" : "down");
  return afterChange();
});
