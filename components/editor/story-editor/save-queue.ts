/**
 * The editor's save queue as a pure state machine: saves from one editor run one at a time,
 * each carrying the version the previous one returned, so a quick second save never
 * conflicts with the first; a save requested while one is on its way runs next. Autosave
 * runs only when something changed since the last save, never into a conflict or beside a
 * running save. No React, no DOM: the hook in use-save-queue.ts holds the state in a ref and
 * performs the effects this module decides.
 */
import type { SaveIntent } from "@/lib/stories/story-schema";

/** What the queue remembers between renders. Edit counts are monotonic counters. */
export interface SaveQueueState {
  /** A save is on its way to the server. */
  inFlight: boolean;
  /** The intent to save next, once the running save returns (the last one requested wins). */
  queued: SaveIntent | null;
  /** Edits made so far in this editor. */
  edits: number;
  /** `edits` as it was when the last save that changed the story started. */
  savedEdits: number;
  /** `edits` as it was when the running (or last) save started. */
  editsAtStart: number;
  /** The last save was stopped by a newer version; autosave waits until it is resolved. */
  conflict: boolean;
}

export type SaveQueueEvent =
  /** The user changed a field. */
  | { type: "edit" }
  /**
   * A save is asked for. `autosaveAllowed` is the caller's part of the autosave rule: the
   * story is editable, not live, and has a headline.
   */
  | { type: "request"; intent: SaveIntent; autosave: boolean; autosaveAllowed: boolean }
  /** The save passed the client checks and is sent now. */
  | { type: "start" }
  /** The server refused the save; `conflict` when a newer version was saved meanwhile. */
  | { type: "fail"; conflict: boolean }
  /** The server accepted the save; `changed` is false when nothing had changed. */
  | { type: "succeed"; changed: boolean }
  /** The user chose to save over the newer version (the conflict is settled). */
  | { type: "resolve" };

/**
 * What the hook must do after an event:
 * - skip: nothing (an autosave not due); queued: nothing yet (it runs after the running one);
 * - send: check and send the save now;
 * - done: the save finished; `unsavedEdits` when edits were typed while it was on its way,
 *   `next` the queued intent to run now (null for none).
 */
export type SaveQueueEffect =
  | { type: "none" }
  | { type: "skip" }
  | { type: "queued" }
  | { type: "send" }
  | { type: "done"; unsavedEdits: boolean; next: SaveIntent | null };

export const initialSaveQueue: SaveQueueState = { inFlight: false, queued: null, edits: 0, savedEdits: 0, editsAtStart: 0, conflict: false };

/** The next state and the effect to perform, for one event. Pure. */
export function saveQueueStep(state: SaveQueueState, event: SaveQueueEvent): { state: SaveQueueState; effect: SaveQueueEffect } {
  switch (event.type) {
    case "edit":
      return { state: { ...state, edits: state.edits + 1 }, effect: { type: "none" } };
    case "request":
      if (event.autosave && (!event.autosaveAllowed || state.conflict || state.inFlight || state.edits === state.savedEdits)) {
        return { state, effect: { type: "skip" } };
      }
      if (state.inFlight) return { state: { ...state, queued: event.intent }, effect: { type: "queued" } };
      return { state, effect: { type: "send" } };
    case "start":
      return { state: { ...state, inFlight: true, editsAtStart: state.edits }, effect: { type: "none" } };
    case "fail":
      return { state: { ...state, inFlight: false, queued: null, conflict: state.conflict || event.conflict }, effect: { type: "none" } };
    case "succeed":
      if (!event.changed) {
        // Nothing was written: the queued save (if any) stays queued for the next save's end.
        return { state: { ...state, inFlight: false }, effect: { type: "done", unsavedEdits: false, next: null } };
      }
      return {
        state: { ...state, inFlight: false, queued: null, savedEdits: state.editsAtStart },
        effect: { type: "done", unsavedEdits: state.edits !== state.editsAtStart, next: state.queued },
      };
    case "resolve":
      return { state: { ...state, conflict: false }, effect: { type: "none" } };
  }
}

const VERBS: Partial<Record<SaveIntent, string>> = {
  publish: "Published",
  unpublish: "Unpublished",
  republish: "Back on the site",
  submit: "Submitted for review",
  return: "Returned to writer",
  schedule: "Scheduled",
  unschedule: "Unscheduled",
  update: "Updated",
  minor: "Minor edit",
};

/**
 * The status line after a successful save, e.g. "Published · Saved", "Autosaved",
 * "Saved · nothing had changed", "Saved · newer changes not saved yet".
 */
export function savedMessage(intent: SaveIntent, opts: { autosave: boolean; changed: boolean; unsavedEdits: boolean }): string {
  if (!opts.changed) return opts.autosave ? "Autosaved" : "Saved · nothing had changed";
  const verb = VERBS[intent] ?? "Saved";
  const message = opts.autosave ? "Autosaved" : verb === "Saved" ? "Saved" : `${verb} · Saved`;
  return opts.unsavedEdits ? `${message} · newer changes not saved yet` : message;
}

/**
 * Whether a refused save was stopped by a newer version (then the editor shows both versions):
 * a conflict that names a field (a taken slug, a language the translation group already has)
 * is about that field's value instead, shown beside the field like any other refusal.
 */
export function isNewerVersionConflict(failure: { code: string; fields?: Record<string, string> }): boolean {
  return failure.code === "conflict" && (!failure.fields || Object.keys(failure.fields).length === 0);
}
