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
import { articleAuthors, auditLog, authors, bylineRedirects, users } from "@/db/schema";
import { makeSlug } from "@/lib/articles/slug";
import { assertSlugFree, BYLINE_SLUGS, moveSlug } from "@/lib/articles/slug-redirects";
import type { Viewer } from "@/lib/auth/load-viewer";
import { cleanString } from "@/lib/text/clean";
import { isSafeUrl } from "@/lib/editor/urls";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

export interface BylineRow {
  id: string;
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  photoUrl: string | null;
  retired: boolean;
  userId: string | null;
  userEmail: string | null;
  stories: number;
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
      id: authors.id,
      slug: authors.slug,
      name: authors.name,
      jobTitle: authors.jobTitle,
      bio: authors.bio,
      photoUrl: authors.photoUrl,
      retired: authors.retired,
      userId: authors.userId,
      userEmail: users.email,
      stories: sql<number>`(select count(*)::int from ${articleAuthors} where ${articleAuthors.authorId} = ${authors.id})`,
    })
    .from(authors)
    .leftJoin(users, eq(users.id, authors.userId))
    .orderBy(asc(authors.retired), asc(authors.name))
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
  photoUrl: text(500, "photo address")
    .refine((v) => v === "" || (isSafeUrl(v) && !/^(mailto|tel):/i.test(v)), { message: "The photo must be a web address (https://…) or a path (/…)." })
    .default(""),
  /** A user to link (staff byline), or "" for a guest or wire byline. */
  userId: z.union([z.uuid(), z.literal("")]).default(""),
});

function parse(raw: unknown) {
  return parseInput(bylineInputSchema, raw);
}

async function checkUserFree(tx: Db, userId: string, exceptId?: string) {
  if (!userId) return;
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("bad_request", "No such user.", { userId: "No such user." });
  const [linked] = await tx
    .select({ id: authors.id, name: authors.name })
    .from(authors)
    .where(exceptId ? and(eq(authors.userId, userId), ne(authors.id, exceptId)) : eq(authors.userId, userId))
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
  return db.transaction(async (tx) => {
    await assertSlugFree(tx, BYLINE_SLUGS, slug);
    await checkUserFree(tx, input.userId);
    const [row] = await tx
      .insert(authors)
      .values({ slug, name: input.name, jobTitle: input.jobTitle, bio: input.bio, photoUrl: input.photoUrl || null, userId: input.userId || null })
      .returning({ id: authors.id });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "byline.create", entityType: "byline", entityId: row!.id, details: { name: input.name, slug } });
    return row!.id;
  });
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
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(authors).where(eq(authors.id, id)).limit(1);
    if (!current) throw new AppError("not_found", "No such byline.");
    const slug = input.slug ? makeSlug(input.slug, current.slug) : current.slug;
    if (slug !== current.slug) {
      await assertSlugFree(tx, BYLINE_SLUGS, slug, id);
      await moveSlug(tx, BYLINE_SLUGS, { id, from: current.slug, to: slug });
    }
    await checkUserFree(tx, input.userId, id);
    await tx
      .update(authors)
      .set({ slug, name: input.name, jobTitle: input.jobTitle, bio: input.bio, photoUrl: input.photoUrl || null, userId: input.userId || null, updatedAt: new Date() })
      .where(eq(authors.id, id));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "byline.update",
      entityType: "byline",
      entityId: id,
      details: { name: { from: current.name, to: input.name }, slug: { from: current.slug, to: slug } },
    });
    return { slug, oldSlug: current.slug };
  });
}

/** Retires or restores a byline: retired ones stay on their stories but are not offered on the desk. */
export async function setBylineRetired(viewer: Viewer, id: string, retired: boolean): Promise<void> {
  requireManage(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No such byline.");
  const db = await getDb();
  const updated = await db.update(authors).set({ retired, updatedAt: new Date() }).where(eq(authors.id, id)).returning({ id: authors.id });
  if (!updated.length) throw new AppError("not_found", "No such byline.");
  await db.insert(auditLog).values({ actorId: viewer.id, action: retired ? "byline.retire" : "byline.restore", entityType: "byline", entityId: id });
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
  return db.transaction(async (tx) => {
    const both = await tx.select().from(authors).where(inArray(authors.id, [fromId, intoId]));
    const from = both.find((a) => a.id === fromId);
    const into = both.find((a) => a.id === intoId);
    if (!from || !into) throw new AppError("not_found", "No such byline.");
    // Stories that already carry the survivor just lose the merged byline.
    const already = await tx.select({ articleId: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, intoId));
    const dup = already.map((a) => a.articleId);
    if (dup.length) await tx.delete(articleAuthors).where(and(eq(articleAuthors.authorId, fromId), inArray(articleAuthors.articleId, dup)));
    await tx.update(articleAuthors).set({ authorId: intoId }).where(eq(articleAuthors.authorId, fromId));
    await tx.update(bylineRedirects).set({ authorId: intoId }).where(eq(bylineRedirects.authorId, fromId));
    if (!into.userId && from.userId) await tx.update(authors).set({ userId: null }).where(eq(authors.id, fromId));
    await tx.delete(authors).where(eq(authors.id, fromId));
    await BYLINE_SLUGS.addRedirect(tx, from.slug, intoId);
    if (!into.userId && from.userId) await tx.update(authors).set({ userId: from.userId }).where(eq(authors.id, intoId));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "byline.merge",
      entityType: "byline",
      entityId: intoId,
      details: { merged: { id: fromId, name: from.name, slug: from.slug } },
    });
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(articleAuthors).where(eq(articleAuthors.authorId, fromId));
    if (n !== 0) throw new Error("merge left stories on the old byline");
    return { fromSlug: from.slug, intoSlug: into.slug };
  });
}

/** Users that can be linked to a byline (admins' form). */
export async function listLinkableUsers(viewer: Viewer): Promise<{ id: string; label: string }[]> {
  requireManage(viewer);
  const db = await getDb();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name)).limit(1000);
  return rows.map((r) => ({ id: r.id, label: `${r.name} <${r.email}>` }));
}
