/**
 * "Check Also": choosing related stories. Pure; the candidates come from
 * `listRelatedCandidates` in queries.ts (already public at `now`).
 *
 * Order: same section first, then more shared tags, then the most recent publication.
 * Never the story itself.
 */

export interface RelatedCandidate {
  id: string;
  sectionId: string | null;
  tagIds: string[];
  publishedAt: Date;
}

/**
 * Ranks candidates for a story and returns at most `limit` of them.
 * @param story the story being read: its id, section and tag ids.
 * @param candidates public stories (may include the story itself; it is dropped).
 */
export function rankRelated<T extends RelatedCandidate>(
  story: { id: string; sectionId: string | null; tagIds: string[] },
  candidates: T[],
  limit = 3,
): T[] {
  const tagSet = new Set(story.tagIds);
  const seen = new Set<string>([story.id]);
  const scored: { c: T; section: number; shared: number }[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    scored.push({
      c,
      section: story.sectionId !== null && c.sectionId === story.sectionId ? 1 : 0,
      shared: c.tagIds.filter((t) => tagSet.has(t)).length,
    });
  }
  scored.sort(
    (a, b) => b.section - a.section || b.shared - a.shared || b.c.publishedAt.getTime() - a.c.publishedAt.getTime(),
  );
  return scored.slice(0, limit).map((s) => s.c);
}
