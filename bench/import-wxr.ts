/**
 * `npm run bench:import -- [--posts 10000] [--photos-per-post 2] [--pg postgres://…/db]`
 *
 * Generates a synthetic WordPress export (posts of 600–1,200 words, 4 categories, 300 tags,
 * 50 authors; our own generated text) and, with photos, a local uploads folder
 * (`wp-content/uploads/YYYY/MM/photo-<id>.jpg`): `posts × N` distinct 160×120 JPEGs (each a
 * colour and a pattern drawn from its number, so each is its own library photo). Each post has
 * one featured photo (`_thumbnail_id`) and N−1 images in its body (`<img class="wp-image-<id>">`
 * naming a resized copy, "photo-<id>-1024x768.jpg"); its attachment items follow it in the file,
 * as WordPress writes them, in id order (a post's id, then its uploads' ids).
 *
 * It imports the export into a fresh database (embedded PGlite in a temporary directory, or a
 * new database on the PostgreSQL server given by --pg), with photos from the uploads folder
 * into a media folder in the same temporary directory, and reports posts/s, photos/s (photos
 * imported ÷ import seconds) and memory: the peak JS heap and RSS, sampled every 100 ms, and at
 * each quarter of the items the heap, the live heap (after a full garbage collection) and RSS,
 * so memory that grows with the file would show. The time to generate the export and
 * the photos is reported apart and not counted in the import. It fails (exit code 1) when the
 * report's counts are not what the export holds (a story or photo missing, an error). Writes
 * JSON to bench-results/ and deletes the temporary directory.
 *
 * Options:
 * - `--posts N`: posts in the export (default 10000);
 * - `--photos-per-post N`: photos per post (default 2: a featured photo and one body image);
 *   0 writes no photos and imports without a photo source, as before;
 * - `--pg URL`: import into a new database on this PostgreSQL server instead of PGlite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import sharp from "sharp";
import { openDatabase } from "@/db/client";
import { setDatabase, closeDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { importWxr } from "@/lib/import/importer";
import { DiskStorage } from "@/lib/media/storage";
import { setMediaStorage } from "@/lib/media/store";

const WORDS =
  "council budget water road school clinic market river bridge minister province district winter harvest wheat price fuel power school teacher student exam border trade truck route police court report survey rain flood snow valley city village mayor plan project road repair hospital doctor nurse vaccine season festival music poetry library museum bus station airport flight".split(
    " ",
  );

function* paragraphs(seed: number, words: number): Generator<string> {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 40 + (next() % 60));
    left -= n;
    const w: string[] = [];
    for (let i = 0; i < n; i++) w.push(WORDS[next() % WORDS.length] as string);
    w[0] = w[0]!.charAt(0).toUpperCase() + w[0]!.slice(1);
    yield `<p>${w.join(" ")}.</p>`;
  }
}

const SITE = "https://bench.example";
const PHOTO_WIDTH = 160;
const PHOTO_HEIGHT = 120;

/** The ids of post `i` (1-based) and of its photos: a post, then its uploads, in id order. */
function ids(i: number, perPost: number): { post: number; photos: number[] } {
  const post = (i - 1) * (perPost + 1) + 1;
  return { post, photos: Array.from({ length: perPost }, (_, k) => post + 1 + k) };
}

/** The date of post `i`: one an hour from 2015-01-01 (UTC). */
const postDate = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 3_600_000);

