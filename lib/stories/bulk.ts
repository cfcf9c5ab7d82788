/**
 * Bulk actions on the desk's story list (editors): publish, unpublish, add a tag, move to the
 * trash. Each story goes through the same call as one by one (saveStory with the story's
 * current fields and version, trashStory), with the same checks and publishing rules, so a
 * bulk action can do nothing a single save could not; one story's refusal does not stop the
 * others and is reported with its reason.
 */
import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, isAppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { getDeskStory, saveStory, type DeskStory } from "./desk";
import { mergeFootprints, EMPTY_FOOTPRINT, type ReaderFootprint } from "./footprint";
import { trashStory } from "./trash";

export const BULK_ACTIONS = ["publish", "unpublish", "tag", "trash"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many stories per bulk action (one page of the list is 25). */
export const MAX_BULK = 100;

const bulkSchema = z.object({
  action: z.enum(BULK_ACTIONS, { error: "Choose what to do with the selected stories." }),
  ids: z.array(z.uuid()).min(1, "Select at least one story.").max(MAX_BULK, `Select at most ${MAX_BULK} stories at a time.`),
  tag: z.string().trim().max(60, "Keep tags under 60 characters.").default(""),
});

/** What a bulk action did: the stories done, those refused and why, and what readers saw change. */
export interface BulkResult {
  action: BulkAction;
  done: { id: string; title: string }[];
  failed: { id: string; title: string; reason: string }[];
  affectsReaders: boolean;
  footprint: ReaderFootprint;
}

/** The save input that keeps every field of a story as it is. */
function asInput(s: DeskStory) {
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    dek: s.dek,
    slug: s.slug,
    excerpt: s.excerpt,
    body: JSON.stringify(s.body),
    language: s.language,
    tags: s.tags,
    bylineIds: s.bylineIds,
    isBreaking: s.isBreaking,
    featuredMediaId: s.featuredPhoto?.id ?? "",
  };
}

async function applyOne(viewer: Viewer, s: DeskStory, action: BulkAction, tag: string, now: Date): Promise<{ affectsReaders: boolean; footprint: ReaderFootprint }> {
  if (action === "trash") return trashStory(viewer, s.id, now);
  if (action === "publish") {
    if (s.status === "published") throw new AppError("bad_request", "It is already live.");
    return saveStory(viewer, { ...asInput(s), intent: "publish" }, now);
  }
  if (action === "unpublish") return saveStory(viewer, { ...asInput(s), intent: "unpublish" }, now);
  if (s.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) throw new AppError("bad_request", "It already has this tag.");
  // Adding a tag changes no public date: a minor edit on a live story.
  return saveStory(viewer, { ...asInput(s), tags: [...s.tags, tag], intent: s.status === "published" ? "minor" : "save" }, now);
}

/**
 * Applies one action to several stories, one at a time.
 * @param raw `{ action, ids: string[], tag }` as sent by the desk's list.
 * @returns what was done and what was refused (with the reason people see one by one).
 * @throws AppError: forbidden (not an editor), bad_request (no action, no stories, no tag).
 */
export async function bulkApply(viewer: Viewer, raw: unknown, now = new Date()): Promise<BulkResult> {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors can change several stories at once.");
  const input = parseInput(bulkSchema, raw);
  if (input.action === "tag" && !input.tag) throw new AppError("bad_request", "Type the tag to add.", { tag: "Required" });
  const result: BulkResult = { action: input.action, done: [], failed: [], affectsReaders: false, footprint: EMPTY_FOOTPRINT };
  for (const id of [...new Set(input.ids)]) {
    let title = "(a story)";
    try {
      const story = await getDeskStory(viewer, id, now);
      title = story.title;
      const changed = await applyOne(viewer, story, input.action, input.tag, now);
      result.done.push({ id, title });
      if (changed.affectsReaders) {
        result.affectsReaders = true;
        result.footprint = mergeFootprints(result.footprint, changed.footprint);
      }
    } catch (e) {
      if (!isAppError(e)) throw e;
      result.failed.push({ id, title, reason: e.message });
    }
  }
  return result;
}
