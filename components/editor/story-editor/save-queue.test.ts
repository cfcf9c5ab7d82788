import { describe, expect, it } from "vitest";
import { SAVE_INTENTS, type SaveIntent } from "@/lib/stories/story-schema";
import { initialSaveQueue, isNewerVersionConflict, savedMessage, saveQueueStep, type SaveQueueEffect, type SaveQueueEvent, type SaveQueueState } from "./save-queue";

/** Runs events from `state`, returning the final state and every effect in order. */
function run(events: SaveQueueEvent[], state: SaveQueueState = initialSaveQueue) {
  const effects: SaveQueueEffect[] = [];
  for (const e of events) {
    const r = saveQueueStep(state, e);
    state = r.state;
    effects.push(r.effect);
  }
  return { state, effects };
}

/** A deliberate save (button or shortcut). */
const manual = (intent: SaveIntent = "save"): SaveQueueEvent => ({ type: "request", intent, autosave: false, autosaveAllowed: false });
/** An autosave; `autosaveAllowed` is the caller's part of the rule. */
const auto = (autosaveAllowed = true): SaveQueueEvent => ({ type: "request", intent: "save", autosave: true, autosaveAllowed });

describe("save queue: edits", () => {
  it("counts edits and changes nothing else", () => {
    const { state, effects } = run([{ type: "edit" }, { type: "edit" }]);
    expect(state).toEqual({ ...initialSaveQueue, edits: 2 });
    expect(effects).toEqual([{ type: "none" }, { type: "none" }]);
  });
});

describe("save queue: a deliberate save", () => {
  it("is sent at once when none is running, even with no edits", () => {
    expect(saveQueueStep(initialSaveQueue, manual()).effect).toEqual({ type: "send" });
  });

  it("is sent even while a conflict is unresolved", () => {
    const { effects } = run([{ type: "edit" }, manual(), { type: "start" }, { type: "fail", conflict: true }, manual("publish")]);
    expect(effects.at(-1)).toEqual({ type: "send" });
  });

  it("waits behind a running save and runs when it returns, the last request winning", () => {
    const { state, effects } = run([
      { type: "edit" },
      manual(),
      { type: "start" },
      manual("submit"),
      manual("publish"),
      { type: "succeed", changed: true },
    ]);
    expect(effects[3]).toEqual({ type: "queued" });
    expect(effects[4]).toEqual({ type: "queued" });
    expect(effects[5]).toEqual({ type: "done", unsavedEdits: false, next: "publish" });
    expect(state.queued).toBeNull();
    expect(state.inFlight).toBe(false);
  });

  it("marks edits typed while it was on its way as unsaved", () => {
    const { state, effects } = run([{ type: "edit" }, manual(), { type: "start" }, { type: "edit" }, { type: "succeed", changed: true }]);
    expect(effects.at(-1)).toEqual({ type: "done", unsavedEdits: true, next: null });
    expect(state.savedEdits).toBe(1);
    expect(state.edits).toBe(2);
  });

  it("records what was saved once the save changed the story", () => {
    const { state } = run([{ type: "edit" }, { type: "edit" }, manual(), { type: "start" }, { type: "succeed", changed: true }]);
    expect(state).toEqual({ ...initialSaveQueue, edits: 2, savedEdits: 2, editsAtStart: 2 });
  });

  it("with nothing changed: not in flight, saved edits kept, a queued save stays queued", () => {
    const { state, effects } = run([{ type: "edit" }, manual(), { type: "start" }, manual("publish"), { type: "succeed", changed: false }]);
    expect(effects.at(-1)).toEqual({ type: "done", unsavedEdits: false, next: null });
    expect(state).toEqual({ ...initialSaveQueue, edits: 1, savedEdits: 0, editsAtStart: 1, queued: "publish" });
  });
});

describe("save queue: failures", () => {
  it("a refused save drops the queued one and is not in flight", () => {
    const { state } = run([{ type: "edit" }, manual(), { type: "start" }, manual("publish"), { type: "fail", conflict: false }]);
    expect(state).toEqual({ ...initialSaveQueue, edits: 1, editsAtStart: 1 });
  });

  it("a conflict stays until resolved; another failure does not clear it", () => {
    let { state } = run([{ type: "edit" }, manual(), { type: "start" }, { type: "fail", conflict: true }]);
    expect(state.conflict).toBe(true);
    state = run([manual(), { type: "start" }, { type: "fail", conflict: false }], state).state;
    expect(state.conflict).toBe(true);
    state = saveQueueStep(state, { type: "resolve" }).state;
    expect(state.conflict).toBe(false);
  });
});

