/**
 * `npm run import:wxr -- <file.xml> [--site-timezone <IANA>] [--dry-run] [--pages section|skip] [--permalink-structure '/%year%/%monthnum%/%day%/%postname%/']`
 * Imports a WordPress export into the database of this install (DATABASE_URL, or the
 * embedded one under DATA_DIR with the server stopped). Ctrl-C stops after the current item;
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
import { reportLines } from "@/lib/import/report-text";
import { isValidTimeZone } from "@/lib/dates/format";

loadEnvConfig(process.cwd());

const USAGE = "Usage: npm run import:wxr -- <file.xml> [--site-timezone Asia/Kabul] [--dry-run] [--pages section|skip] [--permalink-structure '/%year%/%monthnum%/%postname%/']";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "site-timezone": { type: "string", default: "UTC" }, "dry-run": { type: "boolean", default: false }, pages: { type: "string", default: "skip" }, "permalink-structure": { type: "string", default: "" } },
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
  await runMigrations(await getDatabase());
  const total = await countWxrItems(fs.createReadStream(file));
  const controller = new AbortController();
  process.once("SIGINT", () => {
    console.error("\nStopping after the current item… (run the same command again to resume)");
    controller.abort();
  });
  let last = 0;
  try {
    const report = await importWxr(fs.createReadStream(file, { highWaterMark: 64 * 1024 }), {
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
