/**
 * Expiry after a desk change to one story, shared by the desk's server actions (save, delete,
 * restore a revision). Not a "use server" module: these helpers are not endpoints.
 */
import "server-only";
import type { ReaderFootprint } from "@/lib/articles/footprint";
import { navSectionsKey } from "@/lib/articles/queries";
import { expireReaderPagesNow } from "@/lib/publishing/scheduler";
import { expireReaderCaches, expireStoryCaches } from "./reader-cache";

/**
 * Runs a story change, then expires the reader pages it altered, at once, so none is stale
 * when the action returns: the story's own footprint (its page under every slug, its
 * sections, tags and bylines, the newest-stories lists, feeds; lib/site/reader-cache.ts), or
 * every page when the change altered the header's section menu, which every page shows.
 * Expiry goes through the internal route so the editor page is not re-rendered under the
 * user's fingers; if that call fails, it expires in-action.
 * @param change the lib call (saveStory, deleteStory, restoreRevision); its errors pass through.
 * @returns what `change` returned.
 */
export async function changeStory<T extends { affectsReaders: boolean; footprint: ReaderFootprint }>(change: () => Promise<T>): Promise<T> {
  const menuBefore = await navSectionsKey(new Date());
  const result = await change();
  if (result.affectsReaders) {
    const footprint = (await navSectionsKey(new Date())) === menuBefore ? result.footprint : undefined;
    if (!(await expireReaderPagesNow(footprint))) {
      if (footprint) expireStoryCaches(footprint);
      else expireReaderCaches();
    }
  }
  return result;
}
