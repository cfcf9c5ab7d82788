/**
 * The import process that importer-durability.int.test.ts kills with SIGKILL: imports a
 * WordPress export into an embedded database on disk, writes "done <n>" to stdout after each
 * item and "finished" at the end, and never closes the database (so nothing but the
 * importer's own commits can have reached the disk). With a stop point it waits forever
 * once that many items are done.
 * Usage: node --conditions=react-server --import tsx lib/import/kill-test-child.ts <dataDir> <export.xml> <stopAt|end>
 */
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db/handle";
import { importWxr } from "./importer";

/** Never settles; a timer keeps the process alive until it is killed. */
const waitForever = () => new Promise<never>(() => setInterval(() => {}, 60_000));

async function main(): Promise<void> {
  const [dataDir, file, stop] = process.argv.slice(2);
  if (!dataDir || !file || !stop) throw new Error("usage: kill-test-child.ts <dataDir> <export.xml> <stopAt|end>");
  const stopAt = stop === "end" ? Number.POSITIVE_INFINITY : Number(stop);
  setDatabase(await openDatabase({ dataDir }));
  await importWxr(fs.createReadStream(file), {
    siteTimeZone: "UTC",
    onProgress: async (done) => {
      process.stdout.write(`done ${done}\n`);
      if (done >= stopAt) await waitForever();
    },
  });
  process.stdout.write("finished\n");
  await waitForever();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
