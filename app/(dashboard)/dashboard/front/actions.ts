"use server";

import { deskCall } from "@/lib/actions";
import { moveFrontPin, pinFrontStory, pinSectionLead, setFrontRule, setSectionBlocks, unpinFront, unpinSectionLead } from "@/lib/front/arrangement";
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

/** Pins a story as the lead of a section's page ("until": newsroom wall-clock time, "" for no end). */
export const pinSectionAction = deskCall("pinSectionAction", async (viewer, tagId: string, storyId: string, untilLocal: string) => {
  await pinSectionLead(viewer, { tagId: String(tagId), storyId: String(storyId), untilLocal: String(untilLocal ?? "") });
  return afterChange();
});

/** Unpins a section page's lead. */
export const unpinSectionAction = deskCall("unpinSectionAction", async (viewer, tagId: string) => {
  await unpinSectionLead(viewer, String(tagId));
  return afterChange();
});

/** Chooses the automatic rule for the front page's unpinned positions. */
export const setFrontRuleAction = deskCall("setFrontRuleAction", async (viewer, rule: string) => {
  await setFrontRule(viewer, String(rule));
  return afterChange();
});

/** Chooses the front page's section blocks, in order (tag ids), or null for the navigation's pick. */
export const setSectionBlocksAction = deskCall("setSectionBlocksAction", async (viewer, tagIds: string[] | null) => {
  await setSectionBlocks(viewer, tagIds === null ? null : (tagIds as string[]));
  return afterChange();
});
