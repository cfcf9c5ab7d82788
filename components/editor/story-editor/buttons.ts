/**
 * Which save buttons the editor shows, from the intents the viewer's role allows
 * (intentsForRole in lib/stories/story-schema.ts), the story's desk state and whether the
 * viewer may edit it. The server checks again on every save; hiding a button is courtesy.
 */
import type { DeskStatus, SaveIntent } from "@/lib/stories/story-schema";

export interface SaveButton {
  intent: SaveIntent;
  label: string;
  primary?: boolean;
}

/** What the viewer may do to this story, as the editor's panels need it. */
export interface EditorPermissions {
  /** The viewer may change this story at all. */
  editable: boolean;
  /** Publish, schedule, choose bylines, mark breaking, pick the kind of update (editors, admins). */
  canPublish: boolean;
  canSubmit: boolean;
  canReturn: boolean;
  canUnpublish: boolean;
}

/** Permissions from the allowed intents and the story's `canEdit`. */
export function editorPermissions(intents: readonly SaveIntent[], canEdit: boolean): EditorPermissions {
  const canPublish = intents.includes("publish");
  return {
    editable: canEdit,
    canPublish,
    // Those who can publish go straight to it; review is the path for those who cannot.
    canSubmit: intents.includes("submit") && !canPublish,
    canReturn: intents.includes("return"),
    canUnpublish: intents.includes("unpublish"),
  };
}

/** The row of save buttons, in order, for a story in `status`. */
export function saveButtons(p: EditorPermissions, status: DeskStatus): SaveButton[] {
  const live = status === "published";
  const scheduled = status === "scheduled";
  const buttons: SaveButton[] = [];
  if (p.editable && !live) {
    buttons.push({ intent: "save", label: scheduled ? "Save changes" : "Save draft" });
    if (p.canSubmit && (status === "draft" || status === "unpublished")) buttons.push({ intent: "submit", label: "Submit for review", primary: true });
    if (p.canReturn && status === "in_review") buttons.push({ intent: "return", label: "Return to writer" });
    if (p.canPublish) buttons.push({ intent: "publish", label: scheduled ? "Publish now" : "Publish", primary: true });
    if (p.canPublish && scheduled) buttons.push({ intent: "unschedule", label: "Unschedule" });
  }
  if (p.editable && live && p.canUnpublish) buttons.push({ intent: "unpublish", label: "Unpublish" });
  return buttons;
}