/** A photo's path under wp-content/uploads ("2015/01/photo-123.jpg"), by its post's month. */
function uploadPath(i: number, photoId: number): string {
  const d = postDate(i).toISOString();
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/photo-${photoId}.jpg`;
}

/**
 * A 160×120 JPEG unlike every other: a background colour from `n`, and `n`'s 16 low bits as a
 * 4×4 grid of dark and light cells (coarse enough to survive JPEG, so no two decode alike).
 */
function photoJpeg(n: number): Promise<Buffer> {
  const pixels = Buffer.alloc(PHOTO_WIDTH * PHOTO_HEIGHT * 3);
  const bg = [(n * 37) % 200, (n * 91) % 200, (n * 53) % 200];
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      const bit = Math.floor(y / (PHOTO_HEIGHT / 4)) * 4 + Math.floor(x / (PHOTO_WIDTH / 4));
      const on = (n >> bit) & 1;
      const o = (y * PHOTO_WIDTH + x) * 3;
      for (let c = 0; c < 3; c++) pixels[o + c] = on ? 255 - (bg[c] as number) / 4 : (bg[c] as number);
    }
  }
  return sharp(pixels, { raw: { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/** Writes the uploads folder: every post's photos, `concurrency` at a time. @returns the bytes written. */
async function generatePhotos(uploadsDir: string, posts: number, perPost: number, concurrency = 8): Promise<number> {
  let next = 1;
  let bytes = 0;
  const made = new Set<string>();
  const worker = async () => {
    for (let i = next++; i <= posts; i = next++) {
      for (const photoId of ids(i, perPost).photos) {
        const file = path.join(uploadsDir, uploadPath(i, photoId));
        const folder = path.dirname(file);
        if (!made.has(folder)) {
          made.add(folder);
          fs.mkdirSync(folder, { recursive: true });
        }
        const data = await photoJpeg(photoId);
        await fs.promises.writeFile(file, data);
        bytes += data.byteLength;
      }
      if (i % 1000 === 0) process.stderr.write(`\r${i} / ${posts} posts' photos`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (posts >= 1000) process.stderr.write("\n");
  return bytes;
}

/** A photo's attachment item: uploaded to post `parent`, with its file, alt text and caption. */
function attachmentItem(i: number, parent: number, photoId: number, wp: string): string {
  const file = uploadPath(i, photoId);
  return `<item><title><![CDATA[photo-${photoId}]]></title>
<dc:creator><![CDATA[writer${i % 50}]]></dc:creator><guid isPermaLink="false">${SITE}/wp-content/uploads/${file}</guid>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[Photo ${photoId} of story ${i}.]]></excerpt:encoded>
<wp:post_id>${photoId}</wp:post_id><wp:post_date>${wp}</wp:post_date><wp:post_date_gmt>${wp}</wp:post_date_gmt>
<wp:post_name>photo-${photoId}</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>${parent}</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>attachment</wp:post_type><wp:post_password></wp:post_password>
<wp:attachment_url>${SITE}/wp-content/uploads/${file}</wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[${WORDS[photoId % WORDS.length]} in picture ${photoId}]]></wp:meta_value></wp:postmeta>
</item>
`;
}

/**
 * Writes a WXR file of `posts` posts, each with `perPost` photos (a featured one, the others in
 * its body) whose attachment items follow it; returns its size in bytes.
 */
async function generate(file: string, posts: number, perPost: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic Bench</title><link>${SITE}</link><language>en-US</language>
<wp:base_blog_url>${SITE}</wp:base_blog_url>
`);
  for (let a = 0; a < 50; a++) await write(`<wp:author><wp:author_login>writer${a}</wp:author_login><wp:author_display_name><![CDATA[Writer ${a}]]></wp:author_display_name></wp:author>\n`);
  for (const c of ["News", "Business", "Sport", "Culture"]) await write(`<wp:category><wp:category_nicename>${c.toLowerCase()}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[${c}]]></wp:cat_name></wp:category>\n`);
  for (let i = 1; i <= posts; i++) {
    const { post, photos } = ids(i, perPost);
    const wp = postDate(i).toISOString().slice(0, 19).replace("T", " ");
    const body = [...paragraphs(i, 600 + ((i * 37) % 600))];
    // Body images (all photos but the featured one), spread through the text.
    photos.slice(1).forEach((photoId, k) => {
      const resized = uploadPath(i, photoId).replace(/\.jpg$/, "-1024x768.jpg");
      const at = Math.min(body.length, 1 + k * 2);
      body.splice(at, 0, `<img src="${SITE}/wp-content/uploads/${resized}" class="alignnone size-large wp-image-${photoId}" alt="${WORDS[photoId % WORDS.length]} in picture ${photoId}" width="1024" height="768" />`);
    });
    const tags = [i % 300, (i * 7) % 300, (i * 13) % 300].map((t) => `<category domain="post_tag" nicename="topic-${t}"><![CDATA[Topic ${t}]]></category>`).join("");
    const cat = ["News", "Business", "Sport", "Culture"][i % 4]!;
    const thumbnail = photos.length ? `<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${photos[0]}]]></wp:meta_value></wp:postmeta>\n` : "";
    await write(`<item><title><![CDATA[Synthetic story ${i}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}]]></title>
