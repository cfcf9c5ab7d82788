/**
 * Migration 0014 renames the story and byline tables, columns, constraints and indexes. A
 * newsroom upgrading an existing database must keep every story, byline, link and audit entry:
 * this applies migrations 0000–0013 to an empty embedded database, writes a story with a
 * byline and a tag the old way, applies 0014, and reads them back under the new names.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

const dir = path.join(__dirname, "migrations");
const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };

async function apply(db: PGlite, tag: string): Promise<void> {
  for (const statement of fs.readFileSync(path.join(dir, `${tag}.sql`), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) await db.exec(statement);
  }
}

describe("the story and byline rename (migration 0014)", () => {
  it("keeps stories, bylines, their links and the audit log", async () => {
    const db = new PGlite();
    try {
      for (const e of journal.entries.filter((e) => e.idx < 14)) await apply(db, e.tag);
      await db.exec(`
        insert into authors (id, slug, name) values ('00000000-0000-4000-8000-000000000001', 'mina', 'Mina Rahimi');
        insert into tags (id, slug, name) values ('00000000-0000-4000-8000-000000000002', 'health', 'Health');
        insert into articles (id, slug, title, body, status, published_at, last_updated_at)
          values ('00000000-0000-4000-8000-000000000003', 'clinic-opens', 'Clinic opens', '{"type":"doc"}', 'published', '2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z');
        insert into article_authors (article_id, author_id, position) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', 0);
        insert into article_tags (article_id, tag_id, position) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 0);
        insert into audit_log (action, entity_type, entity_id) values ('article.publish', 'article', '00000000-0000-4000-8000-000000000003');
      `);
      const rename = journal.entries.find((e) => e.idx === 14);
      expect(rename?.tag).toBe("0014_story_byline_names");
      await apply(db, rename!.tag);

      const { rows } = await db.query<{ title: string; status: string; byline: string; tag: string }>(`
        select s.title, s.status::text as status, b.name as byline, t.name as tag
        from stories s
        join story_bylines sb on sb.story_id = s.id join bylines b on b.id = sb.byline_id
        join story_tags st on st.story_id = s.id join tags t on t.id = st.tag_id`);
      expect(rows).toEqual([{ title: "Clinic opens", status: "published", byline: "Mina Rahimi", tag: "Health" }]);
      const audit = await db.query<{ action: string; entity_type: string }>("select action, entity_type from audit_log");
      expect(audit.rows).toEqual([{ action: "story.publish", entity_type: "story" }]);
      const leftovers = await db.query<{ name: string }>(`
        select relname as name from pg_class where relnamespace = 'public'::regnamespace and (relname like '%article%' or relname like '%author%')
        union all select typname from pg_type where typnamespace = 'public'::regnamespace and typname like '%article%'
        union all select conname from pg_constraint where connamespace = 'public'::regnamespace and (conname like '%article%' or conname like '%author%')`);
      expect(leftovers.rows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