describe("save queue: autosave", () => {
  const edited = run([{ type: "edit" }]).state;

  it("runs after an edit when the caller allows it", () => {
    expect(saveQueueStep(edited, auto()).effect).toEqual({ type: "send" });
  });

  it("is skipped when the caller does not allow it (not editable, live, or no headline)", () => {
    expect(saveQueueStep(edited, auto(false))).toEqual({ state: edited, effect: { type: "skip" } });
  });

  it("is skipped when nothing changed since the last save", () => {
    expect(saveQueueStep(initialSaveQueue, auto()).effect).toEqual({ type: "skip" });
    const saved = run([manual(), { type: "start" }, { type: "succeed", changed: true }], edited).state;
    expect(saveQueueStep(saved, auto()).effect).toEqual({ type: "skip" });
  });

  it("is skipped, not queued, while a save is running", () => {
    const running = run([manual(), { type: "start" }, { type: "edit" }], edited).state;
    expect(saveQueueStep(running, auto())).toEqual({ state: running, effect: { type: "skip" } });
  });

  it("is skipped during a conflict and runs again once it is resolved", () => {
    const inConflict = run([manual(), { type: "start" }, { type: "fail", conflict: true }], edited).state;
    expect(saveQueueStep(inConflict, auto()).effect).toEqual({ type: "skip" });
    const resolved = saveQueueStep(inConflict, { type: "resolve" }).state;
    expect(saveQueueStep(resolved, auto()).effect).toEqual({ type: "send" });
  });

  it("is due again after a save that left edits unsaved", () => {
    const s = run([manual(), { type: "start" }, { type: "edit" }, { type: "succeed", changed: true }], edited).state;
    expect(saveQueueStep(s, auto()).effect).toEqual({ type: "send" });
  });
});

describe("savedMessage", () => {
  it.each([
    ["save", "Saved"],
    ["publish", "Published · Saved"],
    ["unpublish", "Unpublished · Saved"],
    ["submit", "Submitted for review · Saved"],
    ["return", "Returned to writer · Saved"],
    ["schedule", "Scheduled · Saved"],
    ["unschedule", "Unscheduled · Saved"],
    ["update", "Updated · Saved"],
    ["minor", "Minor edit · Saved"],
  ] as const)("%s → %s", (intent, text) => {
    expect(savedMessage(intent, { autosave: false, changed: true, unsavedEdits: false })).toBe(text);
  });

  it("covers every intent", () => {
    for (const intent of SAVE_INTENTS) expect(savedMessage(intent, { autosave: false, changed: true, unsavedEdits: false })).toMatch(/Saved$/);
  });

  it("says so when newer changes were not in the save", () => {
    expect(savedMessage("publish", { autosave: false, changed: true, unsavedEdits: true })).toBe("Published · Saved · newer changes not saved yet");
    expect(savedMessage("save", { autosave: true, changed: true, unsavedEdits: true })).toBe("Autosaved · newer changes not saved yet");
  });

  it("autosave and unchanged saves", () => {
    expect(savedMessage("save", { autosave: true, changed: true, unsavedEdits: false })).toBe("Autosaved");
    expect(savedMessage("save", { autosave: true, changed: false, unsavedEdits: false })).toBe("Autosaved");
    expect(savedMessage("publish", { autosave: false, changed: false, unsavedEdits: false })).toBe("Saved · nothing had changed");
  });
});

describe("isNewerVersionConflict", () => {
  it("is a newer version for a conflict naming no field, and not for one naming a field or another code", () => {
    expect(isNewerVersionConflict({ code: "conflict" })).toBe(true);
    expect(isNewerVersionConflict({ code: "conflict", fields: {} })).toBe(true);
    expect(isNewerVersionConflict({ code: "conflict", fields: { language: "Already translated" } })).toBe(false);
    expect(isNewerVersionConflict({ code: "conflict", fields: { slug: "Taken" } })).toBe(false);
    expect(isNewerVersionConflict({ code: "bad_request" })).toBe(false);
  });
});
