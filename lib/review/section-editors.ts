/**
 * Section editors: admins assign editors (or admins) to a section (a tag); a story submitted
 * for review whose primary tag has any goes to them alone, else to every editor. Audited.
 */
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, sectionEditors, tags, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

/** A person who can be a section editor. */
export interface SectionEditorChoice {
  id: string;
  name: string;
  role: "editor" | "admin";
}

function assertAdmin(viewer: Viewer): void {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins assign section editors.");
}

/** Every active editor and admin, by name: who may be assigned. */
async function candidates(): Promise<SectionEditorChoice[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ["editor", "admin"])))
    .orderBy(asc(users.name));
  return rows as SectionEditorChoice[];
}

/**
 * A section's assigned editors and who could be assigned (admins only).
 * @throws AppError(forbidden) for others; AppError(not_found) for an unknown tag.
 */
export async function getSectionEditors(viewer: Viewer, tagId: string): Promise<{ assigned: string[]; choices: SectionEditorChoice[] }> {
  assertAdmin(viewer);
  if (!z.uuid().safeParse(tagId).success) throw new AppError("not_found", "That tag does not exist.");
  const db = await getDb();
  const [tag] = await db.select({ id: tags.id }).from(tags).where(eq(tags.id, tagId)).limit(1);
  if (!tag) throw new AppError("not_found", "That tag does not exist.");
  const rows = await db.select({ userId: sectionEditors.userId }).from(sectionEditors).where(eq(sectionEditors.tagId, tagId));
  return { assigned: rows.map((r) => r.userId), choices: await candidates() };
}

const inputSchema = z.object({
  userIds: z.array(z.uuid({ error: "Pick editors from the list." })).max(50, "At most 50 section editors."),
});

/**
 * Sets a section's editors to exactly `userIds` (active editors or admins), audited with the
 * names before and after.
 * @throws AppError: forbidden (not an admin), not_found (unknown tag), bad_request (someone who
 *   is not an active editor or admin).
 */
export async function setSectionEditors(viewer: Viewer, tagId: string, raw: unknown): Promise<string[]> {
  assertAdmin(viewer);
  const { userIds } = parseInput(inputSchema, raw);
  const wanted = [...new Set(userIds)];
  const current = await getSectionEditors(viewer, tagId);
  const choices = new Map(current.choices.map((c) => [c.id, c.name]));
  if (wanted.some((id) => !choices.has(id))) throw new AppError("bad_request", "Only active editors and admins can edit a section.", { userIds: "Not an editor" });
  const before = current.assigned;
  const same = before.length === wanted.length && wanted.every((id) => before.includes(id));
  if (same) return wanted;
  const db = await getDb();
  const names = async (ids: string[]) => (ids.length ? (await db.select({ name: users.name }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name))).map((r) => r.name).join(", ") : "");
  const [fromNames, toNames] = [await names(before), await names(wanted)];
  const [tag] = await db.select({ name: tags.name }).from(tags).where(eq(tags.id, tagId)).limit(1);
  await db.transaction(async (tx) => {
    await tx.delete(sectionEditors).where(eq(sectionEditors.tagId, tagId));
    if (wanted.length) await tx.insert(sectionEditors).values(wanted.map((userId) => ({ tagId, userId })));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "tag.section_editors",
      entityType: "tag",
      entityId: tagId,
      details: { name: tag?.name ?? "", changes: { sectionEditors: { from: fromNames, to: toNames } } },
    });
  });
  return wanted;
}
