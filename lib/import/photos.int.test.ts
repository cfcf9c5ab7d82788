/**
 * Photos of a WordPress import, against a real migrated database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set), with real files: the real WordPress export with a local uploads
 * folder of generated photos at its attachments' paths, and an export of our own whose old
 * site is an HTTP server on loopback (no test reaches outside the machine).
 * Checked: attachments become library photos with their words (alt text, caption,
 * description, credit), featured images and body images reference the library, galleries
 * become photo sequences, a photo that cannot be had stays a link and is reported, a dry run
 * counts what the real run does and writes nothing, importing again duplicates nothing, and an
 * import leaves the site's settings and navigation alone.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { count, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { media, settings, stories, storyMedia, tags } from "@/db/schema";
import { DiskStorage } from "@/lib/media/storage";
import { setMediaStorage } from "@/lib/media/store";
import { photoIdsIn } from "@/lib/media/body";
import { engines, useTestDatabase } from "@/test/db";
import { thirdPartyFixture } from "@/test/third-party-fixtures";
import { readAttachmentIndex, isPhotoAttachment } from "./attachments";
import { importWxr, type ImportOptions } from "./importer";
import type { PhotoSourceOptions } from "./photo-source";
import { testExport, testItem } from "./test-export";

const NOW = new Date("2026-11-30T00:00:00Z");
const wordpressExport = thirdPartyFixture("wordpress/themeunittestdata.wordpress.xml");
const withExport = wordpressExport.missing === null;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wp-photos-"));
const uploads = path.join(tmp, "uploads");
/** Media files of the engine's run (each suite stores into its own folder). */
const mediaDir = (engine: string) => path.join(tmp, `media-${engine}`);

/** A small JPEG of one colour, different for each `n` (so each is its own library photo). */
function jpeg(n: number, width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: (n * 53) % 256, g: (n * 97) % 256, b: (n * 151) % 256 } } })
    .jpeg()
    .toBuffer();
}

/** The photo options, with loopback addresses allowed (the test's old site is on loopback). */
const photoOptions = (o: PhotoSourceOptions): PhotoSourceOptions => ({ ...o, allowPrivateAddresses: true });

/** A report without what differs between a dry run and a real one by design. */
const comparable = (r: Awaited<ReturnType<typeof importWxr>>) => ({ ...r, dryRun: null, durationMs: null });

const mediaCount = async (db: ReturnType<ReturnType<typeof useTestDatabase>>["db"]) => (await db.select({ n: count() }).from(media))[0]!.n;

afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!withExport).each(engines())("Photos of the real WordPress export, from a local uploads folder, on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const open = () => fs.createReadStream(wordpressExport.file, { highWaterMark: 16 * 1024 });
  const options: ImportOptions = { siteTimeZone: "America/Los_Angeles", now: NOW, photos: { uploadsDir: uploads } };

  beforeAll(async () => {
    setMediaStorage(new DiskStorage(mediaDir(`fixture-${engine}`)));
    // A photo at each photo attachment's place in the uploads folder (YYYY/MM/name).
    const index = await readAttachmentIndex(open());
    let n = 0;
    for (const a of index.byId.values()) {
      if (!isPhotoAttachment(a)) continue;
      const rel = /\/(\d{4}\/\d{2}\/[^/]+)$/.exec(new URL(a.url).pathname)![1]!;
      fs.mkdirSync(path.join(uploads, path.dirname(rel)), { recursive: true });
      fs.writeFileSync(path.join(uploads, rel), await jpeg(++n));
    }
    expect(n).toBe(35);
  });

  it("a dry run counts the photos of the real run and stores none", async () => {
    const dry = await importWxr(open, { ...options, dryRun: true });
    expect(await mediaCount(handle().db)).toBe(0);
    expect(fs.existsSync(mediaDir(`fixture-${engine}`))).toBe(false);
    const real = await importWxr(open, options);
    expect(real.errors).toEqual([]);
    // The whole report, photos and all, is the real run's.
    expect(comparable(dry)).toEqual(comparable(real));
    // The 35 photo attachments (the .mp3 and .mov attachments stay on the old host).
    expect(real.photos).toMatchObject({ source: "uploads", imported: 35, reused: 0, featured: 6 });
    expect(real.skipped["attachments that are not photos (left on the old host)"]).toBe(2);
    expect(await mediaCount(handle().db)).toBe(35);
    // Every image of the content is one of its attachments (resized copies lead to their original)
    // but for one gallery photo the export does not carry.
    expect(real.photos).toMatchObject({ inBodies: 371, leftAsLinks: 0, withoutAlt: 7, missingCount: 1 });
    expect(real.photos.missing).toEqual([{ url: "attachment:763", reason: "a photo of the story (attachment 763) is not in the export" }]);
    expect(real.authors).toBe(2);
  });

  it("attachments keep their alt text and caption; featured images are the story's featured photo", async () => {
    const { db } = handle();
    const [story] = await db.select().from(stories).where(eq(stories.title, "Template: Featured Image (Horizontal)"));
    expect(story?.featuredMediaId).toBeTruthy();
    const [photo] = await db.select().from(media).where(eq(media.id, story!.featuredMediaId!));
    expect(photo).toMatchObject({ mimeType: "image/jpeg", width: 64, height: 48, originalName: "featured-image-horizontal.jpg" });
    expect(photo?.altText).toBe("Horizontal Featured Image");
    const uses = await db.select().from(storyMedia).where(eq(storyMedia.storyId, story!.id));
    expect(uses).toEqual([{ storyId: story!.id, mediaId: photo!.id, role: "featured" }]);
    const [canola] = await db.select().from(media).where(eq(media.originalName, "canola2.jpg"));
    expect(canola?.altText).toBe("canola");
    expect(canola?.caption).toMatch(/^Lorem ipsum dolor sit amet/);
  });

  it("[gallery] becomes the post's photo attachments, in order, in the body; a gallery by ids its listed photos", async () => {
    const { db } = handle();
    const [gallery] = await db.select().from(stories).where(eq(stories.title, "Post Format: Gallery"));
    const ids = photoIdsIn(gallery!.body);
    // The post's 23 attachments less its audio and video files.
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(gallery!.bodyHtml).toContain('class="story-photo"');
    expect(gallery!.bodyHtml).not.toContain("wpthemetestdata.files.wordpress.com");
    const bodyUses = await db.select().from(storyMedia).where(eq(storyMedia.storyId, gallery!.id));
    expect(bodyUses.filter((u) => u.role === "body").map((u) => u.mediaId).sort()).toEqual([...ids].sort());
    const [tiled] = await db.select().from(stories).where(eq(stories.title, "Post Format: Gallery (Tiled)"));
    const tiledPhotos = await db.select({ id: media.id, name: media.originalName }).from(media).where(inArray(media.id, photoIdsIn(tiled!.body)));
    // ids="755,757,758,760,766,763": the export has no attachment 763 (reported).
    expect(tiledPhotos.map((p) => p.name)).toHaveLength(5);
    expect(tiledPhotos.map((p) => p.name).sort()).toEqual(["100_5540.jpg", "dcp_2082.jpg", "dsc03149.jpg", "dsc09114.jpg", "michelle_049.jpg"]);
  });

  it("importing again duplicates nothing and changes no story", async () => {
    const before = await mediaCount(handle().db);
    const again = await importWxr(open, options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 58, errors: [] });
    expect(again.photos).toMatchObject({ imported: 0, featured: 0, inBodies: 0 });
    expect(await mediaCount(handle().db)).toBe(before);
  });
});

