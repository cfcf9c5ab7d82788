/**
 * Shapes the story editor shares between its pieces, and the server actions it is given by
 * the route pages (typed here by their shape, so the editor never imports a route).
 */
import type { SavePhotoDetails } from "@/components/media/photo-details";
import type { JSONContent } from "@tiptap/core";
import type { DeskStory } from "@/lib/stories/desk";
import type { DeskStatus, NOTE_KINDS, SaveIntent } from "@/lib/stories/story-schema";

/** A story as the editor holds it: the desk's fields, with instants as ISO strings. */
export type EditorStory = Omit<
  DeskStory,
  "id" | "version" | "publishedAt" | "lastUpdatedAt" | "updatedAt" | "trashedAt" | "breakingUntil" | "embargoUntil" | "unpublishAt" | "isLiveBlog" | "coverageStartedAt" | "coverageEndedAt" | "writersMayPublishEntries"
> & {
  /** ISO instant of a scheduled unpublish still ahead, or null. */
  unpublishAt: string | null;
  /** The story's pending changes (then the fields above are theirs), or null. */
  pending: PendingInfo | null;
  /** ISO instant its breaking label ends, while breaking. */
  breakingUntil: string | null;
  /** ISO instant of its embargo, or null. */
  embargoUntil: string | null;
  /** ISO instant it went to the trash (read-only until restored), or null. */
  trashedAt: string | null;
  id?: string;
  version?: number;
  /** The story has been public at some point (its slug is in readers' hands). */
  everPublished: boolean;
  /** ISO instant of publication (the scheduled one while in the future). */
  publishedAt: string | null;
  /** The note the story was last returned with, while it waits for the writer to resubmit; else null. */
  returnNote?: ReturnNote | null;
};

/** A return note as the editor shows it (instant as an ISO string). */
export interface ReturnNote {
  note: string;
  authorName: string | null;
  at: string;
}

/** An old revision's text offered for a live story (instants as ISO strings). */
export interface RestoreOfferView {
  version: number;
  title: string;
  dek: string;
  body: JSONContent;
  notes: { kind: "update" | "correction" | "clarification"; note: string; at: string; afterRestored: boolean }[];
}

/** Tags and bylines the pickers offer. */
export interface EditorOptions {
  tags: { id: string; name: string }[];
  bylines: { id: string; name: string; retired?: boolean }[];
}

/** A refused action: a message for people, an error code, and per-field messages. */
export type EditorActionFailure = { ok: false; error: string; code: string; fields?: Record<string, string> };

/** What the editor sends to save a story (the server parses it again). */
export interface StorySaveInput {
  id?: string;
  version?: number;
  intent: SaveIntent;
  title: string;
  dek: string;
  /** Empty: the server derives the slug from the headline. */
  slug: string;
  excerpt: string;
  /** Tiptap JSON, serialised. */
  body: string;
  language: string;
  tags: string[];
  bylineIds: string[];
  isBreaking: boolean;
  /** While breaking: its end as newsroom wall-clock "YYYY-MM-DDTHH:mm" ("" keeps the current one). */
  breakingUntil: string;
  /** The embargo as newsroom wall-clock "YYYY-MM-DDTHH:mm" ("" for none). */
  embargoUntil: string;
  /** Empty for none. */
  featuredMediaId: string;
  /** Newsroom wall-clock "YYYY-MM-DDTHH:mm:ss", only for the schedule intent. */
  scheduledAt?: string;
  noteKind: NoteKind;
  note: string;
  /** For submit and return: the note for the editors (optional) or the writer (required). */
  reviewNote?: string;
}

export type NoteKind = (typeof NOTE_KINDS)[number];

export type SaveStoryResult =
  | {
      ok: true;
      id: string;
      version: number;
      slug: string;
      status: DeskStatus;
      savedAt: string;
      /** False when nothing had changed (nothing was written). */
      changed: boolean;
      publishedAt: string | null;
      lastUpdatedAt: string | null;
    }
  | EditorActionFailure;

/** The saved version that stopped a save (instants as ISO strings). */
export type ConflictViewResult =
  | { ok: true; version: number; title: string; dek: string; bodyText: string; updatedAt: string; updatedByName: string | null }
  | EditorActionFailure;

