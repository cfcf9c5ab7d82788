/**
 * The WordPress importer on the real WXR export (WordPress theme unit test data, read from
 * the third-party fixtures folder: see test/third-party-fixtures.ts; those tests are skipped
 * when it is absent) and on our companion fixture (test/fixtures/wxr-companion.xml), against
 * a real migrated database: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Date rule: the publication instant is `post_date_gmt` when it is a real date, never the
 * import time or the server's zone (emdash-cms/emdash#322 and Automattic/wp-calypso#61145
 * lost or rewrote imported dates). The export's own quirks tested here: a scheduled post, a
 * draft with no slug, markup and entities in titles, the same name as a category and a tag,
 * `_wp_old_slug`, and `<script>`/`<iframe>` in cached `_oembed_*` meta.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bylines as bylineTable, storyBylines, storyRevisions, stories, importItems, slugRedirects, tagRedirects, tags } from "@/db/schema";
import { getPublicStory, listNavSections } from "@/lib/stories/queries";
import { createStory, upsertTag } from "@/lib/stories/store";
import { bodyFromParagraphs } from "@/lib/editor/render";
import type { DatabaseHandle } from "@/db/client";
import { engines, useTestDatabase } from "@/test/db";
import { thirdPartyFixture } from "@/test/third-party-fixtures";
import { importWxr } from "./importer";

const wordpressExport = thirdPartyFixture("wordpress/themeunittestdata.wordpress.xml");
const COMPANION = path.resolve(__dirname, "../../test/fixtures/wxr-companion.xml");
const NOW = new Date("2026-11-30T00:00:00Z");
const fixtureText = wordpressExport.missing ? "" : fs.readFileSync(wordpressExport.file, "utf8");
/** Tests on the WordPress export are skipped, with the reason printed, when it is absent. */
const withExport = wordpressExport.missing === null;

/** A stream of `text` in small chunks, so records and characters straddle chunk edges. */
const chunks = (text: string, size = 4096) => Readable.from((function* () {
  const buf = Buffer.from(text, "utf8");
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
})());

/** The imported story with this title (fails the test when there is none). */
async function storyTitled(handle: () => DatabaseHandle, title: string) {
  const [row] = await handle().db.select().from(stories).where(eq(stories.title, title));
  expect(row, title).toBeDefined();
  return row!;
}

