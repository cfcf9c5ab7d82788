/**
 * Bylines (author profiles) on the desk. Admins create, edit, retire and merge them; editors
 * may list them (to pick) but not change them. A byline may be linked to one user (staff) or
 * not (a guest, a freelancer, a wire service).
 *
 * Renaming a byline's slug or merging it away leaves a redirect from the old byline page.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { storyBylines, auditLog, bylines, bylineRedirects, users, type Translations } from "@/db/schema";
import { changedFields } from "@/lib/audit/changes";
import { makeSlug } from "@/lib/text/slug";
import { assertSlugFree, BYLINE_SLUGS, moveSlug } from "@/lib/stories/slug-redirects";
import type { Viewer } from "@/lib/auth/load-viewer";
import { cleanString } from "@/lib/text/clean";
import { addressField } from "@/lib/text/urls";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceBylineChange } from "@/lib/webhooks/taxonomy-events";
import { refreshSearchTerms } from "@/lib/search/terms";
import { gatherTranslationFields, translationsSchema } from "@/lib/i18n/translation-fields";
import { BYLINE_PROFILE, type BylinePage } from "@/lib/stories/queries";

export interface BylineRow extends BylinePage {
  retired: boolean;
  userId: string | null;
  userEmail: string | null;
  stories: number;
  /** Name, job title and bio in other languages. */
  translations: Translations<"name" | "jobTitle" | "bio">;
}

function requireManage(viewer: Viewer): void {
  if (!can(viewer.role, "byline:manage")) throw new AppError("forbidden", "Only admins can change bylines.");
}

/** Every byline with its story count (editors and admins). @throws AppError(forbidden) for writers. */
export async function listBylines(viewer: Viewer): Promise<BylineRow[]> {
  if (!can(viewer.role, "story:set-any-byline") && !can(viewer.role, "byline:manage")) {
    throw new AppError("forbidden", "Writers cannot manage bylines.");
  }
  const db = await getDb();
  return db
    .select({
      ...BYLINE_PROFILE,
      retired: bylines.retired,
      userId: bylines.userId,
      userEmail: users.email,
      translations: bylines.translations,
      stories: sql<number>`(select count(*)::int from ${storyBylines} where ${storyBylines.bylineId} = ${bylines.id})`,
    })
    .from(bylines)
    .leftJoin(users, eq(users.id, bylines.userId))
    .orderBy(asc(bylines.retired), asc(bylines.name))
    .limit(1000);
}

/** One byline. @throws AppError(forbidden | not_found) */
export async function getByline(viewer: Viewer, id: string): Promise<BylineRow> {
  const rows = await listBylines(viewer);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError("not_found", "No such byline.");
  return row;
}

const text = (max: number, label: string) => cleanString(max, label);

export const bylineInputSchema = z.object({
  name: text(120, "display name").pipe(z.string().min(1, "A byline needs a display name.")),
  slug: text(100, "slug").default(""),
  jobTitle: text(120, "job title").default(""),
  bio: text(1000, "bio").default(""),
  photoUrl: addressField(500, "photo address", "web").default(""),
  /** A user to link (staff byline), or "" for a guest or wire byline. */
  userId: z.union([z.uuid(), z.literal("")]).default(""),
  /** The name, job title and bio in other languages ("name:fa" on forms); absent keeps the current ones. */
  translations: translationsSchema({ name: { max: 120, label: "display name" }, jobTitle: { max: 120, label: "job title" }, bio: { max: 1000, label: "bio" } }).optional(),
});

const TRANSLATED_FIELDS = ["name", "jobTitle", "bio"];

/** Byline fields from a form or an object; per-language fields ("name:fa") become `translations`. */
function parse(raw: unknown) {
  const gathered = gatherTranslationFields(raw, TRANSLATED_FIELDS) as Record<string, unknown>;
  const sent = raw && typeof raw === "object" && Object.keys(raw).some((k) => k === "translations" || TRANSLATED_FIELDS.some((f) => k.startsWith(`${f}:`)));
  if (!sent) delete gathered.translations;
  return parseInput(bylineInputSchema, gathered);
}

async function checkUserFree(tx: Db, userId: string, exceptId?: string) {
  if (!userId) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("bad_request", "No such user.", { userId: "No such user." });
  const [linked] = await tx
    .select({ id: bylines.id, name: bylines.name })
    .from(bylines)
    .where(exceptId ? and(eq(bylines.userId, userId), ne(bylines.id, exceptId)) : eq(bylines.userId, userId))
    .limit(1);
  if (linked) throw new AppError("conflict", `That user already has the byline "${linked.name}".`, { userId: "Already linked." });
}

/**
 * Creates a byline (admins). @returns its id.
 * @throws AppError: forbidden, bad_request (field errors), conflict (slug or user taken).
 */
export async function createByline(viewer: Viewer, raw: unknown): Promise<string> {
  requireManage(viewer);
  const input = parse(raw);
  const slug = makeSlug(input.slug || input.name, `byline-${createHash("sha256").update(input.name).digest("hex").slice(0, 8)}`);
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertSlugFree(tx, BYLINE_SLUGS, slug);
    await checkUserFree(tx, input.userId);
    const [row] = await tx
      .insert(bylines)
      .values({ slug, name: input.name, jobTitle: input.jobTitle, bio: input.bio, photoUrl: input.photoUrl || null, userId: input.userId || null, translations: input.translations ?? {} })
      .returning({ id: bylines.id });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "byline.create", entityType: "byline", entityId: row!.id, details: { name: input.name, slug } });
    await announceBylineChange(tx, "created", { id: row!.id, slug, name: input.name });
    return row!.id;
  });
  nudgeWebhookWorker();
  return id;
}