/** The server actions the editor calls; the route pages pass them in. */
export interface EditorActions {
  saveStory: (input: StorySaveInput, options?: { autosave?: boolean }) => Promise<SaveStoryResult>;
  /** Moves the story to the trash (restorable for 30 days). */
  trashStory: (id: string) => Promise<{ ok: true } | EditorActionFailure>;
  /** Takes the story out of the trash. */
  restoreFromTrash: (id: string) => Promise<{ ok: true } | EditorActionFailure>;
  /** The saved version, to show beside the user's after a conflict. */
  conflictView: (id: string) => Promise<ConflictViewResult>;
  /** Marks the viewer as having the story open; returns the names of the others who do. */
  presence: (id: string) => Promise<{ ok: true; others: string[] } | EditorActionFailure>;
  /** Saves a library photo's alt text, caption and credit (the featured photo's details form). */
  savePhotoDetails: SavePhotoDetails;
  /** Pending changes of a live story: save them, publish them now, schedule them ("" unschedules), discard them. */
  pending: {
    save: (input: StorySaveInput) => Promise<{ ok: true; updatedAt: string } | EditorActionFailure>;
    publish: (id: string, choice: PendingChoice) => Promise<{ ok: true } | EditorActionFailure>;
    schedule: (id: string, local: string, choice: PendingChoice) => Promise<{ ok: true; applyAt: string | null } | EditorActionFailure>;
    discard: (id: string) => Promise<{ ok: true } | EditorActionFailure>;
  };
  /** Sets (newsroom wall-clock time) or cancels ("") the story's scheduled unpublish. */
  scheduleUnpublish: (id: string, local: string) => Promise<{ ok: true; unpublishAt: string | null } | EditorActionFailure>;
  /** The reader page's HTML for the editor's unsaved fields (the live preview). */
  livePreview: (input: StorySaveInput) => Promise<{ ok: true; html: string } | EditorActionFailure>;
  /** The story's shareable preview links: list, create (answers the address, shown once), revoke. */
  previewLinks: {
    list: (storyId: string) => Promise<{ ok: true; links: PreviewLinkRow[] } | EditorActionFailure>;
    create: (storyId: string, values: { label: string; days: string }) => Promise<{ ok: true; path: string; links: PreviewLinkRow[] } | EditorActionFailure>;
    revoke: (storyId: string, linkId: string) => Promise<{ ok: true; links: PreviewLinkRow[] } | EditorActionFailure>;
  };
  /** Translations: make a linked draft in another language (answers its id); mark a translation caught up with its source. */
  translations: {
    create: (storyId: string, language: string) => Promise<{ ok: true; id: string } | EditorActionFailure>;
    markCaughtUp: (storyId: string) => Promise<{ ok: true } | EditorActionFailure>;
  };
}

/** One version of the story in its translation group, as the editor lists it. */
export interface TranslationVersionView {
  id: string;
  language: string;
  title: string;
  status: DeskStatus;
}

/** The story's translation group as the editor shows it (a saved story only). */
export interface EditorTranslations {
  /** Every version the viewer may see, this one included, in the desk's language order. */
  versions: TranslationVersionView[];
  /** The viewer may start a translation of this story (their role creates stories; not in the trash). */
  canTranslate: boolean;
  /** For a translation whose source changed after it: the source, and when it changed (ISO); else null. */
  behind: { sourceId: string; sourceLanguage: string; sourceChangedAt: string } | null;
}

/** Pending changes of a live story, as the editor shows them (instants as ISO strings). */
export interface PendingInfo {
  updatedAt: string;
  updatedByName: string | null;
  applyAt: string | null;
  applyKind: "update" | "minor" | null;
  scheduledByName: string | null;
  /** Why a scheduled publication did not happen, in words. */
  failure: string | null;
}

/** How pending changes reach readers. */
export interface PendingChoice {
  kind: "update" | "minor";
  noteKind?: NoteKind;
  note?: string;
}

/** A preview link as the editor lists it (instants as ISO strings). */
export interface PreviewLinkRow {
  id: string;
  label: string;
  createdByName: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  useCount: number;
  lastUsedAt: string | null;
  /** Working now: neither revoked nor expired. */
  active: boolean;
}

/** Everything the editor keeps of a story being edited (handed over between instances, backed up). */
export interface EditorSnapshot {
  version?: number;
  status: DeskStatus;
  publishedAt: string | null;
  title: string;
  dek: string;
  slug: string;
  slugTouched: boolean;
  excerpt: string;
  language: string;
  isBreaking: boolean;
  /** Newsroom wall-clock end of the breaking label ("" when not breaking; absent in old backups). */
  breakingUntil?: string;
  /** Newsroom wall-clock embargo ("" for none; absent in old backups). */
  embargoUntil?: string;
  tags: string[];
  bylineIds: string[];
  body: JSONContent;
  dirty: boolean;
}

/** The save status line: its state, message, and field errors by field name. */
export type SaveUi = { state: "idle" | "saving" | "saved" | "error"; message: string; fields: Record<string, string> };

/** A save stopped by a newer version: the newer version, and the intent to retry. */
export interface Conflict {
  intent: SaveIntent;
  version: number;
  title: string;
  dek: string;
  bodyText: string;
  updatedAt: string;
  updatedByName: string | null;
}
