/**
 * Revision history of a story: list, compare two revisions word by word, restore one.
 * Every real save stores a revision (lib/stories/desk.ts); restoring writes a new revision
 * of kind "restore" and never deletes history.
 */
import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { diffWords } from "diff";
import { z } from "zod";
import { getDb } from "@/db";
import { PUBLIC_NOTE_KINDS, storyRevisions, stories, users, type RevisionFields, type RevisionKind } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { parseBody } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { canEditStory, canSeeStory } from "@/lib/permissions/roles";
import { getDeskStory, saveStory, type SavedStory } from "./desk";
import { isPubliclyVisible } from "./visibility";

export interface RevisionRow {
  id: string;
  version: number;
  kind: RevisionKind;
  note: string | null;
  title: string;
  createdAt: Date;
  authorName: string | null;
}

async function requireVisibleStory(viewer: Viewer, storyId: string) {
  if (!z.uuid().safeParse(storyId).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [story] = await db.select().from(stories).where(eq(stories.id, storyId)).limit(1);
  if (!story || !canSeeStory({ id: viewer.id, role: viewer.role }, story)) throw new AppError("not_found", "That story does not exist.");
  return story;
}

/** A story's revisions, newest first (at most 500). @throws AppError(not_found) */
export async function listRevisions(viewer: Viewer, storyId: string): Promise<RevisionRow[]> {
  await requireVisibleStory(viewer, storyId);
  const db = await getDb();
  return db
    .select({
      id: storyRevisions.id,
      version: storyRevisions.version,
      kind: storyRevisions.kind,
      note: storyRevisions.note,
      title: storyRevisions.title,
      createdAt: storyRevisions.createdAt,
      authorName: users.name,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(users.id, storyRevisions.createdBy))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.createdAt), desc(storyRevisions.version))
    .limit(500);
}

async function loadRevision(storyId: string, revisionId: string) {
  if (!z.uuid().safeParse(revisionId).success) throw new AppError("not_found", "That revision does not exist.");
  const db = await getDb();
  const [rev] = await db
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.storyId, storyId)))
    .limit(1);
  if (!rev) throw new AppError("not_found", "That revision does not exist.");
  return rev;
}

/** One run of a word diff: text that was kept, added or removed. */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface RevisionDiff {
  from: RevisionRow;
  to: RevisionRow;
  title: DiffPart[];
  dek: DiffPart[];
  body: DiffPart[];
  /** Other fields that differ: label, before, after (revisions older than this record show none). */
  fields: { label: string; from: string; to: string }[];
  /** Words added and removed in title and body together. */
  wordsAdded: number;
  wordsRemoved: number;
}

function bodyText(json: unknown): string {
  try {
    const node = parseBody(json);
    return node.textBetween(0, node.content.size, "\n\n", " ");
  } catch {
    return "";
  }
}

function words(parts: DiffPart[], key: "added" | "removed"): number {
  return parts.filter((p) => p[key]).reduce((n, p) => n + (p.value.match(/\S+/g)?.length ?? 0), 0);
}

/**
 * Compares two revisions of a story word by word (jsdiff's diffWords).
 * @throws AppError(not_found) for a story or revision the viewer cannot see.
 */
export async function diffRevisions(viewer: Viewer, storyId: string, fromId: string, toId: string): Promise<RevisionDiff> {
  await requireVisibleStory(viewer, storyId);
  const [from, to] = await Promise.all([loadRevision(storyId, fromId), loadRevision(storyId, toId)]);
  const db = await getDb();
  const authorIds = [from.createdBy, to.createdBy].filter((x): x is string => !!x);
  const names = new Map(
    (authorIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds)) : []).map(
      (u) => [u.id, u.name] as const,
    ),
  );
  const row = (r: typeof from): RevisionRow => ({
    id: r.id,
    version: r.version,
    kind: r.kind,
    note: r.note,
    title: r.title,
    createdAt: r.createdAt,
    authorName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
  });
  const norm = (parts: { value: string; added?: boolean; removed?: boolean }[]): DiffPart[] =>
    parts.map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }));
  const title = norm(diffWords(from.title, to.title));
  const dek = norm(diffWords(from.dek, to.dek));
  const body = norm(diffWords(bodyText(from.body), bodyText(to.body)));
  const labels: [keyof RevisionFields, string][] = [
    ["slug", "Slug"],
    ["excerpt", "Excerpt"],
    ["language", "Language"],
    ["tags", "Tags"],
    ["bylines", "Bylines"],
    ["isBreaking", "Breaking news"],
  ];
  const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") || "(none)" : typeof v === "boolean" ? (v ? "yes" : "no") : String(v ?? "") || "(empty)");
  const fields =
    from.fields && to.fields
      ? labels
          .filter(([k]) => show(from.fields![k]) !== show(to.fields![k]))
          .map(([k, label]) => ({ label, from: show(from.fields![k]), to: show(to.fields![k]) }))
      : [];
  return {
    from: row(from),
    to: row(to),
    title,
    dek,
    body,
    fields,
    wordsAdded: words(title, "added") + words(body, "added"),
    wordsRemoved: words(title, "removed") + words(body, "removed"),
  };
}

