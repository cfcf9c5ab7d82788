import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storyBylines, stories, bylines, settings, tags } from "@/db/schema";
import { getPublicStory, listNavSections, listPublicStories } from "@/lib/stories/queries";
import { engines, useTestDatabase } from "@/test/db";
import { demoStories } from "./content";
import { isDatabaseEmpty, seedDemo } from "./seed";

describe.each(engines())("demo seed on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const now = new Date("2026-01-15T08:00:00Z");

  async function counts() {
    const db = handle().db;
    const [[a], [t], [b], [s], [ab]] = await Promise.all([
      db.select({ n: count() }).from(stories),
      db.select({ n: count() }).from(tags),
      db.select({ n: count() }).from(bylines),
      db.select({ n: count() }).from(settings),
      db.select({ n: count() }).from(storyBylines),
    ]);
    return { stories: a!.n, tags: t!.n, authors: b!.n, settings: s!.n, bylines: ab!.n };
  }

  it("seeds a newsroom that meets the demo brief", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    const report = await seedDemo(now);
    expect(report.storiesCreated).toBe(demoStories.length);
    expect(await isDatabaseEmpty()).toBe(false);
    const c = await counts();
    expect(c.stories).toBeGreaterThanOrEqual(12);
    expect(c.settings).toBe(1);
    const db = handle().db;
    const rows = await db.select().from(stories);
    expect(rows.filter((r) => r.status === "draft")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "published" && r.publishedAt! > now)).toHaveLength(1);
    expect(rows.filter((r) => r.isBreaking).length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => r.direction === "rtl" && (r.language === "fa" || r.language === "ps"))).toBe(true);
    expect(new Set(rows.map((r) => r.primaryTagId)).size).toBeGreaterThanOrEqual(4);
    const guest = await db.select().from(bylines).where(eq(bylines.slug, "tamim-barakzai"));
    expect(guest[0]?.userId).toBeNull();
    const multi = await db.select({ a: storyBylines.storyId, n: count() }).from(storyBylines).groupBy(storyBylines.storyId);
    expect(multi.some((m) => m.n >= 2)).toBe(true);
    const visible = await listPublicStories({ now, limit: 100 });
    expect(visible.total).toBe(rows.length - 2);
  });

  it("seeding twice duplicates nothing and keeps admins' settings", async () => {
    const before = await counts();
    await handle().db.update(settings).set({ siteName: "Renamed by an admin" });
    const report = await seedDemo(now);
    expect(report.storiesCreated).toBe(0);
    expect(await counts()).toEqual(before);
    const [s] = await handle().db.select().from(settings);
    expect(s?.siteName).toBe("Renamed by an admin");
  });

  it("renders the RTL demo story with its language", async () => {
    const fa = demoStories.find((s) => s.language === "fa")!;
    const found = await getPublicStory(fa.slug, now);
    expect(found.kind).toBe("story");
    if (found.kind === "story") expect(found.story.direction).toBe("rtl");
  });

  it("marks its sections, in a fixed order, so the navigation is explicit from the first page", async () => {
    await seedDemo(now);
    expect((await listNavSections(now)).map((t) => t.name)).toEqual(["Politics", "Economy", "Health", "Sport", "Culture"]);
  });
});
