import { describe, expect, it } from "vitest";
import type { StoryStatus, RevisionKind, UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { SAVE_INTENTS, type SaveIntent } from "@/lib/stories/story-schema";
import {
  assertEmbargoRespected,
  assertIntentPermitted,
  assertMaySave,
  assertScheduleInFuture,
  decideSave,
  mayBeNoOp,
  publicNote,
  type SaveDecision,
  type SaveFacts,
  type StoryState,
} from "./rules";

const NOW = new Date("2026-03-10T12:00:00Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const SCHEDULE_AT = hours(72);
const OWNER = "user-writer";

type StateName = "new" | "draft" | "in_review" | "scheduled" | "published" | "unpublished";

const STATES: Record<StateName, StoryState | null> = {
  new: null,
  draft: { createdBy: OWNER, status: "draft", publishedAt: null, lastUpdatedAt: null, isBreaking: false, version: 3 },
  in_review: { createdBy: OWNER, status: "in_review", publishedAt: null, lastUpdatedAt: null, isBreaking: false, version: 3 },
  scheduled: { createdBy: OWNER, status: "published", publishedAt: hours(24), lastUpdatedAt: hours(24), isBreaking: false, version: 3 },
  published: { createdBy: OWNER, status: "published", publishedAt: hours(-48), lastUpdatedAt: hours(-24), isBreaking: false, version: 3 },
  unpublished: { createdBy: OWNER, status: "unpublished", publishedAt: hours(-48), lastUpdatedAt: hours(-24), isBreaking: false, version: 3 },
};
const STATE_NAMES = Object.keys(STATES) as StateName[];
const ROLES: UserRole[] = ["writer", "editor", "admin"];

function facts(role: UserRole, state: StateName, intent: SaveIntent, extra: Partial<SaveFacts> = {}): SaveFacts {
  const existing = STATES[state];
  return {
    actor: { id: role === "writer" ? OWNER : `user-${role}`, role },
    existing,
    openedVersion: existing?.version,
    intent,
    isBreaking: false,
    scheduledFor: intent === "schedule" ? SCHEDULE_AT : null,
    noteKind: "update",
    note: "",
    contentChanged: true,
    now: NOW,
    ...extra,
  };
}

/** The AppError a call throws (fails the test when it throws nothing or something else). */
function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected an AppError, got none");
}

type Outcome = { error: string; code: AppError["code"] } | { status: StoryStatus; publishedAt: Date | null; lastUpdatedAt: Date | null; revisionKind: RevisionKind };

const kept = (state: StateName, revisionKind: RevisionKind, status?: StoryStatus): Outcome => {
  const s = STATES[state];
  return { status: status ?? s?.status ?? "draft", publishedAt: s?.publishedAt ?? null, lastUpdatedAt: s?.lastUpdatedAt ?? null, revisionKind };
};
const bad = (error: string): Outcome => ({ error, code: "bad_request" });
const NOT_LIVE = "Update and minor edit apply to published stories; save the draft instead.";

/** What an editor's save does, for every intent in every state (contentChanged, no note). */
function editorOutcome(intent: SaveIntent, state: StateName): Outcome {
  const live = state === "published";
  switch (intent) {
    case "save":
      return kept(state, live ? "minor_edit" : "draft");
    case "minor":
      return live ? kept(state, "minor_edit") : bad(NOT_LIVE);
    case "update":
      return live ? { ...kept(state, "update"), lastUpdatedAt: NOW } : bad(NOT_LIVE);
    case "submit":
      return kept(state, "submit", "in_review");
    case "publish":
      return live ? kept(state, "minor_edit") : { status: "published", publishedAt: NOW, lastUpdatedAt: NOW, revisionKind: "publish" };
    case "unpublish":
      if (live) return kept(state, "unpublish", "unpublished");
      return bad(state === "scheduled" ? "This story is scheduled: unschedule it instead." : "Only a published story can be unpublished.");
    case "republish":
      return state === "unpublished"
        ? kept(state, "publish", "published")
        : bad("Only an unpublished story can go back on the site with its original dates.");
    case "return":
      return state === "in_review" ? kept(state, "draft", "draft") : bad("Only a story in review can be returned to its writer.");
    case "schedule":
      return live
        ? bad("This story is already live. Unpublish it first to schedule it again.")
        : { status: "published", publishedAt: SCHEDULE_AT, lastUpdatedAt: SCHEDULE_AT, revisionKind: "schedule" };
    case "unschedule":
      return state === "scheduled" ? { status: "draft", publishedAt: null, lastUpdatedAt: null, revisionKind: "draft" } : bad("This story is not scheduled.");
  }
}

/** A writer (on their own story) may save, minor-edit and submit, and never touch a published or scheduled story. */
function writerOutcome(intent: SaveIntent, state: StateName): Outcome {
  if (!["save", "minor", "submit"].includes(intent)) return { error: "Your role cannot do that.", code: "forbidden" };
  if (state === "published" || state === "scheduled") return { error: "You cannot edit this story.", code: "forbidden" };
  return editorOutcome(intent, state);
}

const expected = (role: UserRole, intent: SaveIntent, state: StateName) => (role === "writer" ? writerOutcome(intent, state) : editorOutcome(intent, state));
const describeOutcome = (o: Outcome) =>
  "error" in o ? `refused (${o.code}: ${o.error})` : `becomes ${o.status}, revision ${o.revisionKind}, published ${o.publishedAt?.toISOString() ?? "never"}`;

describe("decideSave: every role x intent x state", () => {
  const cases = ROLES.flatMap((role) => SAVE_INTENTS.flatMap((intent) => STATE_NAMES.map((state) => ({ role, intent, state, outcome: expected(role, intent, state) }))));
  it.each(cases.map((c) => [`${c.role} ${c.intent} on a ${c.state} story ${describeOutcome(c.outcome)}`, c] as const))("%s", (_, c) => {
    const f = facts(c.role, c.state, c.intent);
    if ("error" in c.outcome) {
      const e = errorOf(() => decideSave(f));
      expect(e.message).toBe(c.outcome.error);
      expect(e.code).toBe(c.outcome.code);
      return;
    }
    const d = decideSave(f);
    expect({ status: d.status, publishedAt: d.publishedAt, lastUpdatedAt: d.lastUpdatedAt, revisionKind: d.revisionKind }).toEqual(c.outcome);
    expect(d.noOp).toBe(false);
  });
});

describe("decideSave: dates of publish, schedule, update, minor, unpublish, republish", () => {
  it("first publication dates the story and its Last Updated On now", () => {
    const d = decideSave(facts("editor", "draft", "publish"));
    expect(d.publishedAt).toEqual(NOW);
    expect(d.lastUpdatedAt).toEqual(NOW);
  });

  it("publishing a scheduled story now replaces the scheduled date with now", () => {
    const d = decideSave(facts("editor", "scheduled", "publish"));
    expect(d.publishedAt).toEqual(NOW);
    expect(d.revisionKind).toBe("publish");
  });

  it("republishing after an unpublish dates the story anew, not at its first publication", () => {
    const d = decideSave(facts("editor", "unpublished", "publish"));
    expect(d.status).toBe("published");
    expect(d.publishedAt).toEqual(NOW);
    expect(d.publishedAt).not.toEqual(STATES.unpublished!.publishedAt);
  });

  it("publishing a live story again changes no date and records a minor edit", () => {
    const d = decideSave(facts("editor", "published", "publish"));
    expect(d.publishedAt).toEqual(STATES.published!.publishedAt);
    expect(d.lastUpdatedAt).toEqual(STATES.published!.lastUpdatedAt);
    expect(d.revisionKind).toBe("minor_edit");
  });

  it("scheduling sets both dates to the scheduled instant and keeps status published", () => {
    const d = decideSave(facts("editor", "draft", "schedule"));
    expect(d).toMatchObject({ status: "published", publishedAt: SCHEDULE_AT, lastUpdatedAt: SCHEDULE_AT, revisionKind: "schedule" });
  });

  it("rescheduling a scheduled story moves it to the new instant", () => {
    const d = decideSave(facts("editor", "scheduled", "schedule"));
    expect(d.publishedAt).toEqual(SCHEDULE_AT);
  });

  it("unscheduling returns the story to draft with no dates", () => {
    expect(decideSave(facts("editor", "scheduled", "unschedule"))).toMatchObject({ status: "draft", publishedAt: null, lastUpdatedAt: null });
  });

  it("an update moves Last Updated On to now and keeps the publication date", () => {
    const d = decideSave(facts("editor", "published", "update"));
    expect(d.lastUpdatedAt).toEqual(NOW);
    expect(d.publishedAt).toEqual(STATES.published!.publishedAt);
  });

  it("a minor edit changes no public date", () => {
    const d = decideSave(facts("editor", "published", "minor"));
    expect(d.lastUpdatedAt).toEqual(STATES.published!.lastUpdatedAt);
    expect(d.publishedAt).toEqual(STATES.published!.publishedAt);
  });

  it("unpublishing keeps both dates and takes the story off the site", () => {
    const d = decideSave(facts("editor", "published", "unpublish"));
    expect(d).toMatchObject({ status: "unpublished", publishedAt: STATES.published!.publishedAt, lastUpdatedAt: STATES.published!.lastUpdatedAt });
  });

  it("a story whose scheduled instant has passed counts as live (update allowed, schedule refused)", () => {
    const later = new Date(STATES.scheduled!.publishedAt!.getTime() + 1000);
    expect(decideSave(facts("editor", "scheduled", "update", { now: later })).lastUpdatedAt).toEqual(later);
    expect(errorOf(() => decideSave(facts("editor", "scheduled", "schedule", { now: later }))).message).toMatch(/already live/);
  });
});

describe("decideSave: public notes of an update", () => {
  it.each(["correction", "clarification"] as const)("a %s without a note is refused with a field error on note", (noteKind) => {
    const e = errorOf(() => decideSave(facts("editor", "published", "update", { noteKind })));
    expect(e.code).toBe("bad_request");
    expect(e.message).toBe(`A ${noteKind} needs a note that tells readers what changed.`);
    expect(e.fields).toEqual({ note: "Required" });
  });

  it.each(["correction", "clarification"] as const)("a %s with a note is recorded as that revision kind with its note", (noteKind) => {
    const d = decideSave(facts("editor", "published", "update", { noteKind, note: "The date was wrong." }));
    expect(d).toMatchObject({ revisionKind: noteKind, note: "The date was wrong.", lastUpdatedAt: NOW });
  });

  it("a plain update may carry a note or none", () => {
    expect(decideSave(facts("editor", "published", "update", { note: "New figures." }))).toMatchObject({ revisionKind: "update", note: "New figures." });
    expect(decideSave(facts("editor", "published", "update")).note).toBeNull();
  });

  it("a note sent with any other intent is not stored", () => {
    expect(decideSave(facts("editor", "published", "minor", { note: "ignored" })).note).toBeNull();
    expect(decideSave(facts("editor", "draft", "save", { noteKind: "correction", note: "ignored" })).note).toBeNull();
  });
});

describe("decideSave: no-op detection", () => {
  const unchanged = { contentChanged: false };

  it.each([
    ["save", "draft"],
    ["save", "published"],
    ["minor", "published"],
    ["update", "published"],
  ] as const)("a %s of a %s story that changes nothing is a no-op with the stored status and dates", (intent, state) => {
    const d = decideSave(facts("editor", state, intent, unchanged));
    const s = STATES[state]!;
    expect(d).toMatchObject({ noOp: true, affectsReaders: false, auditAction: null, status: s.status, publishedAt: s.publishedAt, lastUpdatedAt: s.lastUpdatedAt });
  });

  it("an unchanged update with a public note is not a no-op (the note is a change readers see)", () => {
    const d = decideSave(facts("editor", "published", "update", { ...unchanged, noteKind: "correction", note: "Fixed a name." }));
    expect(d.noOp).toBe(false);
    expect(d.lastUpdatedAt).toEqual(NOW);
  });

  it.each(["submit", "publish", "return", "unschedule", "schedule", "unpublish"] as const)("an unchanged %s is never a no-op", (intent) => {
    const state: StateName = intent === "return" || intent === "submit" ? "in_review" : intent === "unschedule" ? "scheduled" : intent === "unpublish" ? "published" : "draft";
    expect(decideSave(facts("editor", state, intent, unchanged)).noOp).toBe(false);
  });

  it("a new story is never a no-op", () => {
    expect(decideSave(facts("editor", "new", "save", unchanged)).noOp).toBe(false);
  });

  it("a changed save is not a no-op", () => {
    expect(decideSave(facts("editor", "draft", "save")).noOp).toBe(false);
  });

  it("mayBeNoOp holds for save, minor and an update without a note only", () => {
    expect(SAVE_INTENTS.filter((i) => mayBeNoOp(i, ""))).toEqual(["save", "minor", "update"]);
    expect(mayBeNoOp("update", "note")).toBe(false);
  });

  it("publicNote keeps an update's non-empty note only", () => {
    expect(publicNote("update", "x")).toBe("x");
    expect(publicNote("update", "")).toBeNull();
    expect(publicNote("save", "x")).toBeNull();
  });
});

describe("decideSave: readers, audit and restored revisions", () => {
  const decide = (state: StateName, intent: SaveIntent, extra: Partial<SaveFacts> = {}): SaveDecision => decideSave(facts("editor", state, intent, extra));

  it("readers are affected when the story was or becomes published (scheduled included)", () => {
    expect(decide("draft", "save").affectsReaders).toBe(false);
    expect(decide("in_review", "return").affectsReaders).toBe(false);
    expect(decide("draft", "publish").affectsReaders).toBe(true);
    expect(decide("draft", "schedule").affectsReaders).toBe(true);
    expect(decide("scheduled", "save").affectsReaders).toBe(true);
    expect(decide("published", "unpublish").affectsReaders).toBe(true);
    expect(decide("unpublished", "save").affectsReaders).toBe(false);
  });

  it("a plain save records no audit action; every other intent records story.<intent>", () => {
    expect(decide("draft", "save").auditAction).toBeNull();
    expect(decide("draft", "submit").auditAction).toBe("story.submit");
    expect(decide("published", "minor").auditAction).toBe("story.minor");
    expect(decide("draft", "publish").auditAction).toBe("story.publish");
  });

  it("a restore records a restore revision and the story.restore audit action", () => {
    const d = decide("draft", "save", { revisionKindOverride: "restore" });
    expect(d).toMatchObject({ revisionKind: "restore", auditAction: "story.restore" });
  });

  it("an autosave records an autosave revision and no audit action", () => {
    expect(decide("published", "save", { revisionKindOverride: "autosave" })).toMatchObject({ revisionKind: "autosave", auditAction: null });
  });

  it("a revision kind override applies to save and minor only", () => {
    expect(decide("published", "minor", { revisionKindOverride: "restore" }).revisionKind).toBe("restore");
    expect(decide("draft", "publish", { revisionKindOverride: "restore" }).revisionKind).toBe("publish");
  });
});

describe("access and breaking news", () => {
  it("a writer cannot see another writer's story: not found, as if missing", () => {
    const e = errorOf(() => decideSave({ ...facts("writer", "draft", "save"), actor: { id: "someone-else", role: "writer" } }));
    expect(e).toMatchObject({ code: "not_found", message: "That story does not exist." });
  });

  it("a missing story is not found", () => {
    expect(errorOf(() => assertMaySave({ id: "u", role: "editor" }, undefined, 1)).code).toBe("not_found");
  });

  it("a stale version is a conflict that tells the user their text is kept", () => {
    const e = errorOf(() => decideSave(facts("editor", "draft", "save", { openedVersion: 2 })));
    expect(e.code).toBe("conflict");
    expect(e.message).toMatch(/^Someone else saved this story after you opened it/);
  });

  it("a missing version on an existing story is a conflict; on a new story it is not needed", () => {
    expect(errorOf(() => decideSave(facts("editor", "draft", "save", { openedVersion: undefined }))).code).toBe("conflict");
    expect(decideSave(facts("writer", "new", "save", { openedVersion: undefined })).status).toBe("draft");
  });

  it("the intent permission is checked before access (a writer publishing someone else's story is forbidden)", () => {
    const e = errorOf(() => decideSave({ ...facts("writer", "draft", "publish"), actor: { id: "someone-else", role: "writer" } }));
    expect(e).toMatchObject({ code: "forbidden", message: "Your role cannot do that." });
  });

  it("a writer cannot set or clear the breaking-news flag; an editor can", () => {
    expect(errorOf(() => decideSave(facts("writer", "draft", "save", { isBreaking: true })))).toMatchObject({
      code: "forbidden",
      message: "Only editors can flag breaking news.",
    });
    expect(decideSave(facts("editor", "draft", "save", { isBreaking: true })).status).toBe("draft");
  });

  it("a writer may keep a flag an editor set", () => {
    const flagged = { ...STATES.draft!, isBreaking: true };
    expect(decideSave({ ...facts("writer", "draft", "save", { isBreaking: true }), existing: flagged }).status).toBe("draft");
  });

  it("assertIntentPermitted lets every role save and minor-edit, and only editors and admins publish", () => {
    for (const role of ROLES) {
      expect(() => assertIntentPermitted(role, "save")).not.toThrow();
      expect(() => assertIntentPermitted(role, "minor")).not.toThrow();
    }
    expect(errorOf(() => assertIntentPermitted("writer", "publish")).code).toBe("forbidden");
    expect(() => assertIntentPermitted("admin", "unschedule")).not.toThrow();
  });
});

describe("assertScheduleInFuture", () => {
  it("refuses now and the past with a field error on scheduledAt", () => {
    for (const at of [NOW, hours(-1)]) {
      const e = errorOf(() => assertScheduleInFuture(at, NOW));
      expect(e).toMatchObject({ code: "bad_request", message: "That time has already passed. Publish now, or pick a later time." });
      expect(e.fields).toEqual({ scheduledAt: "In the past" });
    }
  });

  it("accepts one millisecond after now", () => {
    expect(() => assertScheduleInFuture(new Date(NOW.getTime() + 1), NOW)).not.toThrow();
  });
});

describe("assertEmbargoRespected", () => {
  const at = (d: Date) => d.toISOString();
  const embargo = hours(48);
  const base = { now: NOW, at, embargoUntil: embargo, wasLive: false } as const;

  it("refuses publishing now while the embargo holds, naming the embargo", () => {
    const e = errorOf(() => assertEmbargoRespected({ ...base, intent: "publish", status: "published", publishedAt: NOW }));
    expect(e.message).toBe(`This story is embargoed until ${at(embargo)}: it cannot be published before then. Schedule it for that time or later, or lift the embargo.`);
    expect(e.fields).toEqual({ embargoUntil: "Embargoed" });
  });

  it("refuses a schedule one millisecond before the embargo, and takes one at the embargo or later", () => {
    const e = errorOf(() => assertEmbargoRespected({ ...base, intent: "schedule", status: "published", publishedAt: new Date(embargo.getTime() - 1) }));
    expect(e.fields).toEqual({ scheduledAt: "Before the embargo" });
    expect(() => assertEmbargoRespected({ ...base, intent: "schedule", status: "published", publishedAt: embargo })).not.toThrow();
    expect(() => assertEmbargoRespected({ ...base, intent: "schedule", status: "published", publishedAt: hours(49) })).not.toThrow();
  });

  it("refuses an embargo later than a story's schedule, and any embargo ahead on a story readers see", () => {
    expect(errorOf(() => assertEmbargoRespected({ ...base, intent: "save", status: "published", publishedAt: hours(24) })).fields).toEqual({ embargoUntil: "After the schedule" });
    expect(errorOf(() => assertEmbargoRespected({ ...base, intent: "minor", status: "published", publishedAt: hours(-5), wasLive: true })).message).toMatch(/^Readers can already see this story/);
  });

  it("lets drafts, stories in review and stories without an embargo be", () => {
    for (const status of ["draft", "in_review", "unpublished"] as const) expect(() => assertEmbargoRespected({ ...base, intent: "save", status, publishedAt: null })).not.toThrow();
    expect(() => assertEmbargoRespected({ ...base, embargoUntil: null, intent: "publish", status: "published", publishedAt: NOW })).not.toThrow();
    // An embargo that has passed holds nothing back.
    expect(() => assertEmbargoRespected({ ...base, embargoUntil: hours(-1), intent: "publish", status: "published", publishedAt: NOW })).not.toThrow();
  });
});
