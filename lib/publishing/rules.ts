/**
 * The publishing rules of a story save, as pure functions: who may use which intent, which
 * intent fits which state, and what a save does to the status, the publication date, the
 * "Last Updated On" date and the revision history. No database and no server-only imports;
 * `now` is always passed in (an instant), so every rule is unit-tested with a fixed clock.
 *
 * The rules, in short:
 * - a story is live when `status = published` and `publishedAt <= now`; scheduled when
 *   `status = published` and `publishedAt > now` (see lib/stories/visibility.ts);
 * - publish (not live yet): published, dated now, "Last Updated On" now; on a live story it
 *   changes no date;
 * - schedule: published, both dates at the scheduled instant; unschedule: back to draft with
 *   no dates; unpublish: off the site, dates kept (a republication is dated anew, except the
 *   undo of an unpublish, "republish", which puts the story back with its original dates);
 * - update: "Last Updated On" moves to now, with an optional public note (a correction or a
 *   clarification must carry one); minor and save change no public date;
 * - a save, minor edit or note-less update that changes nothing is a no-op: no new version,
 *   date or revision.
 * Errors are thrown as `AppError` with the messages the desk shows.
 */
import type { StoryStatus, RevisionKind, UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, canEditStory, canSeeStory, type Actor } from "@/lib/permissions/roles";
import { isPubliclyVisible, isScheduled } from "@/lib/stories/visibility";
import { INTENT_PERMISSION, type NOTE_KINDS, type SaveIntent } from "@/lib/stories/story-schema";

/** The stored state of a story that the rules look at. */
export interface StoryState {
  createdBy: string | null;
  status: StoryStatus;
  publishedAt: Date | null;
  lastUpdatedAt: Date | null;
  isBreaking: boolean;
  version: number;
}

/** The kind of public note an update carries. */
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Everything a save's rules depend on. */
export interface SaveFacts {
  actor: Actor;
  /** The story as stored, or null for a new story. */
  existing: StoryState | null;
  /** The version the editor opened (undefined when not sent; ignored for a new story). */
  openedVersion: number | undefined;
  intent: SaveIntent;
  /** The breaking-news flag the save asks for. */
  isBreaking: boolean;
  /** For "schedule": the requested publication instant (already checked to be in the future). */
  scheduledFor: Date | null;
  /** For "update": the kind of public note and its text ("" for none). */
  noteKind: NoteKind;
  note: string;
  /** Whether any stored field (text, slug, tags, bylines, photos, flags) differs. */
  contentChanged: boolean;
  /** A restore or autosave records its own revision kind for a save or minor edit. */
  revisionKindOverride?: "autosave" | "restore";
  now: Date;
}

/** What a save does, once it is allowed. */
export interface SaveDecision {
  status: StoryStatus;
  publishedAt: Date | null;
  lastUpdatedAt: Date | null;
  revisionKind: RevisionKind;
  /** The public note stored with the revision, or null. */
  note: string | null;
  /** True when the save changes nothing: no new version, date or revision. */
  noOp: boolean;
  /** True when readers see the change: the story was or is published (scheduled included). */
  affectsReaders: boolean;
  /** The audit-log action to record ("story.publish", …), or null for a plain save. */
  auditAction: string | null;
}

/**
 * Refuses an intent the role may not use at all, whatever the story.
 * @throws AppError(forbidden) "Your role cannot do that."
 */
export function assertIntentPermitted(role: UserRole, intent: SaveIntent): void {
  const needed = INTENT_PERMISSION[intent];
  if (needed && !can(role, needed)) throw new AppError("forbidden", "Your role cannot do that.");
}

/**
 * Refuses a schedule whose instant is not after `now` (both instants; zones do not matter).
 * @throws AppError(bad_request) with a field error on `scheduledAt`.
 */
export function assertScheduleInFuture(scheduledFor: Date, now: Date): void {
  if (scheduledFor.getTime() <= now.getTime()) {
    throw new AppError("bad_request", "That time has already passed. Publish now, or pick a later time.", { scheduledAt: "In the past" });
  }
}

/**
 * Whether the actor may save this story at all: see it, edit it, and from the version it was
 * opened at; or, for a new story, create stories. Missing and not visible look the same.
 * @param existing the stored story, undefined when the requested id matched no row, or null
 *   for a new story.
 * @param version the version the editor opened (undefined when not sent).
 * @throws AppError: not_found, forbidden, conflict (stale version).
 */
