/**
 * The media library: upload, list, read, edit and delete photos, with permission checks.
 * - Everyone on the desk may upload (media:upload); editors and admins edit and delete any
 *   photo (media:manage); writers edit and delete their own uploads.
 * - A photo used by a story cannot be deleted; its alt text cannot be emptied while a story
 *   readers can see (or that is scheduled) uses it.
 * - Editing a photo re-renders the bodies of the stories that use it, so readers see the new
 *   alt text, caption and credit; callers expire reader caches when `affectsReaders`. A change
 *   readers would see on a published story needs the right to edit that story, and leaves a
 *   revision and an audit entry on it.
 */
import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { storyMedia, stories, storyRevisions, auditLog, liveEntries, liveEntryMedia, media, users } from "@/db/schema";
import { changedFields } from "@/lib/audit/changes";
import type { Viewer } from "@/lib/auth/load-viewer";
import { renderBody } from "@/lib/editor/render";
import { cleanString, cleanText } from "@/lib/text/clean";
import { addressField } from "@/lib/text/urls";
import { getSiteSettings } from "@/lib/site/settings";
import { AppError, parseInput } from "@/lib/errors";
import { can, canEditStory, canSeeStory } from "@/lib/permissions/roles";
import { countOf } from "@/lib/text/count";
import { photoIdsIn, withPhotoAttrs } from "./body";
import { processUpload } from "./process";
import { loadPhotos, mediaUrl } from "./refs";
import { mediaStorage } from "./store";
import type { JSONContent } from "@tiptap/core";

export const MEDIA_PAGE_SIZE = 24;

export interface MediaItem {
  id: string;
  url: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  originalName: string;
  altText: string;
  caption: string;
  creditName: string;
  creditOrg: string;
  creditUrl: string | null;
  usageNotes: string;
  /** A longer account of the photo for staff (an imported WordPress attachment's description); never shown to readers. */
  description: string;
  uploadedBy: { id: string; name: string } | null;
  createdAt: Date;
}

export interface MediaUse {
  storyId: string;
  title: string;
  /** Featured photo, in the body, or in a live blog entry. */
  role: "featured" | "body" | "entry";
  status: string;
}

const itemColumns = {
  id: media.id,
  storageKey: media.storageKey,
  mimeType: media.mimeType,
  width: media.width,
  height: media.height,
  bytes: media.bytes,
  originalName: media.originalName,
  altText: media.altText,
  caption: media.caption,
  creditName: media.creditName,
  creditOrg: media.creditOrg,
  creditUrl: media.creditUrl,
  usageNotes: media.usageNotes,
  description: media.description,
  uploaderId: media.uploadedBy,
  uploaderName: users.name,
  createdAt: media.createdAt,
};

function toItem(r: { storageKey: string; uploaderId: string | null; uploaderName: string | null } & Omit<MediaItem, "url" | "uploadedBy">): MediaItem {
  const { storageKey, uploaderId, uploaderName, ...rest } = r;
  return { ...rest, url: mediaUrl(storageKey), uploadedBy: uploaderId ? { id: uploaderId, name: uploaderName ?? "" } : null };
}

function requireCanEdit(viewer: Viewer, uploaderId: string | null): void {
  if (can(viewer.role, "media:manage")) return;
  if (can(viewer.role, "media:upload") && uploaderId === viewer.id) return;
  throw new AppError("forbidden", "You can change only the photos you uploaded.");
}

/**
 * Checks, stores and records an upload. The same picture uploaded again is the same item.
 * @returns the item, and `duplicate` when it was already in the library.
 * @throws AppError forbidden, too_large, bad_request (see processUpload).
 */
export async function uploadMedia(viewer: Viewer, file: { data: Buffer; name: string }): Promise<{ item: MediaItem; duplicate: boolean }> {
  if (!can(viewer.role, "media:upload")) throw new AppError("forbidden", "Your role cannot upload photos.");
  const name = cleanText(file.name).trim().slice(0, 200);
  const image = await processUpload(file.data, name);
  const db = await getDb();
  const [existing] = await db.select({ id: media.id }).from(media).where(eq(media.contentHash, image.hash)).limit(1);
  if (existing) return { item: await getMediaItem(viewer, existing.id), duplicate: true };
  // The file first: a row never points at a missing file (an orphan file is harmless).
  await mediaStorage().put(image.storageKey, image.data, image.mimeType);
  const inserted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(media)
      .values({
        storageKey: image.storageKey,
        contentHash: image.hash,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        bytes: image.data.byteLength,
        originalName: name,
        uploadedBy: viewer.id,
      })
      .onConflictDoNothing()
      .returning({ id: media.id });
    if (row) await tx.insert(auditLog).values({ actorId: viewer.id, action: "media.upload", entityType: "media", entityId: row.id, details: { name } });
    return row;
  });
  if (!inserted) {
    const [raced] = await db.select({ id: media.id }).from(media).where(eq(media.contentHash, image.hash)).limit(1);
    return { item: await getMediaItem(viewer, raced!.id), duplicate: true };
  }
  return { item: await getMediaItem(viewer, inserted.id), duplicate: false };
}

