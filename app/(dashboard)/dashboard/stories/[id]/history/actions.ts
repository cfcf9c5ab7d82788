"use server";

import { changeStory } from "@/lib/site/story-expiry";
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
    await changeStory(() => restoreRevision(viewer, articleId, String(form.get("revisionId") ?? ""), Number(form.get("version"))));
    ok = true;
  } catch (e) {
    return { error: toActionFailure(e, "restoreRevisionAction").error };
  }
  if (ok) redirect(`/dashboard/stories/${articleId}`);
  return {};
}
