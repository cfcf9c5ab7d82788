/**
 * The story's rules that the desk's browser code and the server share: states and their
 * labels, save intents and which permission each needs, the shape of a save, and the body
 * limit. Pure and client-safe (no database, no server-only imports): the editor imports these
 * instead of copying them, and the server decides again on every save.
 */
import { z } from "zod";
import type { StoryStatus, UserRole } from "@/db/schema";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import { can, type Permission } from "@/lib/permissions/roles";
import { cleanString } from "@/lib/text/clean";

/** What the desk shows as a story's state ("scheduled" = published, time not yet come). */
export type DeskStatus = "draft" | "in_review" | "scheduled" | "published" | "unpublished";

/** Labels of the desk states, in the order the desk lists them. */
export const DESK_STATUS_LABELS: Readonly<Record<DeskStatus, string>> = {
  draft: "Draft",
  in_review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};

/** The desk states with their labels, for filters and menus. */
export const DESK_STATUSES: { value: DeskStatus; label: string }[] = (Object.keys(DESK_STATUS_LABELS) as DeskStatus[]).map((value) => ({
  value,
  label: DESK_STATUS_LABELS[value],
}));

/**
 * The desk state of a story at `now` (an instant; zones do not matter).
 * @param status the stored status; @param publishedAt its publication instant, or null.
 */
export function deskStatus(status: StoryStatus, publishedAt: Date | null, now: Date, unpublishAt: Date | null = null): DeskStatus {
  if (status === "published" && unpublishAt && unpublishAt <= now) return "unpublished";
  if (status === "published") return publishedAt && publishedAt > now ? "scheduled" : "published";
  return status;
}

/**
 * What a save does besides storing the fields:
 * - save: a draft save (on a live story: a minor edit);
 * - minor / update: for a live story, a typo fix that changes no public date, or an update
 *   that moves "Last Updated On" to now, with an optional public note (update, correction,
 *   clarification);
 * - submit, return: the review loop; publish, unpublish, schedule, unschedule: editors only;
 * - republish: an unpublished story back on the site with its original dates (the undo of an
 *   unpublish); editors only.
 */
export const SAVE_INTENTS = ["save", "minor", "update", "submit", "publish", "unpublish", "republish", "return", "schedule", "unschedule"] as const;
export type SaveIntent = (typeof SAVE_INTENTS)[number];

/** The role permission each intent needs beyond editing the story (none for save and minor). */
export const INTENT_PERMISSION: Readonly<Partial<Record<SaveIntent, Permission>>> = {
  submit: "story:submit",
  publish: "story:publish",
  unpublish: "story:unpublish",
  republish: "story:unpublish",
  return: "story:return",
  schedule: "story:publish",
  unschedule: "story:publish",
  update: "story:publish",
};

/** The intents a role may use at all (the story's state narrows them further). */
export function intentsForRole(role: UserRole): SaveIntent[] {
  return SAVE_INTENTS.filter((intent) => {
    const needed = INTENT_PERMISSION[intent];
    return !needed || can(role, needed);
  });
}

/** How long a story stays breaking news when the editor sets no end, in hours. */
export const DEFAULT_BREAKING_HOURS = 3;
/** The longest a story may stay breaking news, in hours (after that it is simply news). */
export const MAX_BREAKING_HOURS = 72;

/** How long a story stays restorable in the trash before it is purged, in days. */
export const TRASH_DAYS = 30;

/** Largest accepted body, as serialised Tiptap JSON, in bytes of UTF-8. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The message for a body of `bytes` bytes of UTF-8 JSON that is over the limit, or null when
 * it fits. Both the editor (before sending) and the server (before storing) use it, so they
 * agree for every script.
 */
export function bodyTooLarge(bytes: number): string | null {
  if (bytes <= MAX_BODY_BYTES) return null;
  return `The story body is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_BODY_BYTES / 1048576} MB. Remove pasted material or split the story.`;
}

const languageCodes = STORY_LANGUAGES.map((l) => l.code) as [string, ...string[]];

/** Form-style booleans: true, "true", "on" are true; false, "false", "" and absence are false. */
const flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", ""])])
  .transform((v) => v === true || v === "true" || v === "on")
  .default(false);

/** The kinds of public note an update may carry. */
export const NOTE_KINDS = ["update", "correction", "clarification"] as const;

/** The fields of a save, as sent by the editor (or by anyone who can POST). */
export const storyInputSchema = z.object({
  id: z.uuid().optional(),
  version: z.coerce.number({ error: "The story version is missing; reload the story." }).int().positive().optional(),
  intent: z.enum(SAVE_INTENTS).default("save"),
  title: cleanString().pipe(z.string().min(1, "A headline is required.").max(300, "Keep the headline under 300 characters.")),
  dek: cleanString().pipe(z.string().max(600, "Keep the dek under 600 characters.")).default(""),
  slug: cleanString().pipe(z.string().max(200, "Keep the slug under 200 characters.")).default(""),
  excerpt: cleanString().pipe(z.string().max(1000, "Keep the excerpt under 1,000 characters.")).default(""),
  /** Tiptap JSON, as an object or a JSON string. */
  body: z.union([z.string(), z.record(z.string(), z.unknown())]),
  language: z.enum(languageCodes).default("en"),
  /** Tag names (or slugs) in order; the first is the section. */
  tags: z.array(cleanString().pipe(z.string().min(1, "A tag cannot be empty.").max(60, "Keep tags under 60 characters."))).max(20, "At most 20 tags.").default([]),
  bylineIds: z.array(z.uuid()).max(10, "At most 10 bylines.").default([]),
  isBreaking: flag,
  /**
   * While breaking: when it stops, as newsroom wall-clock time ("YYYY-MM-DDTHH:mm[:ss]");
   * empty keeps the current expiry, or starts DEFAULT_BREAKING_HOURS from the save.
   */
  breakingUntil: z.string().trim().max(40).optional(),
  /**
   * The embargo, as newsroom wall-clock time ("YYYY-MM-DDTHH:mm[:ss]"): before it the story
   * cannot be published. Empty lifts it; absent keeps the stored one.
   */
  embargoUntil: z.string().trim().max(40).optional(),
  /** For "schedule": the publication time as newsroom wall-clock time ("YYYY-MM-DDTHH:mm[:ss]"). */
  scheduledAt: z.string().trim().max(40).optional(),
  /** For "update": the kind of public note and its text (optional for a plain update). */
  noteKind: z.enum(NOTE_KINDS).default("update"),
  note: cleanString().pipe(z.string().max(1000, "Keep the note under 1,000 characters.")).default(""),
  /**
   * For "submit" and "return": the note for the editors (optional) or for the writer
   * (required to return). Desk-only: readers never see it. Kept in the story's review thread.
   */
  reviewNote: cleanString().pipe(z.string().trim().max(2000, "Keep the review note under 2,000 characters.")).default(""),
  /** The featured (lead) photo: a library id, "" for none; absent keeps the current one. */
  featuredMediaId: z.union([z.uuid(), z.literal("")]).optional(),
});

/** A save as sent (before defaults and cleaning). */
export type StoryInput = z.input<typeof storyInputSchema>;
