/** The story editor, used by the new-story and edit-story routes. */
export { StoryEditor, type StoryEditorProps } from "./story-editor";
export type { EditorActions, EditorStory, EditorOptions, SaveStoryResult } from "./types";