/** A public note shown under a story (update, correction, clarification). */
export interface PublicNote {
  kind: (typeof PUBLIC_NOTE_KINDS)[number];
  note: string;
  at: Date;
  /** Written after the revision being restored: the restored text may not contain its fix. */
  afterRestored: boolean;
}

/** What the editor needs to put an old revision's text back on a live story, unsaved. */
export interface RestoreOffer {
  revisionId: string;
  version: number;
  title: string;
  dek: string;
  body: JSONContent;
  /** Every public note on the story: they stay after a restore (they are the story's record). */
  notes: PublicNote[];
}

/**
 * An old revision's headline, dek and body, for the editor to load into a live story without
 * saving: the restore then goes through the same update / minor-edit question as any save of
 * a live story. Lists the public notes that stay, marking those written after that revision.
 * @throws AppError: not_found (story or revision), forbidden (the viewer cannot edit it).
 */
export async function getRestoreOffer(viewer: Viewer, storyId: string, revisionId: string): Promise<RestoreOffer> {
  const story = await requireVisibleStory(viewer, storyId);
  if (!canEditStory({ id: viewer.id, role: viewer.role }, story)) throw new AppError("forbidden", "You cannot edit this story.");
  const rev = await loadRevision(storyId, revisionId);
  const db = await getDb();
  const notes = await db
    .select({ kind: storyRevisions.kind, note: storyRevisions.note, at: storyRevisions.createdAt, version: storyRevisions.version })
    .from(storyRevisions)
    .where(and(eq(storyRevisions.storyId, storyId), inArray(storyRevisions.kind, [...PUBLIC_NOTE_KINDS]), isNotNull(storyRevisions.note)))
    .orderBy(asc(storyRevisions.createdAt))
    .limit(50);
  return {
    revisionId: rev.id,
    version: rev.version,
    title: rev.title,
    dek: rev.dek,
    body: rev.body as JSONContent,
    notes: notes.map((n) => ({ kind: n.kind as PublicNote["kind"], note: n.note ?? "", at: n.at, afterRestored: n.version > rev.version })),
  };
}

/**
 * Restores a revision's headline, dek and body as a new save (kind "restore"), on top of the
 * version the user is looking at: one click for a story readers cannot see (draft, in
 * review, scheduled, unpublished). Tags, bylines and slug stay as they are now. A live story
 * is refused: its restore goes through the editor (see `getRestoreOffer`), so the desk chooses
 * between an update and a minor edit and sees which public notes stay.
 * @throws AppError: not_found, forbidden (cannot edit), conflict (the story moved on),
 *   bad_request (the story is live).
 */
export async function restoreRevision(
  viewer: Viewer,
  storyId: string,
  revisionId: string,
  baseVersion: number,
  now = new Date(),
): Promise<SavedStory> {
  const story = await requireVisibleStory(viewer, storyId);
  if (isPubliclyVisible(story, now)) {
    throw new AppError("bad_request", "This story is live: open the old version in the editor and save it as an update or a minor edit.");
  }
  const rev = await loadRevision(storyId, revisionId);
  const current = await getDeskStory(viewer, storyId, now);
  return saveStory(
    viewer,
    {
      id: storyId,
      version: baseVersion,
      intent: "save",
      title: rev.title,
      dek: rev.dek,
      body: rev.body as Record<string, unknown>,
      slug: current.slug,
      excerpt: current.excerpt,
      language: current.language,
      tags: current.tags,
      bylineIds: current.bylineIds,
      isBreaking: current.isBreaking,
    },
    now,
    { revisionKind: "restore" },
  );
}
