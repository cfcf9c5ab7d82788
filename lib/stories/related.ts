/**
 * "Check Also": choosing related stories. Pure; the candidates come from
 * `listRelatedCandidates` in queries.ts (already public at `now`).
 *
 * Order: stories in the reader's language (the story's) first, then same section, then more
 * shared tags, then the most recent publication. Never the story itself, nor its own
 * translations (the language switcher links those).
 */

export interface RelatedCandidate {
  id: string;
  sectionId: string | null;
  tagIds: string[];
  publishedAt: Date;
  /** BCP 47 language; absent: counts as the story's. */
  language?: string;
  /** Translation group (null or absent: none). */
  groupId?: string | null;
}

/**
 * Ranks candidates for a story and returns at most `limit` of them.
 * @param story the story being read: its id, section and tag ids.
 * @param candidates public stories (may include the story itself; it is dropped).
 */
export function rankRelated<T extends RelatedCandidate>(
  story: { id: string; sectionId: string | null; tagIds: string[]; language?: string; groupId?: string | null },
  candidates: T[],
  limit = 3,
): T[] {
  const tagSet = new Set(story.tagIds);
  const seen = new Set<string>([story.id]);
  const scored: { c: T; language: number; section: number; shared: number }[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (story.groupId && c.groupId === story.groupId) continue;
    scored.push({
      c,
      language: story.language === undefined || c.language === undefined || c.language === story.language ? 1 : 0,
      section: story.sectionId !== null && c.sectionId === story.sectionId ? 1 : 0,
      shared: c.tagIds.filter((t) => tagSet.has(t)).length,
    });
  }
  scored.sort(
    (a, b) => b.language - a.language || b.section - a.section || b.shared - a.shared || b.c.publishedAt.getTime() - a.c.publishedAt.getTime(),
  );
  return scored.slice(0, limit).map((s) => s.c);
}
