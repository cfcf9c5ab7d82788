"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deskAction, formText, type FormState } from "@/lib/actions";
import { restoreRevision } from "@/lib/stories/revisions";
import { changeStory } from "@/lib/site/reader-cache";

/** Restores a revision as a new save, then opens the editor on the result. */
export const restoreRevisionAction = deskAction(
  z.object({ storyId: formText, revisionId: formText, version: formText.transform(Number) }),
  async ({ storyId, revisionId, version }, viewer): Promise<FormState> => {
    await changeStory(() => restoreRevision(viewer, storyId, revisionId, version));
    redirect(`/dashboard/stories/${storyId}`);
  },
  { name: "restoreRevisionAction" },
);
