"use server";

import { expireReaderCaches, expireStoryCaches } from "@/lib/site/reader-cache";
import { navSectionsKey } from "@/lib/articles/queries";
import { redirect } from "next/navigation";
import { toActionFailure } from "@/lib/actions";
import { restoreRevision } from "@/lib/articles/revisions";
import { requireViewer } from "@/lib/auth/viewer";

export type RestoreState = { error?: string };

/** Restores a revision as a new save, then opens the editor on the result. */
export async function restoreRevisionAction(_: RestoreState, form: FormData): Promise<RestoreState> {
  const articleId = String(form.get("articleId") ?? "");
  let ok = false;
  try {
    const viewer = await requireViewer();
    const menuBefore = await navSectionsKey(new Date());
    const saved = await restoreRevision(viewer, articleId, String(form.get("revisionId") ?? ""), Number(form.get("version")));
    // Redirects to the editor right after, so expiring in-action re-renders nothing typed.
    // Everything when the header's section menu changed (see stories/actions.ts).
    if (saved.affectsReaders) {
      if ((await navSectionsKey(new Date())) === menuBefore) expireStoryCaches(saved.footprint);
      else expireReaderCaches();
    }
    ok = true;
  } catch (e) {
    return { error: toActionFailure(e, "restoreRevisionAction").error };
  }
  if (ok) redirect(`/dashboard/stories/${articleId}`);
  return {};
}