describe.skipIf(!withExport).each(engines())("WordPress import of the theme unit test data on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const story = (title: string) => storyTitled(handle, title);

  it("imports the real fixture: counts, statuses and the report", async () => {
    const report = await importWxr(chunks(fixtureText), { siteTimeZone: "America/Los_Angeles", now: NOW });
    expect(report).toMatchObject({
      items: 186,
      created: 58,
      updated: 0,
      unchanged: 0,
      statuses: { published: 55, scheduled: 1, draft: 2 },
      skipped: { "pages (skipped by option)": 21, "attachments (media files)": 37, "menu items": 70 },
      comments: 33,
      bylines: 2,
      errors: [],
    });
    expect(report.byType).toMatchObject({ "post/publish": 56, "post/future": 1, "post/draft": 1, "page/publish": 21, "attachment/inherit": 37, "nav_menu_item/publish": 70 });
    expect(report.drafted).toEqual([{ title: 'Template: Password Protected (the password is "enter")', reason: "password-protected in WordPress: imported as a draft" }]);
    // The creator ">themereviewteam" is the author "themereviewteam" once its stray ">" is trimmed.
    expect(report.unknownAuthors).toEqual([]);
    expect(report.unknownAuthorStories).toEqual([]);
  });

  it("dates come from post_date_gmt, the update date from post_modified_gmt, never the import time", async () => {
    expect((await story("Keyboard navigation")).publishedAt?.toISOString()).toBe("2018-10-21T03:03:48.000Z");
    const media = await story("WP 6.1 Media category blocks");
    expect(media.publishedAt?.toISOString()).toBe("2023-01-13T18:02:28.000Z");
    expect(media.lastUpdatedAt?.toISOString()).toBe("2023-01-16T08:00:12.000Z");
    const plain = await story("Markup: Image Alignment");
    expect(plain.lastUpdatedAt?.toISOString()).toBe(plain.publishedAt?.toISOString());
  });

  it("the future post is scheduled at its instant and not public", async () => {
    const scheduled = await story("Scheduled");
    expect(scheduled.status).toBe("published");
    expect(scheduled.publishedAt?.toISOString()).toBe("2030-01-01T19:00:18.000Z");
    expect((await getPublicStory(scheduled.slug, NOW)).kind).toBe("missing");
    const draft = await story("Draft");
    expect(draft.status).toBe("draft");
    expect(draft.publishedAt).toBeNull();
  });

  it("titles with markup or entities are plain text, decoded exactly once", async () => {
    await story("Markup: Title With Markup");
    await story("Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>");
    const noTitle = await handle().db.select({ title: stories.title }).from(stories).where(sql`${stories.title} like 'Untitled (WordPress item %'`);
    expect(noTitle).toHaveLength(1);
  });

  it("one tag per name across categories and tags, with the old archive slugs redirecting", async () => {
    const edge = await handle().db.select().from(tags).where(sql`lower(${tags.name}) = 'edge case'`);
    expect(edge).toHaveLength(1);
    const redirects = await handle().db.select({ old: tagRedirects.oldSlug }).from(tagRedirects).where(eq(tagRedirects.tagId, edge[0]!.id));
    expect(redirects.map((r) => r.old)).toContain("edge-case-2");
    const dashTwo = await handle().db.select({ n: count() }).from(tags).where(sql`${tags.slug} like '%-3'`);
    expect(dashTwo[0]?.n).toBe(0);
    // No category becomes a section: an import never changes the navigation.
    const [parent] = await handle().db.select().from(tags).where(eq(tags.name, "Parent Category"));
    const [child] = await handle().db.select().from(tags).where(eq(tags.name, "Child Category 03"));
    expect([parent?.isSection, child?.isSection]).toEqual([false, false]);
  });

  it("every category and tag slug used by a post still leads to its tag (current slug or redirect)", async () => {
    const used = new Set<string>();
    for (const m of fixtureText.matchAll(/<category domain="(category|post_tag)" nicename="([^"]+)">/g)) {
      if (m[2] !== "uncategorized") used.add(decodeURIComponent(m[2]!));
    }
    const slugs = new Set((await handle().db.select({ s: tags.slug }).from(tags)).map((r) => r.s));
    const redirected = new Set((await handle().db.select({ s: tagRedirects.oldSlug }).from(tagRedirects)).map((r) => r.s));
    const lost = [...used].filter((u) => !slugs.has(u) && !redirected.has(u));
    expect(lost).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it("_wp_old_slug becomes a redirect to the story", async () => {
    const text = await story("WP 6.1 Text category blocks");
    const [r] = await handle().db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, "8-2"));
    expect(r?.storyId).toBe(text.id);
  });

  it("content is sanitised: no script or iframe from posts or from _oembed meta", async () => {
    const all = await handle().db.select({ html: stories.bodyHtml }).from(stories);
    for (const { html } of all) expect(html).not.toMatch(/<script|<iframe|javascript:|onclick=/i);
  });

  it("importing the same file again changes nothing", async () => {
    const before = await handle().db.select({ n: count() }).from(storyRevisions);
    const report = await importWxr(chunks(fixtureText, 65536), { siteTimeZone: "America/Los_Angeles", now: NOW });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 58, errors: [] });
    const after = await handle().db.select({ n: count() }).from(storyRevisions);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("a newer export updates changed stories as minor edits, and never overwrites a desk edit", async () => {
    const edited = await story("Keyboard navigation");
    // Someone edits another imported story on our desk.
    const local = await story("Markup: Image Alignment");
    await handle().db.update(stories).set({ version: local.version + 1, title: "Image alignment (edited here)" }).where(eq(stories.id, local.id));
    // The post (not the page before it, which starts the same way) gets a revised first line.
    const marker = "[CDATA[Welcome to image alignment! The best";
    const at = fixtureText.lastIndexOf(marker);
    const newer = `${fixtureText.slice(0, at)}[CDATA[Welcome to image alignment, revised! The best${fixtureText.slice(at + marker.length)}`.replace(
      "<title>Keyboard navigation</title>",
      "<title>Keyboard navigation, revised</title>",
    );
    const report = await importWxr(chunks(newer), { siteTimeZone: "America/Los_Angeles", now: NOW });
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 56, keptLocalEdits: 1, errors: [] });
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, edited.id));
    expect(row?.title).toBe("Keyboard navigation, revised");
    expect(row?.publishedAt?.toISOString()).toBe("2018-10-21T03:03:48.000Z");
    const [rev] = await handle().db.select({ kind: storyRevisions.kind }).from(storyRevisions).where(and(eq(storyRevisions.storyId, edited.id), eq(storyRevisions.version, row!.version)));
    expect(rev?.kind).toBe("minor_edit");
    const [kept] = await handle().db.select({ title: stories.title }).from(stories).where(eq(stories.id, local.id));
    expect(kept?.title).toBe("Image alignment (edited here)");
  });
});

