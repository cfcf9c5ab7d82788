/**
 * Pending changes to a live story: an editor prepares a new headline, body, photo, tags… while
 * readers keep the published version everywhere (the story's row is not touched), previews
 * them, then publishes them now or schedules them for an instant, as an update (with its public
 * note) or a minor edit. Publishing them is an ordinary save (lib/stories/desk.ts), so every
 * rule of a save holds (alt text, embargo, slugs, revisions, audit).
 *
 * Each save of pending changes is also kept as a "pending" revision in the story's history.
 * Changes prepared on one version of the story are never applied over a newer one: if the live
 * story was saved meanwhile, publishing them is refused (and a scheduled application is
 * recorded as failed, in words, for the desk).
 *
 * A scheduled application runs at its instant on whichever instance claims it first (one
 * conditional UPDATE), from the scheduler's loopback call (app/api/internal/revalidate).
 */
import "server-only";
import { and, eq, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, pendingChanges, stories, storyRevisions, users } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { formatDateAtTime } from "@/lib/dates/format";
import { AppError, isAppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { NOTE_KINDS, storyInputSchema } from "./story-schema";
import { prepareContent, saveStory, type SavedStory } from "./desk";
import { isPubliclyVisible } from "./visibility";

/** A claim older than this is taken to be from an instance that stopped mid-way. */
const STALE_CLAIM_MS = 60_000;

/** Pending changes as the desk shows them. */
export interface PendingView {
  storyId: string;
  baseVersion: number;
  /** The save input: headline, dek, body… (the editor loads these fields). */
  input: Record<string, unknown>;
  applyAt: Date | null;
  applyKind: "update" | "minor" | null;
  noteKind: (typeof NOTE_KINDS)[number] | null;
  note: string;
  failure: string | null;
  scheduledByName: string | null;
  updatedByName: string | null;
  updatedAt: Date;
}

/** Loads a live story for pending changes. @throws AppError forbidden, not_found, bad_request */
async function liveStoryFor(viewer: Viewer, storyId: string, now: Date) {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors can prepare changes to a published story.");
  const db = await getDb();
  const [row] = /^[0-9a-f-]{36}$/i.test(storyId) ? await db.select().from(stories).where(and(eq(stories.id, storyId), isNull(stories.trashedAt))).limit(1) : [];
  if (!row) throw new AppError("not_found", "That story does not exist.");
  if (!isPubliclyVisible(row, now)) throw new AppError("bad_request", "Pending changes are for a story readers can see; save this one as it is.");
  return row;
}

/**
 * Saves (or replaces) the pending changes of a live story. Nothing public changes.
 * @param raw the editor's save input; its `version` must be the story's current one.
 * @throws AppError: forbidden (not an editor), not_found, bad_request (fields, body, photos;
 *   the story is not live), conflict (the story was saved since it was opened), too_large.
 */
export async function savePendingChanges(viewer: Viewer, raw: unknown, now = new Date()): Promise<PendingView> {
  const input = parseInput(storyInputSchema, raw);
  if (!input.id) throw new AppError("bad_request", "Save the story first.");
  const row = await liveStoryFor(viewer, input.id, now);
  if (input.version !== row.version) {
    throw new AppError("conflict", "Someone saved this story after you opened it. Your text is kept here: copy what you need, reload, and apply it again.");
  }
  // The same checks as a save (body, photos, size) before anything is stored.
  const content = await prepareContent(input);
  // The text and its fields; how and when they go out is decided when they are published.
  const stored: Record<string, unknown> = { ...input, body: content.rendered.json };
  for (const key of ["id", "version", "intent", "note", "noteKind", "scheduledAt"]) delete stored[key];
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(pendingChanges)
      .values({ storyId: row.id, baseVersion: row.version, input: stored, updatedBy: viewer.id, updatedAt: now })
      .onConflictDoUpdate({ target: pendingChanges.storyId, set: { baseVersion: row.version, input: stored, failure: null, updatedBy: viewer.id, updatedAt: now } });
    await tx.insert(storyRevisions).values({
      storyId: row.id,
      version: row.version,
      kind: "pending",
      note: null,
      title: input.title,
      dek: input.dek,
      body: content.rendered.json,
      createdBy: viewer.id,
      createdAt: now,
    });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.pending_save", entityType: "story", entityId: row.id, details: { title: input.title }, createdAt: now });
  });
  return (await getPendingChanges(viewer, row.id))!;
}