export function assertMaySave(actor: Actor, existing: StoryState | null | undefined, version: number | undefined): void {
  if (existing === null) {
    if (!can(actor.role, "story:create")) throw new AppError("forbidden", "Your role cannot create stories.");
    return;
  }
  if (!existing || !canSeeStory(actor, existing)) throw new AppError("not_found", "That story does not exist.");
  if (!canEditStory(actor, existing)) throw new AppError("forbidden", "You cannot edit this story.");
  if (version !== existing.version) {
    throw new AppError(
      "conflict",
      "Someone else saved this story after you opened it. Your text is kept here: copy what you need, reload, and apply it again.",
    );
  }
}

/**
 * Whether the intent fits the story's state at `now`, and the breaking flag the role.
 * @throws AppError: forbidden (breaking news without the permission), bad_request (an intent
 *   the state does not allow: return outside review, unpublish of a story not live, schedule
 *   of a live story, unschedule of a story not scheduled, update or minor of a story not live).
 */
export function assertIntentFits(facts: Pick<SaveFacts, "actor" | "existing" | "intent" | "isBreaking" | "now">): void {
  const { actor, existing, intent, now } = facts;
  if (facts.isBreaking !== (existing?.isBreaking ?? false) && !can(actor.role, "story:breaking")) {
    throw new AppError("forbidden", "Only editors can flag breaking news.");
  }
  if (intent === "return" && existing?.status !== "in_review") {
    throw new AppError("bad_request", "Only a story in review can be returned to its writer.");
  }
  const wasLive = existing ? isPubliclyVisible(existing, now) : false;
  const wasScheduled = existing ? isScheduled(existing, now) : false;
  if (intent === "unpublish" && !wasLive) {
    throw new AppError("bad_request", wasScheduled ? "This story is scheduled: unschedule it instead." : "Only a published story can be unpublished.");
  }
  if (intent === "republish" && !(existing?.status === "unpublished" && existing.publishedAt !== null)) {
    throw new AppError("bad_request", "Only an unpublished story can go back on the site with its original dates.");
  }
  if (intent === "schedule" && wasLive) {
    throw new AppError("bad_request", "This story is already live. Unpublish it first to schedule it again.");
  }
  if (intent === "unschedule" && !wasScheduled) throw new AppError("bad_request", "This story is not scheduled.");
  if ((intent === "update" || intent === "minor") && !wasLive) {
    throw new AppError("bad_request", "Update and minor edit apply to published stories; save the draft instead.");
  }
}

/** The public note an update stores: its text, or null when empty or not an update. */
export function publicNote(intent: SaveIntent, note: string): string | null {
  return intent === "update" ? note || null : null;
}

/**
 * Whether a save of an existing story may turn out to change nothing: a save, a minor edit or
 * an update without a public note (a note is itself a change readers see).
 */
export function mayBeNoOp(intent: SaveIntent, note: string): boolean {
  return intent === "save" || intent === "minor" || (intent === "update" && !note);
}

type Transition = Pick<SaveDecision, "status" | "publishedAt" | "lastUpdatedAt" | "revisionKind">;

/** The status, dates and revision kind an intent leads to (checks already passed). */
function transition(facts: SaveFacts): Transition {
  const { existing, now } = facts;
  const wasLive = existing ? isPubliclyVisible(existing, now) : false;
  const kept: Transition = {
    status: existing?.status ?? "draft",
    publishedAt: existing?.publishedAt ?? null,
    lastUpdatedAt: existing?.lastUpdatedAt ?? null,
    revisionKind: wasLive ? "minor_edit" : "draft",
  };
  switch (facts.intent) {
    case "submit":
      return { ...kept, status: "in_review", revisionKind: "submit" };
    case "return":
      return { ...kept, status: "draft" };
    case "publish":
      // The first publication (or a republication after a takedown) is dated now, whatever a
      // schedule said; publishing a live story changes no date.
      return wasLive ? kept : { status: "published", publishedAt: now, lastUpdatedAt: now, revisionKind: "publish" };
    case "schedule":
      return { status: "published", publishedAt: facts.scheduledFor, lastUpdatedAt: facts.scheduledFor, revisionKind: "schedule" };
    case "unschedule":
      return { status: "draft", publishedAt: null, lastUpdatedAt: null, revisionKind: "draft" };
    case "unpublish":
      return { ...kept, status: "unpublished", revisionKind: "unpublish" };
    case "republish":
      return { ...kept, status: "published", revisionKind: "publish" };
    case "update":
      return { ...kept, lastUpdatedAt: now, revisionKind: facts.noteKind };
    case "minor":
    case "save":
      return facts.revisionKindOverride ? { ...kept, revisionKind: facts.revisionKindOverride } : kept;
  }
}