describe.each(engines())("WordPress import: dry run, the companion fixture, a broken file, stop and resume on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const story = (title: string) => storyTitled(handle, title);

  it.skipIf(!withExport)("a dry run reports what would happen and writes nothing", async () => {
    const report = await importWxr(chunks(fixtureText), { siteTimeZone: "America/Los_Angeles", dryRun: true, now: NOW });
    expect(report).toMatchObject({ dryRun: true, items: 186, created: 58, errors: [] });
    const [n] = await handle().db.select({ n: count() }).from(stories);
    expect(n?.n).toBe(0);
  });

  it("imports the companion fixture: Dari, Pashto, the zero date, private and pending, ]]>, control characters", async () => {
    const report = await importWxr(fs.createReadStream(COMPANION, { highWaterMark: 512 }), { siteTimeZone: "Asia/Kabul", now: NOW });
    expect(report).toMatchObject({ items: 10, created: 10, errors: [], statuses: { published: 7, scheduled: 0, draft: 3 } });
    expect(report.unknownAuthors).toEqual(["ghost-writer"]);
    expect(report.drafted.map((d) => d.title)).toEqual(["Private note for staff"]);
    const dari = await story("گزارش ویژه: بودجهٔ ۱۴۰۴");
    expect([dari.language, dari.direction, dari.publishedAt?.toISOString()]).toEqual(["fa", "rtl", "2025-03-30T04:30:00.000Z"]);
    // Slugs of non-Latin titles are transliterated: the WordPress slug "بودجه" gives "bwdjh".
    expect(dari.slug).toBe("bwdjh");
    const pashto = await story("د کابل ښار ټرانسپورټ");
    expect([pashto.language, pashto.direction]).toEqual(["ps", "rtl"]);
    expect(pashto.bodyHtml).toContain("<p dir=\"auto\">د کابل ښاروالۍ نوي بسونه پیل کړل.</p>");
    const zero = await story("Draft with the zero date");
    expect([zero.status, zero.publishedAt]).toEqual(["draft", null]);
    const control = await story("Control characters and CDATA");
    expect(control.bodyText).toContain("Bell and form feed pasted. The sequence ]]> appears in code.");
    const twins = await handle().db.select({ slug: stories.slug }).from(stories).where(eq(stories.title, "Same headline twice")).orderBy(stories.slug);
    expect(twins.map((t) => t.slug)).toEqual(["same-headline-twice", "same-headline-twice-2"]);
    const ghost = await story("Kabul 🌙 night market 夜市");
    // Its creator is no author of the file: the one "Unknown author" byline, and the report names it.
    const bylines = await handle().db.select({ slug: bylineTable.slug }).from(storyBylines).innerJoin(bylineTable, eq(bylineTable.id, storyBylines.bylineId)).where(eq(storyBylines.storyId, ghost.id));
    expect(bylines).toEqual([{ slug: "unknown-author" }]);
    expect(report.unknownAuthorStories).toContain("Kabul 🌙 night market 夜市");
    expect(ghost.bodyHtml).toContain('<a href="https://www.youtube.com/watch?v=abc123">');
    expect(ghost.bodyHtml).not.toMatch(/script|javascript|onclick|evil\.example/);
    const local = await story("Local date only");
    expect(local.publishedAt?.toISOString()).toBe("2024-07-01T04:30:00.000Z");
    expect(local.lastUpdatedAt?.toISOString()).toBe("2024-07-02T05:30:00.000Z");
    const [items] = await handle().db.select({ n: count() }).from(importItems).where(eq(importItems.source, "https://lantern.example"));
    expect(items?.n).toBe(10);
  });

  it("a broken file imports the items before the fault and reports it", async () => {
    const companion = fs.readFileSync(COMPANION, "utf8").replace(/Lantern Archive/, "Lantern Broken").replace(/https:\/\/lantern\.example/g, "https://broken.example");
    const cut = companion.indexOf("<wp:post_id>9005</wp:post_id>");
    const report = await importWxr(chunks(`${companion.slice(0, cut)}<oops></item>`), { siteTimeZone: "Asia/Kabul", now: NOW });
    expect(report.created).toBe(4);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message).toMatch(/^The export is not well-formed XML at line \d+, column \d+: .*; nothing after that point was imported\.$/);
  });

  it("can stop between items and resume where it stopped", async () => {
    const other = fs.readFileSync(COMPANION, "utf8").replace(/https:\/\/lantern\.example/g, "https://resume.example");
    const controller = new AbortController();
    const first = await importWxr(chunks(other), {
      siteTimeZone: "Asia/Kabul",
      now: NOW,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 3) controller.abort();
      },
    });
    // It stops after the items already being written (up to 3 at once on PostgreSQL).
    expect(first.stopped).toBe(true);
    expect(first.created).toBeGreaterThanOrEqual(3);
    expect(first.created).toBeLessThanOrEqual(6);
    const second = await importWxr(chunks(other), { siteTimeZone: "Asia/Kabul", now: NOW });
    expect(second).toMatchObject({ stopped: false, created: 10 - first.created, unchanged: first.created });
  });
});

