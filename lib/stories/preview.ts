/**
 * Seeing a story before readers do: the desk's preview (signed in, anyone who may open the
 * story) and shareable preview links (no sign-in, until they expire or are revoked).
 *
 * A preview link is `/preview/<link id>.<secret>`: the id names the row and is not secret; the
 * secret is 32 random bytes (base64url), of which only the SHA-256 is stored and compared in
 * constant time (`crypto.timingSafeEqual`), the split-token pattern (OWASP Forgot Password
 * Cheat Sheet, "URL tokens"). An unknown, revoked or expired link and a link to a story in the
 * trash all answer the same "no such preview", so a link tells nothing about the story once it
 * stops working.
 */
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, bylines, previewLinks, tags, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, parseInput } from "@/lib/errors";
import { canSeeStory } from "@/lib/permissions/roles";
import { directionOf } from "@/lib/i18n/languages";
import { loadPhotos } from "@/lib/media/refs";
import { cleanString } from "@/lib/text/clean";
import { makeSlug } from "@/lib/text/slug";
import { storyInputSchema } from "./story-schema";
import { prepareContent } from "./desk";
import { cutExcerpt } from "./excerpt";
import { getStoryForPreview, type PreviewStory, type PublicStory } from "./queries";

/** How long a new preview link works unless the desk says otherwise, in days. */
export const PREVIEW_LINK_DEFAULT_DAYS = 7;
/** The longest a preview link may work, in days. */
export const PREVIEW_LINK_MAX_DAYS = 90;

const DAY_MS = 24 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/i;

const sha256 = (secret: string) => createHash("sha256").update(secret).digest();

/** A preview link as the desk lists it (its secret is never shown again after creation). */
export interface PreviewLinkView {
  id: string;
  label: string;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  useCount: number;
  lastUsedAt: Date | null;
  /** Working now: not revoked, not expired. */
  active: boolean;
}

/** Loads a story for a desk user and checks they may open it. @throws AppError not_found */
async function storyFor(viewer: Viewer, storyId: string, now: Date): Promise<PreviewStory> {
  const preview = await getStoryForPreview(storyId, now);
  if (!preview || !canSeeStory({ id: viewer.id, role: viewer.role }, preview)) throw new AppError("not_found", "No such story.");
  return preview;
}

/**
 * The desk's preview of a story: its current saved state, whatever its status.
 * @throws AppError not_found (no such story, in the trash, or not the viewer's to open).
 */
export async function previewForViewer(viewer: Viewer, storyId: string, now = new Date()): Promise<PreviewStory> {
  return storyFor(viewer, storyId, now);
}

/** Stands for a tag or story that is not saved yet: a valid id that names nothing. */
const NOTHING = "00000000-0000-0000-0000-000000000000";

/**
 * The live preview: the editor's unsaved fields as the reader page would show them, for a
 * story the viewer may open (or a new one). Nothing is written. Tags not created yet show by
 * name; the dates, notes and search fields are the saved story's (now, for a story never
 * published).
 * @param raw the editor's save input (the same shape a save sends).
 * @throws AppError: bad_request (unreadable fields or body, a photo not in the library),
 *   too_large, not_found (the story is not the viewer's to open).
 */
export async function previewOfUnsaved(viewer: Viewer, raw: unknown, now = new Date()): Promise<PreviewStory> {
  const input = parseInput(storyInputSchema, raw);
  const saved = input.id ? await storyFor(viewer, input.id, now) : null;
  const content = await prepareContent(input);
  const db = await getDb();
  const wanted = input.tags.map((t) => t.toLowerCase());
  const [tagRows, bylineRows] = await Promise.all([
    wanted.length ? db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(inArray(sql`lower(${tags.name})`, wanted)) : [],
    input.bylineIds.length ? db.select({ id: bylines.id, slug: bylines.slug, name: bylines.name }).from(bylines).where(inArray(bylines.id, input.bylineIds)) : [],
  ]);
  const tagRefs = input.tags.map((name) => tagRows.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? { id: NOTHING, slug: makeSlug(name, "tag"), name });
  const bylineRefs = input.bylineIds.flatMap((id) => bylineRows.filter((b) => b.id === id));
  const featuredId = content.featuredInput === undefined ? (saved?.story.photo?.id ?? null) : content.featuredInput;
  const photo = featuredId ? (content.photos.get(featuredId) ?? (await loadPhotos([featuredId])).get(featuredId) ?? null) : null;
  const publishedAt = saved?.publishedAt ?? now;
  const story: PublicStory = {
    id: saved?.story.id ?? NOTHING,
    slug: input.slug ? makeSlug(input.slug, "story") : (saved?.story.slug ?? makeSlug(input.title, "story")),
    title: input.title,
    dek: input.dek,
    excerpt: input.excerpt.trim() || cutExcerpt(content.rendered.text),
    language: input.language,
    direction: directionOf(input.language),
    publishedAt,
    lastUpdatedAt: saved?.story.lastUpdatedAt ?? publishedAt,
    breaking: input.isBreaking,
    isLive: saved?.story.isLive ?? false,
    section: tagRefs[0] ?? null,
    bylines: bylineRefs,
    photo,
    bodyHtml: content.rendered.html,
    notes: saved?.story.notes ?? [],
    tags: tagRefs,
    seoTitle: saved?.story.seoTitle ?? "",
    seoDescription: saved?.story.seoDescription ?? "",
    canonicalUrl: saved?.story.canonicalUrl ?? null,
    live: saved?.story.live ?? null,
    translations: saved?.story.translations ?? [],
    isTranslation: saved?.story.isTranslation ?? false,
    translationGroupId: saved?.story.translationGroupId ?? null,
  };
  return { story, status: saved?.status ?? "draft", publishedAt: saved?.publishedAt ?? null, embargoUntil: saved?.embargoUntil ?? null, createdBy: saved?.createdBy ?? viewer.id };
}

