/**
 * The reader data layer against a real migrated database: in-memory PGlite always, and
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stories, slugRedirects } from "@/db/schema";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { engines, useTestDatabase } from "@/test/db";
import {
  getBylineBySlug,
  getPublicStory,
  getTagBySlug,
  listBreakingStories,
  listPublicStories,
  listRelatedStories,
} from "./queries";
import { createStory, upsertByline, upsertTag } from "./store";

const NOW = new Date("2025-03-30T04:30:00.000Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function fixtures() {
  await upsertTag({ slug: "politics", name: "Politics" });
  await upsertTag({ slug: "kabul", name: "Kabul" });
  await upsertTag({ slug: "sport", name: "Sport" });
  await upsertByline({ slug: "mina-rahimi", name: "Mina Rahimi", bio: "Covers the city." });
  await upsertByline({ slug: "wire-desk", name: "Wire Desk" });
  const base = { body: bodyFromParagraphs(["The council met today and approved the plan after a long debate."]) };
  const published = await createStory({
    ...base,
    title: "Kabul council approves new bus routes",
    status: "published",
    publishedAt: minutes(-60),
    lastUpdatedAt: minutes(-10),
    tagSlugs: ["politics", "kabul"],
    bylineSlugs: ["mina-rahimi", "wire-desk"],
    isBreaking: true,
  });
  const sameSection = await createStory({ ...base, title: "Budget hearing set", status: "published", publishedAt: minutes(-120), tagSlugs: ["politics"] });
  const otherSection = await createStory({ ...base, title: "Cricket final tonight", status: "published", publishedAt: minutes(-5), tagSlugs: ["sport", "kabul"] });
  const draft = await createStory({ ...base, title: "Draft about teachers", status: "draft", tagSlugs: ["politics"] });
  const scheduled = await createStory({ ...base, title: "Provincial exam results published", slug: "exam-results-2025", status: "published", publishedAt: minutes(3), tagSlugs: ["politics"] });
  const unpublished = await createStory({ ...base, title: "Withdrawn story", status: "unpublished", publishedAt: minutes(-300), tagSlugs: ["politics"] });
  const review = await createStory({ ...base, title: "In review story", status: "in_review", tagSlugs: ["politics"] });
  return { published, sameSection, otherSection, draft, scheduled, unpublished, review };
}

describe.each(engines())("reader queries on %s", (engine) => {
  const db = useTestDatabase(engine);

  let f: Awaited<ReturnType<typeof fixtures>>;

  it("stores stories with generated slugs", async () => {
    f = await fixtures();
    expect(f.published.slug).toBe("kabul-council-approves-new-bus-routes");
    const again = await createStory({ title: "Kabul council approves new bus routes", body: bodyFromParagraphs(["x"]), status: "draft" });
    expect(again.slug).toBe("kabul-council-approves-new-bus-routes-2");
  });

  it("finds a public story by slug with ordered bylines, tags and section", async () => {
    const found = await getPublicStory(f.published.slug, NOW);
    expect(found.kind).toBe("story");
    if (found.kind !== "story") return;
    const s = found.story;
    expect(s.title).toBe("Kabul council approves new bus routes");
    expect(s.bylines.map((b) => b.name)).toEqual(["Mina Rahimi", "Wire Desk"]);
    expect(s.tags.map((t) => t.slug)).toEqual(["politics", "kabul"]);
    expect(s.section?.slug).toBe("politics");
    expect(s.lastUpdatedAt.toISOString()).toBe(minutes(-10).toISOString());
    expect(s.publishedAt.toISOString()).toBe(minutes(-60).toISOString());
    expect(s.breaking).toBe(true);
    expect(s.bodyHtml).toBe('<p dir="auto">The council met today and approved the plan after a long debate.</p>');
  });

  it("answers missing for drafts, stories in review, unpublished, not-yet-due and unknown slugs", async () => {
    for (const id of [f.draft, f.review, f.unpublished, f.scheduled]) {
      expect((await getPublicStory(id.slug, NOW)).kind).toBe("missing");
    }
    expect((await getPublicStory("no-such-story", NOW)).kind).toBe("missing");
    expect((await getPublicStory("", NOW)).kind).toBe("missing");
    expect((await getPublicStory("x".repeat(500), NOW)).kind).toBe("missing");
  });

  it("shows a scheduled story exactly from its instant", async () => {
    expect((await getPublicStory("exam-results-2025", minutes(3 - 1 / 60_000))).kind).toBe("missing");
    expect((await getPublicStory("exam-results-2025", minutes(3))).kind).toBe("story");
  });

  it("lists only public stories, newest first, with totals and pagination", async () => {
    const all = await listPublicStories({ now: NOW, limit: 50 });
    expect(all.items.map((s) => s.title)).toEqual(["Cricket final tonight", "Kabul council approves new bus routes", "Budget hearing set"]);
    expect(all.total).toBe(3);
    const page2 = await listPublicStories({ now: NOW, limit: 2, offset: 2 });
    expect(page2.items.map((s) => s.title)).toEqual(["Budget hearing set"]);
    expect(page2.total).toBe(3);
    const later = await listPublicStories({ now: minutes(4), limit: 50 });
    expect(later.items[0]?.title).toBe("Provincial exam results published");
  });

  it("filters lists by tag, byline and section", async () => {
    const kabul = (await getTagBySlug("kabul", NOW))!;
    const byTag = await listPublicStories({ now: NOW, limit: 50, tagId: kabul.id });
    expect(byTag.items.map((s) => s.title).sort()).toEqual(["Cricket final tonight", "Kabul council approves new bus routes"]);
    const mina = (await getBylineBySlug("mina-rahimi", NOW))!;
    expect(mina.bio).toBe("Covers the city.");
    // A byline on no public story has no public page yet.
    await upsertByline({ slug: "new-hire", name: "New Hire" });
    expect(await getBylineBySlug("new-hire", NOW)).toBeNull();
    const byByline = await listPublicStories({ now: NOW, limit: 50, bylineId: mina.id });
    expect(byByline.items.map((s) => s.title)).toEqual(["Kabul council approves new bus routes"]);
    const politics = (await getTagBySlug("politics", NOW))!;
    const bySection = await listPublicStories({ now: NOW, limit: 50, sectionId: politics.id });
    expect(bySection.total).toBe(2);
    expect(await getTagBySlug("nope", NOW)).toBeNull();
    // A tag carried only by a draft has no public page.
    await upsertTag({ slug: "teachers", name: "Teachers" });
    await createStory({ title: "Only a draft", body: bodyFromParagraphs(["x"]), status: "draft", tagSlugs: ["teachers"] });
    expect(await getTagBySlug("teachers", NOW)).toBeNull();
    // NUL and other control characters are not slugs (PostgreSQL refuses them in text).
    expect(await getTagBySlug("a\u0000b", NOW)).toBeNull();
    expect(await getBylineBySlug("\u0000", NOW)).toBeNull();
    expect((await getPublicStory("a\u0000b", NOW)).kind).toBe("missing");
  });

  it("lists breaking stories until their label expires", async () => {
    expect((await listBreakingStories(NOW)).map((s) => s.title)).toEqual(["Kabul council approves new bus routes"]);
    await db().db.update(stories).set({ breakingUntil: minutes(-1) }).where(eq(stories.id, f.published.id));
    expect(await listBreakingStories(NOW)).toEqual([]);
  });

  it("picks Check Also stories: same section first, never itself, never non-public", async () => {
    const found = await getPublicStory(f.published.slug, NOW);
    if (found.kind !== "story") throw new Error("expected story");
    const { stories: related, dependsOnNewest } = await listRelatedStories(found.story, NOW, 3);
    expect(related.map((r) => r.title)).toEqual(["Budget hearing set", "Cricket final tonight"]);
    for (const r of related) expect(r.excerpt).toBe("The council met today and approved the plan after a long debate.");
    // Not full, and one card shares no tag: any newly published story could change the box.
    expect(dependsOnNewest).toBe(true);
    // Full with a story of the same section: only stories sharing a tag can change it.
    expect(await listRelatedStories(found.story, NOW, 1)).toMatchObject({ stories: [{ title: "Budget hearing set" }], dependsOnNewest: false });
  });

  it("resolves an old slug to the current one (for a 308), only for public stories", async () => {
    await db().db.insert(slugRedirects).values({ oldSlug: "old-bus-routes", storyId: f.published.id });
    expect(await getPublicStory("old-bus-routes", NOW)).toEqual({ kind: "redirect", slug: f.published.slug });
    await db().db.insert(slugRedirects).values({ oldSlug: "old-draft", storyId: f.draft.id });
    expect((await getPublicStory("old-draft", NOW)).kind).toBe("missing");
  });
});

describe.each(engines())("stored instants on %s", (engine) => {
  const db = useTestDatabase(engine);

  it("keeps instants exact to the millisecond (the time-zone matrix is in test/tz-matrix.int.test.ts)", async () => {
    const t = new Date("2025-03-30T04:30:00.123Z");
    const { id } = await createStory({ title: "Zone check", body: bodyFromParagraphs(["x"]), status: "published", publishedAt: t });
    const [row] = await db().db.select({ p: stories.publishedAt }).from(stories).where(eq(stories.id, id));
    expect(row?.p?.toISOString()).toBe("2025-03-30T04:30:00.123Z");
    const raw = await db().db.execute(
      sql`select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') as t from stories where id = ${id}`,
    );
    const rows = (Array.isArray(raw) ? raw : (raw as unknown as { rows: unknown[] }).rows) as { t: string }[];
    expect(rows[0]?.t).toBe("2025-03-30 04:30:00.123");
  });

  it("stores every instant column as timestamp with time zone", async () => {
    const raw = await db().db.execute(
      sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' and data_type like 'timestamp%'`,
    );
    const rows = (Array.isArray(raw) ? raw : (raw as unknown as { rows: unknown[] }).rows) as { data_type: string }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.data_type).toBe("timestamp with time zone");
  });
});