/**
 * A story's pending changes, or null.
 * @throws AppError forbidden (not an editor)
 */
export async function getPendingChanges(viewer: Viewer, storyId: string): Promise<PendingView | null> {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors can see pending changes.");
  if (!/^[0-9a-f-]{36}$/i.test(storyId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(pendingChanges).where(eq(pendingChanges.storyId, storyId)).limit(1);
  if (!row) return null;
  const names = await db.select({ id: users.id, name: users.name }).from(users).where(or(eq(users.id, row.scheduledBy ?? row.storyId), eq(users.id, row.updatedBy ?? row.storyId)));
  const nameOf = (id: string | null) => (id ? (names.find((n) => n.id === id)?.name ?? null) : null);
  return {
    storyId: row.storyId,
    baseVersion: row.baseVersion,
    input: row.input,
    applyAt: row.applyAt,
    applyKind: row.applyKind,
    noteKind: row.noteKind,
    note: row.note,
    failure: row.failure,
    scheduledByName: nameOf(row.scheduledBy),
    updatedByName: nameOf(row.updatedBy),
    updatedAt: row.updatedAt,
  };
}

/**
 * The editor's fields of pending changes (what the editor loads instead of the published text).
 * Values of the wrong type fall back to the published story's.
 */
export function pendingEditorFields(p: PendingView): { title?: string; dek?: string; slug?: string; excerpt?: string; body?: unknown; language?: string; tags?: string[]; bylineIds?: string[]; isBreaking?: boolean; featuredMediaId?: string } {
  const i = p.input;
  const text = (k: string) => (typeof i[k] === "string" ? (i[k] as string) : undefined);
  const list = (k: string) => (Array.isArray(i[k]) ? (i[k] as unknown[]).filter((v): v is string => typeof v === "string") : undefined);
  return {
    title: text("title"),
    dek: text("dek"),
    slug: text("slug"),
    excerpt: text("excerpt"),
    body: i.body,
    language: text("language"),
    tags: list("tags"),
    bylineIds: list("bylineIds"),
    isBreaking: typeof i.isBreaking === "boolean" ? i.isBreaking : undefined,
    featuredMediaId: text("featuredMediaId"),
  };
}

/** Drops a story's pending changes (their revisions stay in the history). @throws AppError forbidden */
export async function discardPendingChanges(viewer: Viewer, storyId: string, now = new Date()): Promise<void> {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors can discard pending changes.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const gone = await tx.delete(pendingChanges).where(eq(pendingChanges.storyId, storyId)).returning({ id: pendingChanges.storyId });
    if (gone.length) await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.pending_discard", entityType: "story", entityId: storyId, createdAt: now });
  });
}

/** How pending changes reach readers. */
export interface ApplyChoice {
  kind: "update" | "minor";
  noteKind?: (typeof NOTE_KINDS)[number];
  note?: string;
}

/**
 * Publishes a story's pending changes now, as an update (moves "Last Updated On", with an
 * optional public note) or a minor edit, through an ordinary save.
 * @returns the save's result (for the caller to expire reader caches).
 * @throws AppError: forbidden, not_found, bad_request (nothing pending; the rules of a save),
 *   conflict (the story was saved after the changes were prepared).
 */
export async function applyPendingChanges(viewer: Viewer, storyId: string, choice: ApplyChoice, now = new Date()): Promise<SavedStory> {
  const row = await liveStoryFor(viewer, storyId, now);
  const db = await getDb();
  const [pending] = await db.select().from(pendingChanges).where(eq(pendingChanges.storyId, storyId)).limit(1);
  if (!pending) throw new AppError("bad_request", "This story has no pending changes.");
  if (pending.baseVersion !== row.version) {
    throw new AppError("conflict", "The published story was saved after these changes were prepared: open them, compare, and save them again before publishing.");
  }
  const saved = await saveStory(viewer, { ...pending.input, id: row.id, version: row.version, intent: choice.kind, noteKind: choice.noteKind ?? "update", note: choice.note ?? "" }, now);
  await db.delete(pendingChanges).where(and(eq(pendingChanges.storyId, storyId), eq(pendingChanges.baseVersion, pending.baseVersion)));
  return saved;
}

