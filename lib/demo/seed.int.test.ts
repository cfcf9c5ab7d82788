import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { storyBylines, stories, bylines, settings, tags, media, storyMedia } from "@/db/schema";
import { DiskStorage } from "@/lib/media/storage";
import { setMediaStorage } from "@/lib/media/store";
import { getPublicStory, listNavSections, listPublicStories } from "@/lib/stories/queries";
import { engines, useTestDatabase } from "@/test/db";
import { demoStories } from "./content";
import { demoLiveStory } from "./live";
import { demoTranslations } from "./translations";
import { getLivePage } from "@/lib/live/public";
import { DEMO_PHOTO_CREDIT, demoPhotos } from "./photos";
import { isDatabaseEmpty, seedDemo } from "./seed";

const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "demo-seed-media-"));
setMediaStorage(new DiskStorage(mediaRoot));
afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});

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
    const [[m], [u]] = await Promise.all([db.select({ n: count() }).from(media), db.select({ n: count() }).from(storyMedia)]);
    return { stories: a!.n, tags: t!.n, authors: b!.n, settings: s!.n, bylines: ab!.n, photos: m!.n, photoUses: u!.n };
  }

  it("seeds a newsroom that meets the demo brief", async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    const started = performance.now();
    const report = await seedDemo(now);
    console.log(`demo seed on ${engine}: ${Math.round(performance.now() - started)} ms, ${report.photosUploaded} photos`);
    // The stories, their Dari and Pashto translations, and the live blog.
    expect(report.storiesCreated).toBe(demoStories.length + demoTranslations.length + 1);
    expect(report.photosUploaded).toBe(demoPhotos.length);
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
    // The live blog: at least a dozen entries, two key events, one pinned, all public now.
    const [live] = rows.filter((r) => r.isLiveBlog);
    expect(live).toMatchObject({ slug: demoLiveStory.slug, status: "published" });
    const page = await getLivePage(db, live!.id, now);
    expect(page.total).toBeGreaterThanOrEqual(12);
    expect(page.keyEvents).toHaveLength(2);
    expect(page.pinned).not.toBeNull();
    expect(new Set(page.entries.map((e) => e.byline?.name)).size).toBeGreaterThanOrEqual(3);
    expect(live!.lastUpdatedAt).toEqual(page.newestAt);
  });

  it("publishes three editions, with at least three stories in all three languages linked as translations", async () => {
    const db = handle().db;
    const [s] = await db.select().from(settings);
    expect(s?.editionLanguages).toEqual(["fa", "ps"]);
    expect(s?.translations.fa?.siteName).toBeTruthy();
    expect(s?.translations.ps?.siteName).toBeTruthy();
    const rows = await db.select().from(stories);
    const groups = new Map<string, Set<string>>();
    for (const r of rows) if (r.translationGroupId && r.status === "published") groups.set(r.translationGroupId, (groups.get(r.translationGroupId) ?? new Set()).add(r.language));
    const complete = [...groups.values()].filter((langs) => ["en", "fa", "ps"].every((l) => langs.has(l)));
    expect(complete.length).toBeGreaterThanOrEqual(3);
    const english = await getPublicStory("water-main-burst-cuts-supply-western-kabul", now);
    expect(english.kind === "story" && english.story.translations.map((t) => t.language).sort()).toEqual(["fa", "ps"]);
    // Every section has its name in Dari and Pashto.
    const sections = await db.select().from(tags).where(eq(tags.isSection, true));
    for (const t of sections) expect([t.translations.fa?.name, t.translations.ps?.name].every(Boolean), t.slug).toBe(true);
  });

  it("seeding twice duplicates nothing and keeps admins' settings", async () => {
    const before = await counts();
    await handle().db.update(settings).set({ siteName: "Renamed by an admin" });
    const report = await seedDemo(now);
    expect(report).toMatchObject({ storiesCreated: 0, photosUploaded: 0 });
    expect(await counts()).toEqual(before);
    expect(before.photos).toBe(demoPhotos.length);
    const [s] = await handle().db.select().from(settings);
    expect(s?.siteName).toBe("Renamed by an admin");
  });

  it("puts its photos in the media library with alt text, caption and credit, as the featured photos of their stories", async () => {
    const db = handle().db;
    const rows = await db.select().from(media);
    expect(rows).toHaveLength(demoPhotos.length);
    for (const p of demoPhotos) {
      const item = rows.find((r) => r.originalName === p.fileName)!;
      expect(item).toMatchObject({ altText: p.altText, caption: p.caption, creditName: DEMO_PHOTO_CREDIT, mimeType: "image/jpeg", width: 1600, height: 900 });
      expect(item.uploadedBy).not.toBeNull();
      // The stored file is there, and is the picture the row describes.
      const file = path.join(mediaRoot, item.storageKey);
      expect(await sharp(fs.readFileSync(file)).metadata()).toMatchObject({ format: "jpeg", width: 1600, height: 900 });
      const [story] = await db.select().from(stories).where(eq(stories.slug, p.storySlug));
      expect(story?.featuredMediaId).toBe(item.id);
      const uses = await db.select().from(storyMedia).where(eq(storyMedia.mediaId, item.id));
      expect(uses).toEqual([{ storyId: story!.id, mediaId: item.id, role: "featured" }].map((u) => expect.objectContaining(u)));
    }
    // Readers get the photo with its details on the story and its card.
    const found = await getPublicStory(demoPhotos[1]!.storySlug, now);
    expect(found.kind).toBe("story");
    if (found.kind === "story") expect(found.story.photo).toMatchObject({ altText: demoPhotos[1]!.altText, creditName: DEMO_PHOTO_CREDIT, width: 1600 });
    // Some stories have none: the newest (breaking) one among them, so the front page shows a text lead.
    const without = await db.select({ slug: stories.slug, featured: stories.featuredMediaId }).from(stories);
    expect(without.filter((s) => s.featured === null).length).toBeGreaterThanOrEqual(1);
    const newest = (await listPublicStories({ now, limit: 1 })).items[0]!;
    expect(newest.photo).toBeNull();
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
