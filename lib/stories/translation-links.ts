/**
 * The translation link written with a new translation's save (lib/stories/desk.ts calls it in
 * the save's transaction; lib/stories/translations.ts has the desk's translation functions).
 */
import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { stories } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";

/** The moment a story's content last changed for translators: its public last update, or its last change while not public. */
export function changedAt(row: { lastUpdatedAt: Date | null; updatedAt: Date; status: string }): Date {
  return row.status === "published" && row.lastUpdatedAt ? row.lastUpdatedAt : row.updatedAt;
}

/**
 * Links a story just created in transaction `tx` into its source's translation group (making
 * the group when the source has none), in the same transaction. The source row is locked
 * first, so two translations into one language started at the same moment cannot both land.
 * @throws AppError(conflict) when the group already has a version in `language`.
 */
export async function linkNewTranslation(tx: Db, o: { sourceId: string; newId: string; language: string }): Promise<void> {
  const [source] = await tx.select().from(stories).where(eq(stories.id, o.sourceId)).for("update").limit(1);
  if (!source) throw new AppError("not_found", "That story does not exist.");
  const groupId = source.translationGroupId ?? source.id;
  if (!source.translationGroupId) await tx.update(stories).set({ translationGroupId: groupId }).where(eq(stories.id, source.id));
  await assertGroupLanguageFree(tx, { groupId, language: o.language, exceptId: o.newId });
  await tx
    .update(stories)
    .set({ translationGroupId: groupId, translatedFromId: source.id, translationSyncedAt: changedAt(source) })
    .where(eq(stories.id, o.newId));
}

/** The desk's name of a language code ("fa" → "Dari (دری)"), or the code. */
export function languageName(code: string): string {
  return STORY_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}


/**
 * Refuses a second version in one language within a translation group (trashed versions do
 * not count). Called when a translation is made and when a linked story's language changes.
 * @throws AppError(conflict) naming the version that has the language.
 */
export async function assertGroupLanguageFree(tx: Db, o: { groupId: string; language: string; exceptId: string }): Promise<void> {
  const [taken] = await tx
    .select({ id: stories.id, title: stories.title })
    .from(stories)
    .where(and(eq(stories.translationGroupId, o.groupId), eq(stories.language, o.language), ne(stories.id, o.exceptId), isNull(stories.trashedAt)))
    .limit(1);
  if (taken) throw new AppError("conflict", `This story already has a version in ${languageName(o.language)}: “${taken.title}”.`, { language: "Already translated" });
}
