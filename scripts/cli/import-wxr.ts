/**
 * `npm run import:wxr -- <file.xml> [--site-timezone <IANA>] [--dry-run] [--pages section|skip] [--permalink-structure '/%year%/%monthnum%/%day%/%postname%/']
 *   [--uploads-dir <wp-content/uploads copy>] [--fetch-media] [--media-host <host>]… [--media-timeout <seconds>] [--media-concurrency <n>] [--media-allow-private]`
 * Imports a WordPress export into the database of this install (DATABASE_URL, or the
 * embedded one under DATA_DIR with the server stopped). Photos come from a local copy of the
 * old site's wp-content/uploads (`--uploads-dir`) and/or are fetched from the old site
 * (`--fetch-media`: only its own hosts and `--media-host`s, only public addresses unless
 * `--media-allow-private`); without either, images stay links to the old site. Ctrl-C stops after the current item;
 * running the same command again resumes (imported items are recognised and skipped).
 * Prints progress and the import report; exits 1 when any item failed.
 */
import { parsePermalinkStructure } from "@/lib/import/permalink";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { countWxrItems, importWxr } from "@/lib/import/importer";
import type { PhotoSourceOptions } from "@/lib/import/photo-source";
import { reportLines } from "@/lib/import/report-text";
import { isValidTimeZone } from "@/lib/dates/format";

loadEnvConfig(process.cwd());

const USAGE =
  "Usage: npm run import:wxr -- <file.xml> [--site-timezone Asia/Kabul] [--dry-run] [--pages section|skip] [--permalink-structure '/%year%/%monthnum%/%postname%/']\n" +
  "         [--uploads-dir ./wp-content/uploads] [--fetch-media] [--media-host cdn.example.com]... [--media-timeout 15] [--media-concurrency 4] [--media-allow-private]";

/** A whole number in `min`…`max` from an option, or exits with the usage. */
function wholeNumber(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}.\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "site-timezone": { type: "string", default: "UTC" },
      "dry-run": { type: "boolean", default: false },
      pages: { type: "string", default: "skip" },
      "permalink-structure": { type: "string", default: "" },
      "uploads-dir": { type: "string" },
      "fetch-media": { type: "boolean", default: false },
      "media-host": { type: "string", multiple: true, default: [] },
      "media-timeout": { type: "string" },
      "media-concurrency": { type: "string" },
      "media-allow-private": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    process.exit(2);
  }
  const tz = values["site-timezone"] as string;
  if (!isValidTimeZone(tz)) {
    console.error(`Unknown time zone "${tz}": use an IANA name such as Asia/Kabul or Europe/London.`);
    process.exit(2);
  }
  if (values.pages !== "section" && values.pages !== "skip") {
    console.error(`--pages must be "section" or "skip".\n${USAGE}`);
    process.exit(2);
  }
  const permalinkStructure = (values["permalink-structure"] as string).trim();
  if (permalinkStructure) {
    try {
      parsePermalinkStructure(permalinkStructure);
    } catch (e) {
      console.error(`${(e as Error).message}\n${USAGE}`);
      process.exit(2);
    }
  }
  const uploadsDir = values["uploads-dir"] as string | undefined;
  if (uploadsDir !== undefined && !(fs.existsSync(uploadsDir) && fs.statSync(uploadsDir).isDirectory())) {
    console.error(`--uploads-dir: no such folder: ${uploadsDir} (give a copy of the old site's wp-content/uploads)`);
    process.exit(2);
  }
  const mediaHosts = (values["media-host"] as string[]).flatMap((h) => h.split(",")).map((h) => h.trim().toLowerCase()).filter(Boolean);
  for (const h of mediaHosts) {
    if (!/^[a-z0-9.-]+(:\d+)?$/.test(h)) {
      console.error(`--media-host "${h}" is not a host name (write it without https:// or a path, e.g. cdn.example.com).`);
      process.exit(2);
    }
  }
  const photos: PhotoSourceOptions | undefined =
    uploadsDir || values["fetch-media"]
      ? {
          uploadsDir,
          fetch: values["fetch-media"] as boolean,
          allowedHosts: mediaHosts,
          timeoutMs: wholeNumber(values["media-timeout"] as string | undefined, "media-timeout", 15, 1, 600) * 1000,
          concurrency: wholeNumber(values["media-concurrency"] as string | undefined, "media-concurrency", 4, 1, 32),
          allowPrivateAddresses: values["media-allow-private"] as boolean,
        }
      : undefined;
  await runMigrations(await getDatabase());
  const total = await countWxrItems(fs.createReadStream(file));
  const controller = new AbortController();
  process.once("SIGINT", () => {
    console.error("\nStopping after the current item… (run the same command again to resume)");
    controller.abort();
  });
  let last = 0;
  try {
    const report = await importWxr(() => fs.createReadStream(file, { highWaterMark: 64 * 1024 }), {
      photos,
      siteTimeZone: tz,
      dryRun: values["dry-run"],
      pages: values.pages,
      permalinkStructure,
      signal: controller.signal,
      onProgress: (done) => {
        if (Date.now() - last > 1000 || done === total) {
          last = Date.now();
          process.stderr.write(`\r${done} / ${total} items`);
        }
      },
    });
    process.stderr.write("\n");
    console.log(reportLines(report).join("\n"));
    if (report.errors.length) process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

main().catch((e: unknown) => {
  console.error(`import:wxr failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
