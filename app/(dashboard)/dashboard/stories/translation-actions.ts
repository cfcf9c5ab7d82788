"use server";

import { deskCall } from "@/lib/actions";
import { createTranslation, markTranslationCaughtUp } from "@/lib/stories/translations";

/**
 * "Translate into …": makes a draft of the story in `language`, linked to its translation
 * group; answers the draft's id (the editor opens it).
 */
export const createTranslationAction = deskCall("createTranslationAction", async (viewer, storyId: string, language: string) => {
  const saved = await createTranslation(viewer, String(storyId), language);
  return { ok: true as const, id: saved.id };
});

/** Records that a translation reflects its source as the source stands now. */
export const markTranslationCaughtUpAction = deskCall("markTranslationCaughtUpAction", async (viewer, storyId: string) => {
  await markTranslationCaughtUp(viewer, String(storyId));
  return { ok: true as const };
});