export interface MediaFilters {
  q?: string;
  uploaderId?: string;
  /** Uploaded on or after this instant. */
  from?: Date;
  /** Uploaded before this instant. */
  to?: Date;
  page?: number;
}

/** Library items, newest first, matching the filters (search in alt text, caption, credit and file name). */
export async function listMedia(viewer: Viewer, f: MediaFilters): Promise<{ items: MediaItem[]; total: number; page: number }> {
  if (!can(viewer.role, "media:upload")) throw new AppError("forbidden", "Your role cannot use the media library.");
  const conditions: SQL[] = [];
  const q = f.q ? cleanText(f.q).trim().slice(0, 200) : "";
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(media.altText, like), ilike(media.caption, like), ilike(media.creditName, like), ilike(media.creditOrg, like), ilike(media.originalName, like)) as SQL,
    );
  }
  if (f.uploaderId && z.uuid().safeParse(f.uploaderId).success) conditions.push(eq(media.uploadedBy, f.uploaderId));
  if (f.from) conditions.push(gte(media.createdAt, f.from));
  if (f.to) conditions.push(lt(media.createdAt, f.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const page = Math.max(1, Math.min(f.page ?? 1, 10_000));
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select(itemColumns)
      .from(media)
      .leftJoin(users, eq(users.id, media.uploadedBy))
      .where(where)
      .orderBy(desc(media.createdAt), desc(media.id))
      .limit(MEDIA_PAGE_SIZE)
      .offset((page - 1) * MEDIA_PAGE_SIZE),
    db.select({ n: count() }).from(media).where(where),
  ]);
  return { items: rows.map(toItem), total: total?.n ?? 0, page };
}

/** One item. @throws AppError not_found */
export async function getMediaItem(viewer: Viewer, id: string): Promise<MediaItem> {
  if (!can(viewer.role, "media:upload")) throw new AppError("forbidden", "Your role cannot use the media library.");
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That photo is not in the library.");
  const db = await getDb();
  const [row] = await db.select(itemColumns).from(media).leftJoin(users, eq(users.id, media.uploadedBy)).where(eq(media.id, id)).limit(1);
  if (!row) throw new AppError("not_found", "That photo is not in the library.");
  return toItem(row);
}

/**
 * The stories that use a photo, and how: those the viewer may open (writers: their own), and
 * how many others there are (their headlines and status are not the viewer's to read).
 * @throws AppError forbidden
 */
export async function listMediaUses(viewer: Viewer, id: string): Promise<{ uses: MediaUse[]; others: number }> {
  if (!can(viewer.role, "media:upload")) throw new AppError("forbidden", "Your role cannot use the media library.");
  const db = await getDb();
  const [storyRows, entryRows] = await Promise.all([
    db
      .select({ storyId: stories.id, title: stories.title, role: storyMedia.role, status: stories.status, createdBy: stories.createdBy })
      .from(storyMedia)
      .innerJoin(stories, eq(stories.id, storyMedia.storyId))
      .where(eq(storyMedia.mediaId, id))
      .orderBy(desc(stories.updatedAt))
      .limit(200),
    // Live blog entries keep their own photo uses (the story's save rewrites story_media).
    db
      .selectDistinct({ storyId: stories.id, title: stories.title, status: stories.status, createdBy: stories.createdBy })
      .from(liveEntryMedia)
      .innerJoin(liveEntries, eq(liveEntries.id, liveEntryMedia.entryId))
      .innerJoin(stories, eq(stories.id, liveEntries.storyId))
      .where(eq(liveEntryMedia.mediaId, id))
      .limit(200),
  ]);
  const rows = [...storyRows, ...entryRows.map((r) => ({ ...r, role: "entry" as const }))];
  const actor = { id: viewer.id, role: viewer.role };
  const uses = rows.filter((r) => canSeeStory(actor, r)).map((r) => ({ storyId: r.storyId, title: r.title, role: r.role, status: r.status }));
  return { uses, others: new Set(rows.filter((r) => !canSeeStory(actor, r)).map((r) => r.storyId)).size };
}