const createSchema = z.object({
  label: cleanString(120, "label").default(""),
  days: z.coerce
    .number({ error: "Choose how many days the link works." })
    .int("Choose a whole number of days.")
    .min(1, "A link works for at least 1 day.")
    .max(PREVIEW_LINK_MAX_DAYS, `A link works for at most ${PREVIEW_LINK_MAX_DAYS} days.`)
    .default(PREVIEW_LINK_DEFAULT_DAYS),
});

/**
 * Creates a shareable preview link for a story the viewer may open (editors: any story;
 * writers: their own).
 * @param raw `{ label?, days? }` (days 1–90, default 7).
 * @returns the link's path (`/preview/<id>.<secret>`, shown once) and its listing.
 * @throws AppError not_found, bad_request (label or days).
 */
export async function createPreviewLink(viewer: Viewer, storyId: string, raw: unknown, now = new Date()): Promise<{ path: string; link: PreviewLinkView }> {
  await storyFor(viewer, storyId, now);
  const input = parseInput(createSchema, raw);
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(previewLinks)
      .values({ storyId, secretHash: sha256(secret).toString("hex"), label: input.label, createdBy: viewer.id, createdAt: now, expiresAt })
      .returning();
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "preview_link.create", entityType: "story", entityId: storyId, details: { label: input.label, expiresAt: expiresAt.toISOString() }, createdAt: now });
    return created!;
  });
  return { path: `/preview/${row.id}.${secret}`, link: toView({ ...row, createdByName: viewer.name }, now) };
}

function toView(row: typeof previewLinks.$inferSelect & { createdByName: string | null }, now: Date): PreviewLinkView {
  return {
    id: row.id,
    label: row.label,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    useCount: row.useCount,
    lastUsedAt: row.lastUsedAt,
    active: !row.revokedAt && row.expiresAt > now,
  };
}

/**
 * A story's preview links, newest first (working and stopped ones).
 * @throws AppError not_found
 */
export async function listPreviewLinks(viewer: Viewer, storyId: string, now = new Date()): Promise<PreviewLinkView[]> {
  await storyFor(viewer, storyId, now);
  const db = await getDb();
  const rows = await db
    .select({ link: previewLinks, createdByName: users.name })
    .from(previewLinks)
    .leftJoin(users, eq(users.id, previewLinks.createdBy))
    .where(eq(previewLinks.storyId, storyId))
    .orderBy(desc(previewLinks.createdAt))
    .limit(100);
  return rows.map((r) => toView({ ...r.link, createdByName: r.createdByName }, now));
}

/**
 * Stops a preview link at once; the audit log records how often it was used.
 * @throws AppError not_found (no such link, or its story is not the viewer's to open).
 */
export async function revokePreviewLink(viewer: Viewer, linkId: string, now = new Date()): Promise<void> {
  if (!UUID.test(linkId)) throw new AppError("not_found", "No such preview link.");
  const db = await getDb();
  const [link] = await db.select().from(previewLinks).where(eq(previewLinks.id, linkId)).limit(1);
  if (!link) throw new AppError("not_found", "No such preview link.");
  await storyFor(viewer, link.storyId, now);
  if (link.revokedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(previewLinks).set({ revokedAt: now }).where(eq(previewLinks.id, linkId));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "preview_link.revoke", entityType: "story", entityId: link.storyId, details: { label: link.label, uses: link.useCount }, createdAt: now });
  });
}

/**
 * Opens a preview link: the story's current saved state, and one more use counted.
 * @param token the part of the address after `/preview/`.
 * @returns null for a malformed, unknown, revoked or expired link, or a story in the trash
 *   (all alike, so a dead link tells nothing).
 */
export async function openPreviewLink(token: string, now = new Date()): Promise<PreviewStory | null> {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, id, secret] = match;
  const db = await getDb();
  const [link] = await db.select().from(previewLinks).where(eq(previewLinks.id, id!)).limit(1);
  // The hash is compared even for an unknown id, so timing does not tell ids apart.
  const expected = link ? Buffer.from(link.secretHash, "hex") : Buffer.alloc(32);
  const matches = timingSafeEqual(expected, sha256(secret!)) && !!link;
  if (!matches || !link || link.revokedAt || link.expiresAt <= now) return null;
  const preview = await getStoryForPreview(link.storyId, now);
  if (!preview) return null;
  await db
    .update(previewLinks)
    .set({ useCount: sql`${previewLinks.useCount} + 1`, lastUsedAt: now })
    .where(eq(previewLinks.id, link.id));
  return preview;
}