/**
 * Schedules (or, with `local` "", unschedules) a story's pending changes for an instant typed
 * as newsroom wall-clock time.
 * @throws AppError: forbidden, not_found, bad_request (nothing pending; unreadable or past
 *   time; a correction or clarification without its note).
 */
export async function schedulePendingChanges(viewer: Viewer, storyId: string, local: string, choice: ApplyChoice, now = new Date()): Promise<Date | null> {
  await liveStoryFor(viewer, storyId, now);
  const { timeZone } = await getSiteSettings();
  const db = await getDb();
  const [pending] = await db.select().from(pendingChanges).where(eq(pendingChanges.storyId, storyId)).limit(1);
  if (!pending) throw new AppError("bad_request", "This story has no pending changes.");
  if (!local.trim()) {
    await db.update(pendingChanges).set({ applyAt: null, applyKind: null, scheduledBy: null, failure: null }).where(eq(pendingChanges.storyId, storyId));
    await db.insert(auditLog).values({ actorId: viewer.id, action: "story.pending_unschedule", entityType: "story", entityId: storyId, createdAt: now });
    return null;
  }
  let at: Date;
  try {
    at = zonedLocalToInstant(local.trim(), timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { applyAt: e.message });
    throw e;
  }
  if (at <= now) throw new AppError("bad_request", "That time has already passed: publish the changes now, or pick a later time.", { applyAt: "In the past" });
  const note = (choice.note ?? "").trim();
  if (choice.kind === "update" && choice.noteKind && choice.noteKind !== "update" && !note) {
    throw new AppError("bad_request", `A ${choice.noteKind} needs a note that tells readers what changed.`, { note: "Required" });
  }
  await db
    .update(pendingChanges)
    .set({ applyAt: at, applyKind: choice.kind, noteKind: choice.kind === "update" ? (choice.noteKind ?? "update") : null, note: choice.kind === "update" ? note : "", scheduledBy: viewer.id, failure: null, applyingSince: null })
    .where(eq(pendingChanges.storyId, storyId));
  await db.insert(auditLog).values({ actorId: viewer.id, action: "story.pending_schedule", entityType: "story", entityId: storyId, details: { at: at.toISOString(), kind: choice.kind }, createdAt: now });
  return at;
}

/**
 * Applies every scheduled set of pending changes whose instant has come, each claimed by one
 * conditional UPDATE (so two instances never apply the same set). Applied as the editor who
 * scheduled them; one that can no longer publish, a story saved since, or any refusal of the
 * save leaves the changes pending, unscheduled, with the reason in words.
 * @returns the saves made (for the caller to expire reader caches).
 */
export async function applyDuePendingChanges(now = new Date()): Promise<SavedStory[]> {
  const db = await getDb();
  const claimed = await db
    .update(pendingChanges)
    .set({ applyingSince: now })
    .where(and(isNotNull(pendingChanges.applyAt), lte(pendingChanges.applyAt, now), or(isNull(pendingChanges.applyingSince), lt(pendingChanges.applyingSince, new Date(now.getTime() - STALE_CLAIM_MS)))))
    .returning();
  const saves: SavedStory[] = [];
  const { timeZone, locale } = claimed.length ? await getSiteSettings() : { timeZone: "UTC", locale: "en-US" };
  for (const p of claimed) {
    const when = `${formatDateAtTime(p.applyAt!, timeZone, locale)} (${timeZone})`;
    const fail = async (reason: string) => {
      await db
        .update(pendingChanges)
        .set({ applyAt: null, applyingSince: null, failure: `Not published at ${when}: ${reason}` })
        .where(eq(pendingChanges.storyId, p.storyId));
      await db.insert(auditLog).values({ actorId: null, action: "story.pending_failed", entityType: "story", entityId: p.storyId, details: { reason }, createdAt: now });
    };
    const viewer = p.scheduledBy ? await loadViewer(p.scheduledBy) : null;
    if (!viewer || !can(viewer.role, "story:publish")) {
      await fail("the editor who scheduled them can no longer publish. Schedule them again.");
      continue;
    }
    try {
      saves.push(await applyPendingChanges(viewer, p.storyId, { kind: p.applyKind ?? "minor", noteKind: p.noteKind ?? undefined, note: p.note }, now));
    } catch (e) {
      if (!isAppError(e)) throw e;
      await fail(e.message);
    }
  }
  return saves;
}