<dc:creator><![CDATA[writer${i % 50}]]></dc:creator><guid isPermaLink="false">${SITE}/?p=${post}</guid>
<content:encoded><![CDATA[${body.join("\n\n")}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${post}</wp:post_id><wp:post_date>${wp}</wp:post_date><wp:post_date_gmt>${wp}</wp:post_date_gmt>
<wp:post_name>synthetic-story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="${cat.toLowerCase()}"><![CDATA[${cat}]]></category>${tags}
${thumbnail}</item>
`);
    for (const photoId of photos) await write(attachmentItem(i, post, photoId, wp));
  }
  await write("</channel></rss>\n");
  await new Promise<void>((r) => out.end(() => r()));
  return fs.statSync(file).size;
}

/** Files and bytes under a folder (the media the import wrote). */
function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(dir)) return { files, bytes };
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

/**
 * A full garbage collection, so the heap measured at each quarter is what the import keeps,
 * not the garbage that happens to be waiting (which swings by hundreds of MB between samples).
 */
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const round1 = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main() {
  const { values } = parseArgs({ options: { posts: { type: "string", default: "10000" }, "photos-per-post": { type: "string", default: "2" }, pg: { type: "string" } } });
  const posts = Number(values.posts);
  const perPost = Number(values["photos-per-post"]);
  if (!Number.isInteger(posts) || posts < 1) throw new Error("--posts must be a positive whole number");
  if (!Number.isInteger(perPost) || perPost < 0 || perPost > 50) throw new Error("--photos-per-post must be a whole number from 0 to 50");
  const photos = posts * perPost;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    await run(dir, posts, perPost, photos, values.pg);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function run(dir: string, posts: number, perPost: number, photos: number, pg: string | undefined) {
  const file = path.join(dir, "export.xml");
  const uploadsDir = path.join(dir, "uploads");
  const mediaDir = path.join(dir, "media");
  // Photos the import stores go to the temporary directory, never into the repository (or S3).
  setMediaStorage(new DiskStorage(mediaDir));

  console.log(`Generating ${posts} posts${photos ? ` and ${photos} photos` : ""}…`);
  let t = performance.now();
  const bytes = await generate(file, posts, perPost);
  const exportSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const uploadBytes = photos ? await generatePhotos(uploadsDir, posts, perPost) : 0;
  const photoGenSeconds = (performance.now() - t) / 1000;
  console.log(`${file}: ${(bytes / 1048576).toFixed(1)} MB in ${exportSeconds.toFixed(1)} s`);
  if (photos) console.log(`${uploadsDir}: ${photos} photos, ${(uploadBytes / 1048576).toFixed(1)} MB in ${photoGenSeconds.toFixed(1)} s (not counted in the import)`);

  let dispose = async () => {};
  let engine = "PGlite (embedded, temporary directory)";
  if (pg) {
    const name = `bench_import_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const admin = postgres(pg, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(pg);
    u.pathname = `/${name}`;
    const handle = await openDatabase({ url: u.toString(), max: 4 });
    setDatabase(handle);
    engine = "PostgreSQL";
    dispose = async () => {
      await closeDatabase();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const handle = await openDatabase({ dataDir: path.join(dir, "data") });
    setDatabase(handle);
    dispose = () => closeDatabase();
  }
  try {
    const handle = (await import("@/db/handle")).getDatabase;
    await runMigrations(await handle());

    // Every item counts as done: a post and each of its attachments.
    const items = posts * (perPost + 1);
    const samples: { done: number; seconds: number; heapMb: number; liveHeapMb: number; rssMb: number }[] = [];
    let peakHeap = 0;
    let peakRss = 0;
    let done = 0;
    let firstItemSeconds = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 100);
    const quarter = Math.max(1, Math.floor(items / 4));
    const started = performance.now();
    const report = await importWxr(() => fs.createReadStream(file, { highWaterMark: 64 * 1024 }), {
      siteTimeZone: "UTC",
      ...(perPost ? { photos: { uploadsDir } } : {}),
      onProgress: (n) => {
        done = n;
        if (n === 1) firstItemSeconds = (performance.now() - started) / 1000;
        if (n % quarter === 0) {
          const m = process.memoryUsage();
          const at = round1((performance.now() - started) / 1000);
          collectGarbage();
          samples.push({ done: n, seconds: at, heapMb: mb(m.heapUsed), liveHeapMb: mb(process.memoryUsage().heapUsed), rssMb: mb(m.rss) });
          process.stderr.write(`\r${n} / ${items} items`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    process.stderr.write("\n");
    const media = folderSize(mediaDir);
    const p = report.photos;
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? ""}, Node ${process.version}`,
      engine,
      posts,
      photosPerPost: perPost,
      photos,
      items,
      fileMb: round1(bytes / 1048576),
      uploadsMb: round1(uploadBytes / 1048576),
      generateExportSeconds: round1(exportSeconds),
      generatePhotosSeconds: round1(photoGenSeconds),
      seconds: round1(seconds),
      /** Until the first item was done: the attachments pre-pass (a whole read of the file) and one item. */
      firstItemSeconds: round1(firstItemSeconds),
      postsPerSecond: Math.round(report.created / seconds),
      photosPerSecond: Math.round(p.imported / seconds),
      itemsDone: done,
      created: report.created,
      errors: report.errors.length,
      photoReport: { source: p.source, imported: p.imported, reused: p.reused, featured: p.featured, inBodies: p.inBodies, leftAsLinks: p.leftAsLinks, withoutAlt: p.withoutAlt, missingCount: p.missingCount },
      mediaFiles: media.files,
      mediaMb: round1(media.bytes / 1048576),
      peakHeapMb: mb(peakHeap),
      peakRssMb: mb(peakRss),
      byQuarter: samples,
    };
    console.table([
      {
        posts,
        photos,
        "file MB": result.fileMb,
        seconds: result.seconds,
        "posts/s": result.postsPerSecond,
        "photos/s": result.photosPerSecond,
        "peak heap MB": result.peakHeapMb,
        "peak RSS MB": result.peakRssMb,
        errors: result.errors,
      },
    ]);
    console.log("Memory at each quarter of the run:", samples.map((s) => `${s.done} items (${s.seconds} s): heap ${s.heapMb} MB (${s.liveHeapMb} MB live, after a full GC), RSS ${s.rssMb} MB`).join("; "));
    if (perPost) console.log("Photos:", JSON.stringify(result.photoReport), `; ${media.files} files, ${result.mediaMb} MB in the media folder`);

    // What the export holds, and so what the report must say.
    const expected: [string, number, number][] = [
      ["stories created", report.created, posts],
      ["errors", report.errors.length, 0],
      ["items done", done, items],
      ["photos imported", p.imported, photos],
      ["photos reused", p.reused, 0],
      ["featured photos", p.featured, perPost ? posts : 0],
      ["photos in bodies", p.inBodies, posts * Math.max(0, perPost - 1)],
      ["images left as links", p.leftAsLinks, 0],
      ["photos without alt text", p.withoutAlt, 0],
      ["photos missing", p.missingCount, 0],
      ["files in the media folder", media.files, photos],
    ];
    const problems = expected.filter(([, got, want]) => got !== want).map(([what, got, want]) => `${what}: ${got}, expected ${want}`);
    if (report.errors.length) problems.push(`first error: ${JSON.stringify(report.errors[0])}`);
    if (p.missing.length) problems.push(`first missing photo: ${JSON.stringify(p.missing[0])}`);

    fs.mkdirSync("bench-results", { recursive: true });
    const out = path.join("bench-results", `import-${posts}-${perPost}pp-${Date.now()}.json`);
    fs.writeFileSync(out, JSON.stringify({ ...result, problems }, null, 2));
    console.log(`Wrote ${out}`);
    if (problems.length) throw new Error(`the import's counts are off:\n  ${problems.join("\n  ")}`);
  } finally {
    await dispose();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:import failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
