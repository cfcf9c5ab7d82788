"use server";

import { deskCall, type ActionFailure } from "@/lib/actions";
import { deleteEntry, editEntry, postEntry, publishEntry, updateLiveBlog } from "@/lib/live/entries";
import { changeStory } from "@/lib/site/reader-cache";

/** What a live desk action answers: done (with the new entry's status when posting), or why not. */
export type LiveActionResult = { ok: true; status?: "draft" | "published" } | ActionFailure;

/**
 * Posts an entry on a live blog (published where the poster may and asked to, else a draft).
 * The story itself is not saved. Reader pages are expired when readers see the entry.
 */
export const postEntryAction: (storyId: unknown, input: unknown) => Promise<LiveActionResult> = deskCall(
  "postEntryAction",
  async (viewer, storyId: unknown, input: unknown) => {
    const posted = await changeStory(() => postEntry(viewer, String(storyId), input));
    return { ok: true as const, status: posted.status };
  },
);

/** Edits an entry; the input carries the version the edit started from (a later save is a conflict). */
export const editEntryAction: (entryId: unknown, input: unknown) => Promise<LiveActionResult> = deskCall(
  "editEntryAction",
  async (viewer, entryId: unknown, input: unknown) => {
    await changeStory(() => editEntry(viewer, String(entryId), input));
    return { ok: true as const };
  },
);

/** Publishes a draft entry (editors; writers their own where the live blog allows it). */
export const publishEntryAction: (entryId: unknown) => Promise<LiveActionResult> = deskCall("publishEntryAction", async (viewer, entryId: unknown) => {
  await changeStory(() => publishEntry(viewer, String(entryId)));
  return { ok: true as const };
});

/** Deletes an entry for good. */
export const deleteEntryAction: (entryId: unknown) => Promise<LiveActionResult> = deskCall("deleteEntryAction", async (viewer, entryId: unknown) => {
  await changeStory(() => deleteEntry(viewer, String(entryId)));
  return { ok: true as const };
});

/**
 * Changes a live blog's settings (editors): on or off, whether writers may publish their
 * entries, coverage ended or resumed. `input`: `{ isLiveBlog?, writersMayPublishEntries?, coverage? }`.
 */
export const updateLiveBlogAction: (storyId: unknown, input: unknown) => Promise<LiveActionResult> = deskCall(
  "updateLiveBlogAction",
  async (viewer, storyId: unknown, input: unknown) => {
    await changeStory(() => updateLiveBlog(viewer, String(storyId), input));
    return { ok: true as const };
  },
);
