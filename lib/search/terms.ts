/**
 * Keeps `stories.search_terms` — the tag and byline names a story is found by, in every
 * language they are given in — in step with the story's tags and bylines and their names.
 * The stored search vector is generated from it, so readers find a story by its section,
 * tags and bylines as well as its text.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { stories } from "@/db/schema";

/** A name and its translations' names (jsonb `translations`: { lang: { name } }), one per line. */
function namesOf(table: "tags" | "bylines"): SQL {
  return sql.raw(
    `concat_ws(E'\\n', "${table}"."name", (select string_agg(value->>'name', E'\\n') from jsonb_each("${table}"."translations") where value->>'name' <> ''))`,
  );
}

/**
 * Rewrites the search terms of the stories `which` selects, in the caller's transaction; a
 * story whose terms are unchanged is not written (each write rebuilds its search vector).
 * @param which the stories: by ids, or every story with a tag or byline (after a rename or a
 *   change of its translations).
 * @returns how many stories' terms changed.
 */
export async function refreshSearchTerms(
  tx: Db,
  which: { storyIds: readonly string[] } | { tagId: string } | { bylineId: string },
): Promise<number> {
  let scope: SQL;
  if ("storyIds" in which) {
    if (which.storyIds.length === 0) return 0;
    scope = sql`"stories"."id" in (${sql.join(which.storyIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  } else if ("tagId" in which) {
    scope = sql`"stories"."id" in (select "story_id" from "story_tags" where "tag_id" = ${which.tagId}::uuid)`;
  } else {
    scope = sql`"stories"."id" in (select "story_id" from "story_bylines" where "byline_id" = ${which.bylineId}::uuid)`;
  }
  const terms = sql`concat_ws(E'\\n',
    (select string_agg(${namesOf("tags")}, E'\\n' order by "story_tags"."position") from "story_tags" join "tags" on "tags"."id" = "story_tags"."tag_id" where "story_tags"."story_id" = "stories"."id"),
    (select string_agg(${namesOf("bylines")}, E'\\n' order by "story_bylines"."position") from "story_bylines" join "bylines" on "bylines"."id" = "story_bylines"."byline_id" where "story_bylines"."story_id" = "stories"."id"))`;
  const rows = await tx
    .update(stories)
    .set({ searchTerms: terms })
    .where(sql`${scope} and ${stories.searchTerms} is distinct from ${terms}`)
    .returning({ id: stories.id });
  return rows.length;
}
