/**
 * Unsaved work kept in this browser (localStorage) until it is saved, so a crashed tab or a
 * failed network loses nothing; and the latest state of each open editor in this tab, handed
 * to the next editor instance for the same story.
 */
import type { EditorSnapshot } from "./types";

/** A copy of unsaved work: when it was taken (ms since epoch) and the version it built on. */
export interface Backup {
  at: number;
  baseVersion?: number;
  snapshot: EditorSnapshot;
}

/** The storage key for a story ("new" for one not saved yet). */
const backupKey = (id: string) => `newsroom:unsaved-story:${id}`;

/** Stores a backup of `snapshot` for story `id`; a full or disabled storage is ignored. */
export function writeBackup(id: string, snapshot: EditorSnapshot, baseVersion?: number): void {
  try {
    window.localStorage.setItem(backupKey(id), JSON.stringify({ at: Date.now(), baseVersion, snapshot } satisfies Backup));
  } catch {
    /* storage full or disabled: the server copy is the only copy */
  }
}

/** The backup stored for story `id`, or null (none, unreadable, or storage disabled). */
export function readBackup(id: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

/** Removes the backup of story `id` and that of a new story (which became `id` on saving). */
export function clearBackup(id: string): void {
  try {
    window.localStorage.removeItem(backupKey(id));
    window.localStorage.removeItem(backupKey("new"));
  } catch {
    /* nothing to clear */
  }
}

/**
 * The latest state of each open story's editor in this tab, by story id. A story created at
 * /stories/new moves to /stories/<id>; when a save refreshes the page, React may mount a
 * fresh editor for it, which takes over this state (text typed after the save included).
 */
export const liveSnapshots = new Map<string, EditorSnapshot>();