describe.each(engines())("WordPress import and the site's navigation on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it("an import never changes the navigation: top-level categories are proposed as sections in the report, not made sections", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    await upsertTag({ slug: "politics", name: "Politics", sectionOrder: 1 });
    await createStory({ title: "Council meets", body: bodyFromParagraphs(["Agenda."]), status: "published", publishedAt: new Date("2026-11-01T00:00:00Z"), tagSlugs: ["politics"] });
    const before = (await listNavSections(now)).map((t) => t.name);
    expect(before).toEqual(["Politics"]);
    const dry = await importWxr(fs.createReadStream(COMPANION), { siteTimeZone: "Asia/Kabul", now: NOW, dryRun: true });
    const report = await importWxr(fs.createReadStream(COMPANION), { siteTimeZone: "Asia/Kabul", now: NOW });
    expect(report.proposedSections).toEqual(["Economy"]);
    expect(dry.proposedSections).toEqual(report.proposedSections);
    expect((await listNavSections(now)).map((t) => t.name)).toEqual(before);
    const [economy] = await handle().db.select().from(tags).where(eq(tags.name, "Economy"));
    expect(economy?.isSection).toBe(false);
    // Once an editor has made it a section, it is no longer proposed.
    await handle().db.update(tags).set({ isSection: true, sectionOrder: 2 }).where(eq(tags.name, "Economy"));
    expect((await importWxr(fs.createReadStream(COMPANION), { siteTimeZone: "Asia/Kabul", now: NOW })).proposedSections).toEqual([]);
    expect((await listNavSections(now)).map((t) => t.name)).toEqual(["Politics", "Economy"]);
  });
});

describe.each(engines())("WordPress import: the dry run's report is the real run's on %s", (engine) => {
  useTestDatabase(engine);
  const comparable = (r: Awaited<ReturnType<typeof importWxr>>) => ({ ...r, dryRun: null, durationMs: null });

  it("reports exactly the counts the real import then has: stories, tags and bylines created once, redirects, statuses", async () => {
    const files = [fs.readFileSync(COMPANION, "utf8"), ...(withExport ? [fixtureText] : [])];
    for (const text of files) {
      const dry = await importWxr(chunks(text), { siteTimeZone: "Asia/Kabul", now: NOW, dryRun: true });
      const real = await importWxr(chunks(text), { siteTimeZone: "Asia/Kabul", now: NOW });
      expect(real.created).toBeGreaterThan(0);
      expect(comparable(dry)).toEqual(comparable(real));
    }
  });
});
