/**
 * The server actions the story editor calls, gathered for the two routes that render it (a new
 * story and an existing one). Not a "use server" module: it only passes the actions along.
 */
import type { EditorActions } from "@/components/editor/story-editor";
import { updateMediaAction } from "../../media/actions";
import { conflictViewAction, deleteStoryAction, presenceAction, saveStoryAction } from "../actions";

export const editorActions: EditorActions = {
  saveStory: saveStoryAction,
  deleteStory: deleteStoryAction,
  conflictView: conflictViewAction,
  presence: presenceAction,
  savePhotoDetails: updateMediaAction,
};
