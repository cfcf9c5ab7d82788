/**
 * The server actions the story editor calls, gathered for the two routes that render it (a new
 * story and an existing one). Not a "use server" module: it only passes the actions along.
 */
import type { EditorActions } from "@/components/editor/story-editor";
import { updateMediaAction } from "../../media/actions";
import { scheduleUnpublishAction } from "../unpublish-actions";
import { discardPendingAction, publishPendingAction, savePendingAction, schedulePendingAction } from "../pending-actions";
import { createPreviewLinkAction, listPreviewLinksAction, livePreviewAction, revokePreviewLinkAction } from "../preview-actions";
import { createTranslationAction, markTranslationCaughtUpAction } from "../translation-actions";
import { conflictViewAction, presenceAction, restoreFromTrashAction, saveStoryAction, trashStoryAction } from "../actions";

export const editorActions: EditorActions = {
  saveStory: saveStoryAction,
  trashStory: trashStoryAction,
  restoreFromTrash: restoreFromTrashAction,
  conflictView: conflictViewAction,
  presence: presenceAction,
  savePhotoDetails: updateMediaAction,
  livePreview: livePreviewAction,
  scheduleUnpublish: scheduleUnpublishAction,
  pending: { save: savePendingAction, publish: publishPendingAction, schedule: schedulePendingAction, discard: discardPendingAction },
  previewLinks: { list: listPreviewLinksAction, create: createPreviewLinkAction, revoke: revokePreviewLinkAction },
  translations: { create: createTranslationAction, markCaughtUp: markTranslationCaughtUpAction },
};
