/**
 * `npm run bench:import -- [--posts 10000] [--pg postgres://…/db]`
 * Generates a synthetic WordPress export (posts of 600–1,200 words, 4 categories, 300 tags,
 * 50 authors; our own generated text), imports it into a fresh database (embedded PGlite in a
 * temporary directory, or a new database on the PostgreSQL server given by --pg), and reports
 * posts per second and memory: the JS heap and RSS sampled through the run, at each quarter,
 * so a heap that grows with the file would show. Writes JSON to bench-results/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { setDatabase, closeDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { importWxr } from "@/lib/import/importer";

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

/** Writes a WXR file of `posts` posts; returns its size in bytes. */
async function generate(file: string, posts: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Synthetic Bench</title><link>https://bench.example</link><language>en-US</language>
<wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  for (let a = 0; a < 50; a++) await write(`<wp:author><wp:author_login>writer${a}</wp:author_login><wp:author_display_name><![CDATA[Writer ${a}]]></wp:author_display_name></wp:author>\n`);
  for (const c of ["News", "Business", "Sport", "Culture"]) await write(`<wp:category><wp:category_nicename>${c.toLowerCase()}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[${c}]]></wp:cat_name></wp:category>\n`);
  for (let i = 1; i <= posts; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000);
    const wp = d.toISOString().slice(0, 19).replace("T", " ");
    const body = [...paragraphs(i, 600 + ((i * 37) % 600))].join("\n\n");
    const tags = [i % 300, (i * 7) % 300, (i * 13) % 300].map((t) => `<category domain="post_tag" nicename="topic-${t}"><![CDATA[Topic ${t}]]></category>`).join("");
    const cat = ["News", "Business", "Sport", "Culture"][i % 4]!;
    await write(`<item><title><![CDATA[Synthetic story ${i}: ${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}]]></title>
<dc:creator><![CDATA[writer${i % 50}]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${i}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${wp}</wp:post_date><wp:post_date_gmt>${wp}</wp:post_date_gmt>
<wp:post_name>synthetic-story-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="${cat.toLowerCase()}"><![CDATA[${cat}]]></category>${tags}
</item>
`);
  }
  await write("</channel></rss>\n");
  await new Promise<void>((r) => out.end(() => r()));
  return fs.statSync(file).size;
}

async function main() {
  const { values } = parseArgs({ options: { posts: { type: "string", default: "10000" }, pg: { type: "string" } } });
  const posts = Number(values.posts);
  if (!Number.isInteger(posts) || posts < 1) throw new Error("--posts must be a positive whole number");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  const file = path.join(dir, "export.xml");
  console.log(`Generating ${posts} posts…`);
  const bytes = await generate(file, posts);
  console.log(`${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  let dispose = async () => {};
  let engine = "PGlite (embedded, temporary directory)";
  if (values.pg) {
    const name = `bench_import_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const admin = postgres(values.pg, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(values.pg);
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
  const handle = (await import("@/db/handle")).getDatabase;
  await runMigrations(await handle());

  const samples: { done: number; heapMb: number; rssMb: number }[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  let done = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 100);
  const quarter = Math.max(1, Math.floor(posts / 4));
  const started = performance.now();
  const report = await importWxr(fs.createReadStream(file, { highWaterMark: 64 * 1024 }), {
    siteTimeZone: "UTC",
    onProgress: (n) => {
      done = n;
      if (n % quarter === 0) {
        const m = process.memoryUsage();
        samples.push({ done: n, heapMb: Math.round(m.heapUsed / 1048576), rssMb: Math.round(m.rss / 1048576) });
        process.stderr.write(`\r${n} / ${posts}`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  process.stderr.write("\n");
  const result = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.cpus()[0]?.model ?? ""}, Node ${process.version}`,
    engine,
    posts,
    fileMb: Math.round((bytes / 1048576) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    postsPerSecond: Math.round(done / seconds),
    created: report.created,
    errors: report.errors.length,
    peakHeapMb: Math.round(peakHeap / 1048576),
    peakRssMb: Math.round(peakRss / 1048576),
    byQuarter: samples,
  };
  console.table([{ posts, "file MB": result.fileMb, seconds: result.seconds, "posts/s": result.postsPerSecond, "peak heap MB": result.peakHeapMb, "peak RSS MB": result.peakRssMb, errors: result.errors }]);
  console.log("Memory at each quarter of the run:", samples.map((s) => `${s.done}: heap ${s.heapMb} MB, RSS ${s.rssMb} MB`).join("; "));
  fs.mkdirSync("bench-results", { recursive: true });
  const out = path.join("bench-results", `import-${posts}-${Date.now()}.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`Wrote ${out}`);
  await dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(`bench:import failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