/**
 * Edits a byline (admins). A new slug leaves a redirect from the old one.
 * @throws AppError: forbidden, not_found, bad_request, conflict.
 */
export async function updateByline(viewer: Viewer, id: string, raw: unknown): Promise<{ slug: string; oldSlug: string }> {
  requireManage(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No such byline.");
  const input = parse(raw);
  const db = await getDb();
  const moved = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(bylines).where(eq(bylines.id, id)).limit(1);
    if (!current) throw new AppError("not_found", "No such byline.");
    const slug = input.slug ? makeSlug(input.slug, current.slug) : current.slug;
    if (slug !== current.slug) {
      await assertSlugFree(tx, BYLINE_SLUGS, slug, id);
      await moveSlug(tx, BYLINE_SLUGS, { id, from: current.slug, to: slug });
    }
    await checkUserFree(tx, input.userId, id);
    const next = { slug, name: input.name, jobTitle: input.jobTitle, bio: input.bio, photoUrl: input.photoUrl || null, userId: input.userId || null, translations: input.translations ?? current.translations };
    const changes = changedFields(current, next, ["name", "slug", "jobTitle", "bio", "photoUrl", "userId", "translations"]);
    if (Object.keys(changes).length === 0) return { slug, oldSlug: current.slug };
    await tx.update(bylines).set({ ...next, updatedAt: new Date() }).where(eq(bylines.id, id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "byline.update", entityType: "byline", entityId: id, details: { name: input.name, changes } });
    await announceBylineChange(tx, "updated", { id, slug, name: input.name }, { previousSlug: current.slug });
    if (changes.name || changes.translations) await refreshSearchTerms(tx, { bylineId: id });
    return { slug, oldSlug: current.slug };
  });
  nudgeWebhookWorker();
  return moved;
}

/** Retires or restores a byline: retired ones stay on their stories but are not offered on the desk. */
export async function setBylineRetired(viewer: Viewer, id: string, retired: boolean): Promise<void> {
  requireManage(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No such byline.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(bylines).set({ retired, updatedAt: new Date() }).where(eq(bylines.id, id)).returning({ id: bylines.id, slug: bylines.slug, name: bylines.name });
    if (!row) throw new AppError("not_found", "No such byline.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: retired ? "byline.retire" : "byline.restore", entityType: "byline", entityId: id });
    await announceBylineChange(tx, retired ? "retired" : "restored", row);
  });
  nudgeWebhookWorker();
}

/**
 * Merges byline `fromId` into `intoId`: its stories move to the survivor (keeping their byline
 * order), its page redirects to the survivor's, and it is deleted.
 * @throws AppError: forbidden, not_found, bad_request (same byline).
 */
export async function mergeBylines(viewer: Viewer, fromId: string, intoId: string): Promise<{ fromSlug: string; intoSlug: string }> {
  requireManage(viewer);
  if (fromId === intoId) throw new AppError("bad_request", "Pick another byline to merge into.", { intoId: "Same byline" });
  if (!z.uuid().safeParse(fromId).success || !z.uuid().safeParse(intoId).success) throw new AppError("not_found", "No such byline.");
  const db = await getDb();
  const merged = await db.transaction(async (tx) => {
    const both = await tx.select().from(bylines).where(inArray(bylines.id, [fromId, intoId]));
    const from = both.find((a) => a.id === fromId);
    const into = both.find((a) => a.id === intoId);
    if (!from || !into) throw new AppError("not_found", "No such byline.");
    // Stories that already carry the survivor just lose the merged byline.
    const already = await tx.select({ storyId: storyBylines.storyId }).from(storyBylines).where(eq(storyBylines.bylineId, intoId));
    const dup = already.map((a) => a.storyId);
    if (dup.length) await tx.delete(storyBylines).where(and(eq(storyBylines.bylineId, fromId), inArray(storyBylines.storyId, dup)));
    await tx.update(storyBylines).set({ bylineId: intoId }).where(eq(storyBylines.bylineId, fromId));
    await tx.update(bylineRedirects).set({ bylineId: intoId }).where(eq(bylineRedirects.bylineId, fromId));
    if (!into.userId && from.userId) await tx.update(bylines).set({ userId: null }).where(eq(bylines.id, fromId));
    await tx.delete(bylines).where(eq(bylines.id, fromId));
    await BYLINE_SLUGS.addRedirect(tx, from.slug, intoId);
    if (!into.userId && from.userId) await tx.update(bylines).set({ userId: from.userId }).where(eq(bylines.id, intoId));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "byline.merge",
      entityType: "byline",
      entityId: intoId,
      details: { merged: { id: fromId, name: from.name, slug: from.slug } },
    });
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(storyBylines).where(eq(storyBylines.bylineId, fromId));
    if (n !== 0) throw new Error("merge left stories on the old byline");
    await announceBylineChange(tx, "merged", from, { mergedInto: into });
    await refreshSearchTerms(tx, { bylineId: intoId });
    return { fromSlug: from.slug, intoSlug: into.slug };
  });
  nudgeWebhookWorker();
  return merged;
}

/** Users that can be linked to a byline (admins' form). */
export async function listLinkableUsers(viewer: Viewer): Promise<{ id: string; label: string }[]> {
  requireManage(viewer);
  const db = await getDb();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name)).limit(1000);
  return rows.map((r) => ({ id: r.id, label: `${r.name} <${r.email}>` }));
}