describe.each(engines())("Photos fetched from the old site (a loopback server), on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let server: http.Server;
  let site = "";
  const files = new Map<string, Buffer>();
  const requests: string[] = [];

  beforeAll(async () => {
    setMediaStorage(new DiskStorage(mediaDir(`loopback-${engine}`)));
    files.set("/wp-content/uploads/2024/05/silo.jpg", await jpeg(1, 120, 80));
    files.set("/wp-content/uploads/2024/05/market.jpg", await jpeg(2));
    files.set("/wp-content/uploads/2024/05/river.jpg", await jpeg(3));
    files.set("/wp-content/uploads/2024/05/bridge.jpg", await jpeg(4));
    files.set("/wp-content/uploads/2024/05/not-a-photo.jpg", Buffer.from("<html>this is a web page, not a photo</html>"));
    server = http.createServer((req, res) => {
      requests.push(req.url ?? "");
      const body = files.get(req.url ?? "");
      if (!body) {
        res.writeHead(404).end("not here");
        return;
      }
      res.writeHead(200, { "content-type": "image/jpeg", "content-length": body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** An attachment item of the test site. */
  const attachment = (id: number, parent: number, file: string, words: { alt?: string; caption?: string; description?: string; credit?: string } = {}) =>
    testItem({ id, title: file, type: "attachment", content: words.description ?? "" })
      .replace("</item>", [
        `<excerpt:encoded><![CDATA[${words.caption ?? ""}]]></excerpt:encoded>`,
        `<wp:post_parent>${parent}</wp:post_parent>`,
        `<wp:attachment_url>${site}/wp-content/uploads/2024/05/${file}</wp:attachment_url>`,
        `<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[2024/05/${file}]]></wp:meta_value></wp:postmeta>`,
        ...(words.alt ? [`<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${words.alt}]]></wp:meta_value></wp:postmeta>`] : []),
        ...(words.credit
          ? [`<wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key><wp:meta_value><![CDATA[a:2:{s:5:"width";i:120;s:10:"image_meta";a:2:{s:6:"credit";s:${Buffer.byteLength(words.credit)}:"${words.credit}";s:9:"copyright";s:0:"";}}]]></wp:meta_value></wp:postmeta>`]
          : []),
        "</item>",
      ].join("\n"));
  const thumbnail = (id: number) => `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[${id}]]></wp:meta_value></wp:postmeta>`;

  const exportText = () =>
    testExport(
      [
        // The post comes first and its photos after it, as WordPress writes them (by id).
        testItem({
          id: 10,
          title: "Silo repairs begin",
          content: [
            "<p>Work started on Monday.</p>",
            `[caption id="attachment_22" width="300"]<img class="wp-image-22 size-medium" src="${site}/wp-content/uploads/2024/05/market-300x200.jpg" alt="Stalls"> Traders at dawn[/caption]`,
            `<p>Unlisted: <img src="${site}/wp-content/uploads/2024/05/gone.jpg" alt="Gone photo"></p>`,
            `<p>Elsewhere: <img src="https://cdn.elsewhere.example/x.jpg" alt="Remote photo"></p>`,
            `<p><img src="/wp-content/uploads/2024/05/not-a-photo.jpg" alt="Broken"></p>`,
            "[gallery]",
          ].join("\n\n"),
          extra: thumbnail(21),
        }),
        testItem({ id: 11, title: "A featured photo the export lacks", extra: thumbnail(999) }),
        attachment(21, 10, "silo.jpg", { alt: "The grain silo", caption: "The silo in May", description: "Taken from the east gate.", credit: "Ahmad Zia" }),
        attachment(22, 10, "market.jpg", { alt: "Market stalls" }),
        attachment(23, 10, "river.jpg"),
        attachment(24, 0, "bridge.jpg", { alt: "A bridge nobody used" }),
      ],
      site,
    );

  it("featured, body, caption and gallery photos come from the old site; what cannot be had stays a link and is reported", async () => {
    const { db } = handle();
    const text = exportText();
    const open = () => [text];
    const options: ImportOptions = { siteTimeZone: "UTC", now: NOW, photos: photoOptions({ fetch: true, timeoutMs: 5000 }) };
    const dry = await importWxr(open, { ...options, dryRun: true });
    expect(await mediaCount(db)).toBe(0);
    expect(fs.existsSync(mediaDir(`loopback-${engine}`))).toBe(false);
    const afterDryRun = requests.length;
    const report = await importWxr(open, options);
    expect(report.errors).toEqual([]);
    expect(comparable(dry)).toEqual(comparable(report));
    // silo (featured and in the gallery), market (caption, its original taken for the resized
    // copy, and in the gallery), river (gallery), bridge (unattached): 4 photos, 4 body places.
    expect(report.photos).toMatchObject({ source: "fetch", imported: 4, reused: 0, featured: 1, inBodies: 4, leftAsLinks: 3, withoutAlt: 1 });
    expect(report.photos.missing).toEqual(
      expect.arrayContaining([
        { url: `${site}/wp-content/uploads/2024/05/gone.jpg`, reason: "the old site answered 404" },
        { url: "https://cdn.elsewhere.example/x.jpg", reason: expect.stringContaining("cdn.elsewhere.example") },
        { url: `${site}/wp-content/uploads/2024/05/not-a-photo.jpg`, reason: expect.stringContaining("not a photo we can use") },
        { url: "attachment:999", reason: "the featured photo (attachment 999) is not in the export" },
      ]),
    );
    expect(report.photos.missingCount).toBe(4);
    // The original of the resized copy was asked for (never the copy), and each file once a run.
    const real = requests.slice(afterDryRun);
    expect(real.filter((r) => r.endsWith("/market.jpg"))).toHaveLength(1);
    expect(real.filter((r) => r.endsWith("/market-300x200.jpg"))).toHaveLength(0);
    expect(real.filter((r) => r.endsWith("/silo.jpg"))).toHaveLength(1);

    const [story] = await db.select().from(stories).where(eq(stories.title, "Silo repairs begin"));
    const [silo] = await db.select().from(media).where(eq(media.id, story!.featuredMediaId!));
    expect(silo).toMatchObject({ originalName: "silo.jpg", altText: "The grain silo", caption: "The silo in May", description: "Taken from the east gate.", creditName: "Ahmad Zia", width: 120, height: 80 });
    const html = story!.bodyHtml;
    expect(html).toMatch(/<figure class="story-photo"[^>]*>.*alt="Market stalls".*Traders at dawn|alt="Market stalls"/s);
    expect(photoIdsIn(story!.body)).toHaveLength(3);
    // Links to what could not be had, with their alt text; never an image from another host.
    expect(html).toContain(`<a href="${site}/wp-content/uploads/2024/05/gone.jpg">Image: Gone photo</a>`);
    expect(html).toContain('<a href="https://cdn.elsewhere.example/x.jpg">Image: Remote photo</a>');
    expect(html).not.toMatch(/<img[^>]+src="(https?:)?\/\/(?!\/)/);
    const uses = await db.select().from(storyMedia).where(eq(storyMedia.storyId, story!.id));
    expect(uses.filter((u) => u.role === "featured")).toHaveLength(1);
    expect(uses.filter((u) => u.role === "body")).toHaveLength(3);
  });

  it("importing again fetches nothing and duplicates nothing; the site's settings and navigation are untouched", async () => {
    const { db } = handle();
    const settingsBefore = await db.select().from(settings);
    const sectionsBefore = await db.select({ slug: tags.slug }).from(tags).where(eq(tags.isSection, true));
    const before = await mediaCount(db);
    const fetched = requests.length;
    const text = exportText();
    const again = await importWxr(() => [text], { siteTimeZone: "UTC", now: NOW, photos: photoOptions({ fetch: true }) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // The unattached photo is read again (attachments carry no import record) but is the same library item.
    expect(again.photos).toMatchObject({ imported: 0 });
    expect(await mediaCount(db)).toBe(before);
    expect(requests.length - fetched).toBeLessThanOrEqual(4);
    expect(await db.select().from(settings)).toEqual(settingsBefore);
    expect(await db.select({ slug: tags.slug }).from(tags).where(eq(tags.isSection, true))).toEqual(sectionsBefore);
  });

  it("photos need a source that can be read twice; without a photo source images stay links, and stories that have their photos keep them", async () => {
    const { db } = handle();
    await expect(importWxr([exportText()], { siteTimeZone: "UTC", now: NOW, photos: photoOptions({ fetch: true }) })).rejects.toThrow(/reads the export twice/);
    const same = await importWxr(() => [exportText()], { siteTimeZone: "UTC", now: NOW });
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const [kept] = await db.select().from(stories).where(eq(stories.title, "Silo repairs begin"));
    expect(photoIdsIn(kept!.body)).toHaveLength(3);
    // The same posts from another site, without a photo source: links to the old files.
    const other = exportText().replace(`<wp:base_blog_url>${site}</wp:base_blog_url>`, "<wp:base_blog_url>http://other.example</wp:base_blog_url>");
    const report = await importWxr(() => [other], { siteTimeZone: "UTC", now: NOW });
    expect(report).toMatchObject({ created: 2, skipped: { "attachments (media files)": 4 } });
    expect(report.photos).toMatchObject({ source: "none", imported: 0, featured: 0, inBodies: 0, leftAsLinks: 7, missingCount: 0 });
    const linked = await db.select().from(stories).where(eq(stories.title, "Silo repairs begin"));
    const copy = linked.find((s) => s.id !== kept!.id)!;
    expect(copy.featuredMediaId).toBeNull();
    expect(copy.bodyHtml).toContain(`<a href="${site}/wp-content/uploads/2024/05/market.jpg">Image: Stalls</a> Traders at dawn`);
  });
});