const text = (max: number, what: string) =>
  z
    .string()
    .default("")
    .transform((v) => cleanText(v).replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max, `Keep the ${what} under ${max} characters.`));

export const mediaInputSchema = z.object({
  altText: text(500, "alt text"),
  caption: text(1000, "caption"),
  creditName: text(200, "credit name"),
  creditOrg: text(200, "credit organisation"),
  creditUrl: addressField(500, "credit link", "web").default(""),
  // The staff-only fields are left as they are when absent: the story editor's photo forms do
  // not show them, and must not empty them.
  usageNotes: cleanString(1000, "usage notes").optional(),
  description: cleanString(2000, "description").optional(),
});

/** The fields of a photo that stories show or keep. */
const DETAIL_FIELDS = ["altText", "caption", "creditName", "creditOrg", "creditUrl", "usageNotes", "description"] as const;
/** Fields only staff see: changing them changes nothing readers see. */
const STAFF_ONLY: readonly string[] = ["usageNotes", "description"];

/**
 * Saves a photo's alt text, caption, credit, usage notes and description, and re-renders the
 * stories that show it. Usage notes and description are kept when `raw` leaves them out.
 *
 * A change readers would see on a published (or scheduled) story is a change to that story:
 * it needs the right to edit the story (writers may not edit published stories), and each such
 * story gets a new version, a "minor edit" revision naming the photo and an audit entry.
 * Bodies keep a copy of the photo's details; those of stories readers cannot see are refreshed
 * in place.
 * The stories are locked for the change (`FOR UPDATE`, in id order), so a story save running
 * at the same moment either finishes first (its text is what gets re-rendered) or starts from
 * the new version; neither overwrites the other.
 * @returns whether readers can see a change (a public or scheduled story uses the photo), and
 *   the stories that got a new version (`version`, made from `version - 1`).
 * @throws AppError bad_request (fields), forbidden (the photo, or a published story using it,
 *   is not the viewer's to edit), not_found.
 */
export async function updateMedia(viewer: Viewer, id: string, raw: unknown, now = new Date()): Promise<{ affectsReaders: boolean; revised: { storyId: string; version: number }[] }> {
  const current = await getMediaItem(viewer, id);
  requireCanEdit(viewer, current.uploadedBy?.id ?? null);
  const input = parseInput(mediaInputSchema, raw);
  const next = { ...input, creditUrl: input.creditUrl || null, usageNotes: input.usageNotes ?? current.usageNotes, description: input.description ?? current.description };
  const changes = changedFields(current, next, [...DETAIL_FIELDS]);
  // A save that changes nothing writes nothing (and touches no story).
  if (Object.keys(changes).length === 0) return { affectsReaders: false, revised: [] };
  const readerVisible = Object.keys(changes).some((k) => !STAFF_ONLY.includes(k));
  const actor = { id: viewer.id, role: viewer.role };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: stories.id, body: stories.body, status: stories.status, createdBy: stories.createdBy, version: stories.version, title: stories.title, dek: stories.dek, slug: stories.slug, excerpt: stories.excerpt, language: stories.language, isBreaking: stories.isBreaking, role: storyMedia.role })
      .from(storyMedia)
      .innerJoin(stories, eq(stories.id, storyMedia.storyId))
      .where(eq(storyMedia.mediaId, id))
      .orderBy(stories.id)
      .for("update", { of: stories });
    const users_ = [...new Map(rows.map((r) => [r.id, { ...r, inBody: rows.some((o) => o.id === r.id && o.role === "body") }])).values()];
    const live = users_.filter((u) => u.status === "published");
    if (!input.altText && live.length > 0) {
      throw new AppError("bad_request", "This photo is in a published or scheduled story, so it needs alt text.", { altText: "Required" });
    }
    const barred = readerVisible ? live.filter((u) => !canEditStory(actor, u)) : [];
    if (barred.length > 0) {
      const named = barred.find((u) => canSeeStory(actor, u));
      const which = named ? `“${named.title}”${barred.length > 1 ? ` and ${countOf(barred.length - 1, "other story", "other stories")}` : ""}` : countOf(barred.length, "published story", "published stories");
      throw new AppError("forbidden", `This photo is in ${which}, which readers see: only an editor can change what it shows there. Ask an editor, or upload your own copy of the photo for your story.`);
    }
    await tx.update(media).set({ ...next, updatedAt: now }).where(eq(media.id, id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "media.update", entityType: "media", entityId: id, details: { name: current.originalName, changes } });
    const revised: { storyId: string; version: number }[] = [];
    const changedWords = Object.keys(changes)
      .filter((k) => !STAFF_ONLY.includes(k))
      .map((k) => DETAIL_WORDS[k as keyof typeof DETAIL_WORDS])
      .join(", ");
    for (const u of users_) {
      // Bodies that show the photo carry a snapshot of it: render them again.
      const rendered = u.inBody ? renderBody(withPhotoAttrs(u.body as JSONContent, await loadPhotos(photoIdsIn(u.body), tx))) : null;
      const bodyChanged = rendered !== null && JSON.stringify(rendered.json) !== JSON.stringify(u.body);
      const seenByReaders = readerVisible && u.status === "published";
      if (!seenByReaders) {
        // Readers see nothing of a story that is not published: its body's copy of the photo
        // is refreshed in place (every save refreshes it too), with no new version, so a
        // writer with the draft open meets no conflict over it.
        if (bodyChanged && rendered) await tx.update(stories).set({ body: rendered.json, bodyHtml: rendered.html, bodyText: rendered.text }).where(eq(stories.id, u.id));
        continue;
      }
      const version = u.version + 1;
      await tx
        .update(stories)
        .set({ version, updatedAt: now, updatedBy: viewer.id, ...(bodyChanged && rendered ? { body: rendered.json, bodyHtml: rendered.html, bodyText: rendered.text } : {}) })
        .where(and(eq(stories.id, u.id), eq(stories.version, u.version)));
      const [last] = await tx.select({ fields: storyRevisions.fields }).from(storyRevisions).where(eq(storyRevisions.storyId, u.id)).orderBy(desc(storyRevisions.version)).limit(1);
      const note = `Photo “${current.originalName}”: ${changedWords} changed in the media library.`;
      await tx.insert(storyRevisions).values({
        storyId: u.id,
        version,
        kind: "minor_edit",
        note,
        title: u.title,
        dek: u.dek,
        body: bodyChanged && rendered ? rendered.json : u.body,
        fields: last?.fields ?? { slug: u.slug, excerpt: u.excerpt, language: u.language, tags: [], bylines: [], isBreaking: u.isBreaking },
        createdBy: viewer.id,
        createdAt: now,
      });
      await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.photo_details", entityType: "story", entityId: u.id, details: { version, title: u.title, photo: current.originalName, changes } });
      revised.push({ storyId: u.id, version });
    }
    return { affectsReaders: readerVisible && live.length > 0, revised };
  });
}

