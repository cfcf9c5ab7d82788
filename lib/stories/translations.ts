/**
 * Translations on the desk: the versions of one story in other languages, linked in a
 * translation group. A translation starts as a draft copy of its source (headline, dek, body,
 * tags, featured photo) in the new language, for the translator to rewrite; it remembers which
 * version of the source it reflects, so the desk can say when the source was updated after it.
 *
 * Readers see only public versions of a group (lib/stories/translations-public.ts).
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, stories } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import { canSeeStory, canEditStory } from "@/lib/permissions/roles";
import { deskStatus, type DeskStatus } from "./story-schema";
import { actorOf, getDeskStory, saveStory, type SavedStory } from "./desk";
import { changedAt, languageName } from "./translation-links";

export { languageName } from "./translation-links";

/** One version of a story in its translation group, as the desk lists it. */
export interface TranslationVersion {
  id: string;
  language: string;
  title: string;
  status: DeskStatus;
  /** The story this version was translated from (null: the original, or its source was deleted). */
  translatedFromId: string | null;
  /** When the version last changed at all. */
  updatedAt: Date;
}

/** Where a translation stands against the version it was translated from. */
export interface TranslationSync {
  source: { id: string; language: string; title: string };
  /** The source's last update (its "Last Updated On" once public, else its last change). */
  sourceChangedAt: Date;
  /** The source's state this translation reflects. */
  syncedAt: Date | null;
  /** True when the source changed after the translation was made or last marked caught up. */
  behind: boolean;
}

const languageCodes = STORY_LANGUAGES.map((l) => l.code) as [string, ...string[]];
const languageSchema = z.enum(languageCodes, { error: "Pick a language from the list." });

async function visibleStory(viewer: Viewer, id: string) {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "That story does not exist.");
  const db = await getDb();
  const [row] = await db.select().from(stories).where(eq(stories.id, id)).limit(1);
  if (!row || !canSeeStory(actorOf(viewer), row)) throw new AppError("not_found", "That story does not exist.");
  return row;
}

/**
 * The story's translation group as the viewer may see it: every version (itself included),
 * not trashed, in the order of the desk's language list.
 * @throws AppError(not_found) when the viewer cannot see the story.
 */
export async function listTranslations(viewer: Viewer, storyId: string, now = new Date()): Promise<TranslationVersion[]> {
  const story = await visibleStory(viewer, storyId);
  if (!story.translationGroupId) return [];
  const db = await getDb();
  const rows = await db
    .select()
    .from(stories)
    .where(and(eq(stories.translationGroupId, story.translationGroupId), isNull(stories.trashedAt)))
    .orderBy(asc(stories.createdAt));
  const order = (language: string) => {
    const i = languageCodes.indexOf(language);
    return i < 0 ? languageCodes.length : i;
  };
  return rows
    .filter((r) => canSeeStory(actorOf(viewer), r))
    .sort((a, b) => order(a.language) - order(b.language))
    .map((r) => ({
      id: r.id,
      language: r.language,
      title: r.title,
      status: deskStatus(r.status, r.publishedAt, now, r.unpublishAt),
      translatedFromId: r.translatedFromId,
      updatedAt: r.updatedAt,
    }));
}

/**
 * Whether the story, a translation, is behind the version it was translated from; null for a
 * story that is not a translation, whose source is gone or trashed, or whose source the viewer
 * may not see.
 * @throws AppError(not_found) when the viewer cannot see the story.
 */
export async function translationSync(viewer: Viewer, storyId: string): Promise<TranslationSync | null> {
  const story = await visibleStory(viewer, storyId);
  if (!story.translatedFromId) return null;
  const db = await getDb();
  const [source] = await db
    .select()
    .from(stories)
    .where(and(eq(stories.id, story.translatedFromId), isNull(stories.trashedAt)))
    .limit(1);
  // The source's headline and state are shown only to someone who may see that story.
  if (!source || !canSeeStory(actorOf(viewer), source)) return null;
  const sourceChangedAt = changedAt(source);
  return {
    source: { id: source.id, language: source.language, title: source.title },
    sourceChangedAt,
    syncedAt: story.translationSyncedAt,
    behind: !story.translationSyncedAt || sourceChangedAt > story.translationSyncedAt,
  };
}

/**
 * Records that a translation now reflects its source as the source stands: the "source was
 * updated" notice goes away until the source changes again.
 * @throws AppError: not_found (cannot see it), forbidden (cannot edit it), bad_request (not a translation).
 */
export async function markTranslationCaughtUp(viewer: Viewer, storyId: string): Promise<void> {
  const story = await visibleStory(viewer, storyId);
  if (!canEditStory(actorOf(viewer), story)) throw new AppError("forbidden", "You cannot edit this story.");
  if (!story.translatedFromId) throw new AppError("bad_request", "This story is not a translation.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [source] = await tx.select().from(stories).where(eq(stories.id, story.translatedFromId!)).limit(1);
    if (!source) throw new AppError("bad_request", "The story this was translated from no longer exists.");
    await tx.update(stories).set({ translationSyncedAt: changedAt(source) }).where(eq(stories.id, story.id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "story.translation_synced", entityType: "story", entityId: story.id, details: { title: story.title, source: source.id } });
  });
}

/**
 * "Translate into …": a new draft in `language`, linked to the story's translation group, with
 * the headline, dek, body, tags and featured photo copied for the translator (the direction
 * follows the language). The byline is the translator's own, as for any new story; an editor
 * changes it in the editor.
 * @returns the saved draft (its id opens the editor).
 * @throws AppError: not_found (cannot see the story), bad_request (unknown language, or the
 *   story's own), conflict (the group already has that language), forbidden (the viewer's role
 *   cannot create stories).
 */
export async function createTranslation(viewer: Viewer, sourceId: string, rawLanguage: unknown, now = new Date()): Promise<SavedStory> {
  const parsed = languageSchema.safeParse(rawLanguage);
  if (!parsed.success) throw new AppError("bad_request", "Pick a language from the list.", { language: "Unknown language" });
  const language = parsed.data;
  const source = await getDeskStory(viewer, sourceId, now);
  if (source.language === language) throw new AppError("bad_request", `This story is already in ${languageName(language)}.`, { language: "Same language" });
  const row = await visibleStory(viewer, sourceId);
  return saveStory(
    viewer,
    {
      title: source.title,
      dek: source.dek,
      body: JSON.stringify(source.body),
      language,
      tags: source.tags,
      ...(row.featuredMediaId ? { featuredMediaId: row.featuredMediaId } : {}),
      intent: "save",
    },
    now,
    { translationOf: sourceId },
  );
}