/**
 * Decides a save: checks every rule (permission, access, version, state, note) and returns
 * what the save does.
 * The checks are the same ones {@link assertIntentPermitted}, {@link assertMaySave} and
 * {@link assertIntentFits} make, so a caller that runs those earlier (to report the first
 * problem in the same order as before) gets the same answer here.
 * @returns the new status and dates, the revision kind and note, whether it is a no-op,
 *   whether readers are affected, and the audit action.
 * @throws AppError: forbidden, not_found, conflict, bad_request (see the asserts above; and a
 *   correction or clarification without a note).
 */
export function decideSave(facts: SaveFacts): SaveDecision {
  assertIntentPermitted(facts.actor.role, facts.intent);
  assertMaySave(facts.actor, facts.existing, facts.openedVersion);
  assertIntentFits(facts);
  if (facts.intent === "update" && facts.noteKind !== "update" && !facts.note) {
    throw new AppError("bad_request", `A ${facts.noteKind} needs a note that tells readers what changed.`, { note: "Required" });
  }
  const note = publicNote(facts.intent, facts.note);
  const next = transition(facts);
  const { existing } = facts;
  if (existing && !facts.contentChanged && mayBeNoOp(facts.intent, note ?? "")) {
    return {
      status: existing.status,
      publishedAt: existing.publishedAt,
      lastUpdatedAt: existing.lastUpdatedAt,
      revisionKind: next.revisionKind,
      note: null,
      noOp: true,
      affectsReaders: false,
      auditAction: null,
    };
  }
  const restore = next.revisionKind === "restore";
  return {
    ...next,
    note,
    noOp: false,
    affectsReaders: existing?.status === "published" || next.status === "published",
    auditAction: facts.intent !== "save" || restore ? `story.${restore ? "restore" : facts.intent}` : null,
  };
}

/** What the embargo rule looks at: the state a save would leave, and the embargo it would keep. */
export interface EmbargoFacts {
  intent: SaveIntent;
  /** The status and publication instant after the save. */
  status: StoryStatus;
  publishedAt: Date | null;
  /** Whether readers could see the story before the save. */
  wasLive: boolean;
  embargoUntil: Date | null;
  now: Date;
  /** Formats an instant in the newsroom's zone, with the zone's name, for the messages. */
  at: (instant: Date) => string;
}

/**
 * The embargo rule: a story may not be published, or scheduled, for an instant before its
 * embargo. Publishing now is refused while the embargo holds, a schedule earlier than the
 * embargo is refused, a scheduled story cannot take an embargo later than its schedule, and a
 * story readers already see cannot be embargoed (it would have to come off the site first).
 * The database enforces the same rule (stories_embargo_respected), so no path escapes it.
 * @throws AppError(bad_request) naming the embargo in the newsroom's time zone.
 */
export function assertEmbargoRespected(f: EmbargoFacts): void {
  const { embargoUntil } = f;
  if (!embargoUntil || f.status !== "published" || !f.publishedAt || f.publishedAt >= embargoUntil) return;
  if (f.wasLive) {
    throw new AppError("bad_request", `Readers can already see this story, so an embargo until ${f.at(embargoUntil)} cannot hold it back. Unpublish it first, or lift the embargo.`, {
      embargoUntil: "Story is live",
    });
  }
  if (f.intent === "schedule") {
    throw new AppError("bad_request", `The story is embargoed until ${f.at(embargoUntil)}: schedule it for that time or later.`, { scheduledAt: "Before the embargo" });
  }
  if (f.publishedAt > f.now) {
    throw new AppError("bad_request", `The story is scheduled for ${f.at(f.publishedAt)}, before its embargo until ${f.at(embargoUntil)}: move the schedule or the embargo.`, {
      embargoUntil: "After the schedule",
    });
  }
  throw new AppError("bad_request", `This story is embargoed until ${f.at(embargoUntil)}: it cannot be published before then. Schedule it for that time or later, or lift the embargo.`, {
    embargoUntil: "Embargoed",
  });
}