/** Words for the photo fields, in revision notes. */
const DETAIL_WORDS = { altText: "alt text", caption: "caption", creditName: "credit", creditOrg: "credit organisation", creditUrl: "credit link", usageNotes: "usage notes", description: "description" } as const;

/**
 * Deletes a photo no story uses and that is not the site's logo (row, then file).
 * @throws AppError conflict (in use, naming a story, or the logo), forbidden, not_found.
 */
export async function deleteMedia(viewer: Viewer, id: string): Promise<void> {
  const current = await getMediaItem(viewer, id);
  requireCanEdit(viewer, current.uploadedBy?.id ?? null);
  const { uses, others } = await listMediaUses(viewer, id);
  if (uses.length + others > 0) {
    // Only headlines the viewer may open are named.
    const named = uses.length > 0 ? `“${uses[0]!.title}”${uses.length + others > 1 ? ` and ${countOf(uses.length + others - 1, "other story", "other stories")}` : ""}` : countOf(others, "story", "stories");
    throw new AppError("conflict", `This photo is used in ${named}. Remove it from those stories first.`);
  }
  if ((await getSiteSettings()).logoUrl === current.url) throw new AppError("conflict", "This photo is the site's logo. Choose another logo in Settings first.");
  const db = await getDb();
  const [row] = await db.select({ storageKey: media.storageKey }).from(media).where(eq(media.id, id)).limit(1);
  await db.transaction(async (tx) => {
    await tx.delete(media).where(eq(media.id, id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "media.delete", entityType: "media", entityId: id, details: { name: current.originalName } });
  });
  if (row) await mediaStorage().remove(row.storageKey);
}

/** Uploaders, for the library's filter. @throws AppError forbidden */
export async function listUploaders(viewer: Viewer): Promise<{ id: string; name: string }[]> {
  if (!can(viewer.role, "media:upload")) throw new AppError("forbidden", "Your role cannot use the media library.");
  const db = await getDb();
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(media)
    .innerJoin(users, eq(users.id, media.uploadedBy))
    .orderBy(users.name)
    .limit(200);
}

