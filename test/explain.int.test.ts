/**
 * Every public query uses an index (README, "Performance"): on 10,000 stories, each reader query the site
 * runs — story, lists, tag and byline pages, related stories, feeds, sitemaps, search — is
 * recorded and EXPLAINed, and none may read the stories table with a sequential scan.
 * PGlite always; PostgreSQL when TEST_DATABASE_URL is set. `EXPLAIN_DEBUG=1` prints the plan
 * shape of each offender.
 */
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { setDatabase } from "@/db/handle";
import * as schema from "@/db/schema";
import * as q from "@/lib/stories/queries";
import { loadFeed } from "@/lib/feeds/documents";
import { searchPublicStories } from "@/lib/search/stories";
import { loadNewsSitemap, loadSitemapChild, loadSitemapIndex } from "@/lib/seo/sitemaps";
import { engines, useTestDatabase } from "./db";

const STORIES = 10_000;

type Plan = { "Node Type": string; "Relation Name"?: string; Plans?: Plan[] };
const seqScansOfStories = (p: Plan): number =>
  (p["Node Type"] === "Seq Scan" && p["Relation Name"] === "stories" ? 1 : 0) + (p.Plans ?? []).reduce((n, c) => n + seqScansOfStories(c), 0);

describe.each(engines())("public queries use indexes on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it(`no sequential scan of stories, with ${STORIES.toLocaleString("en")} stories`, async () => {
    const h = handle();
    const now = new Date("2026-06-01T00:00:00Z");
    const at = now.toISOString();
    // 4 sections, 300 tags, 50 bylines; 90% published over three years, 5% scheduled, 5% drafts.
    await h.db.execute(sql`insert into tags (slug, name, is_section) select 'section-' || g, 'Section ' || g, true from generate_series(1, 4) g`);
    await h.db.execute(sql`insert into tags (slug, name) select 'topic-' || g, 'Topic ' || g from generate_series(1, 300) g`);
    await h.db.execute(sql`insert into bylines (slug, name) select 'writer-' || g, 'Writer ' || g from generate_series(1, 50) g`);
    await h.db.execute(sql`
      insert into stories (slug, title, body, body_html, body_text, status, published_at, last_updated_at, primary_tag_id)
      select 'story-' || g, 'Story ' || g || ' about water and budgets', '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb,
             '<p>Body ' || g || '</p>', 'The council met about water, roads and the budget in district ' || (g % 20) || '.',
             (case when g % 20 = 0 then 'draft' else 'published' end)::story_status,
             case when g % 20 = 0 then null when g % 20 = 1 then ${at}::timestamptz + (g || ' minutes')::interval else ${at}::timestamptz - (g || ' hours')::interval end,
             case when g % 20 = 0 then null when g % 20 = 1 then ${at}::timestamptz + (g || ' minutes')::interval else ${at}::timestamptz - (g || ' hours')::interval end,
             (select id from tags where slug = 'section-' || (1 + g % 4))
      from generate_series(1, ${STORIES}) g`);
    await h.db.execute(sql`
      insert into story_tags (story_id, tag_id, position)
      select a.id, t.id, 1 from stories a join tags t on t.slug = 'topic-' || (1 + (substring(a.slug from 7)::int % 300))`);
    await h.db.execute(sql`insert into story_tags (story_id, tag_id, position) select id, primary_tag_id, 0 from stories`);
    await h.db.execute(sql`
      insert into story_bylines (story_id, byline_id, position)
      select a.id, w.id, 0 from stories a join bylines w on w.slug = 'writer-' || (1 + (substring(a.slug from 7)::int % 50))`);
    await h.db.execute(sql`vacuum analyze`);

    // Record every statement the reader code sends.
    const recorded: { sql: string; params: unknown[] }[] = [];
    const logger = { logQuery: (query: string, params: unknown[]) => void recorded.push({ sql: query, params }) };
    const db = (h.kind === "postgres" ? drizzlePostgres({ client: h.client as postgres.Sql, schema, logger }) : drizzlePglite({ client: h.client as PGlite, schema, logger })) as unknown as Db;
    setDatabase({ ...h, db, close: async () => {} });
    try {
      const story = await q.getPublicStory("story-42", now);
      expect(story.kind).toBe("story");
      if (story.kind === "story") await q.listRelatedStories(story.story, now, 3);
      await q.getPublicStory("no-such-story", now);
      const section = await q.getTagBySlug("section-2", now);
      const topic = await q.getTagBySlug("topic-7", now);
      const byline = await q.getBylineBySlug("writer-3", now);
      await q.getTagRedirect("old-topic", now);
      await q.getBylineRedirect("old-writer", now);
      await q.listPublicStories({ now, limit: 20 });
      await q.listPublicStories({ now, limit: 20, offset: 400 });
      await q.listPublicStories({ now, limit: 20, tagId: topic!.id });
      await q.listPublicStories({ now, limit: 20, sectionId: section!.id });
      await q.listPublicStories({ now, limit: 20, bylineId: byline!.id });
      await q.listBreakingStories(now);
      await q.listNavSections(now);
      await q.listSectionBlocks(now);
      await loadFeed({ kind: "site" }, "rss", now);
      await loadFeed({ kind: "tag", slug: "topic-7" }, "rss", now);
      await loadSitemapIndex(now);
      await loadSitemapChild({ kind: "stories", page: 1 }, now);
      await loadSitemapChild({ kind: "tags", page: 1 }, now);
      await loadSitemapChild({ kind: "authors", page: 1 }, now);
      await loadNewsSitemap(now);
      await searchPublicStories({ text: "district 7", now, limit: 10, offset: 0 });
    } finally {
      setDatabase(h);
    }

    const offenders: string[] = [];
    let explained = 0;
    for (const r of recorded) {
      if (!/"stories"/.test(r.sql) || !/^\s*select/i.test(r.sql)) continue;
      const explainSql = `explain (format json) ${r.sql}`;
      const rows =
        h.kind === "postgres"
          ? await (h.client as postgres.Sql).unsafe(explainSql, r.params as never[])
          : (await (h.client as PGlite).query(explainSql, r.params)).rows;
      const plan = (rows[0] as Record<string, unknown>)["QUERY PLAN"];
      const root = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: Plan }[];
      explained += 1;
      if (seqScansOfStories(root[0]!.Plan) > 0) offenders.push(r.sql.replace(/\s+/g, " ").slice(0, 400));
      if (process.env.EXPLAIN_DEBUG && seqScansOfStories(root[0]!.Plan) > 0) {
        const shape = (p: Plan, d = 0): string => `${"  ".repeat(d)}${p["Node Type"]}${p["Relation Name"] ? ` ${p["Relation Name"]}` : ""}${(p as { "Index Name"?: string })["Index Name"] ? ` [${(p as { "Index Name"?: string })["Index Name"]}]` : ""}\n${(p.Plans ?? []).map((c) => shape(c, d + 1)).join("")}`;
        console.log(`\n### ${r.sql.replace(/\s+/g, " ").slice(0, 160)}\n${shape(root[0]!.Plan)}`);
      }
    }
    expect(explained).toBeGreaterThan(25);
    expect(offenders).toEqual([]);
  });
});
