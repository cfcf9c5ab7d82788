/**
 * Durability of a WordPress import on the embedded database (PGlite on a data directory),
 * against `kill -9`. Items commit with synchronous_commit off, for speed; PGlite runs in
 * single-user mode with no WAL writer, so until something flushes the log those commits live
 * only in the process's memory, and a killed import lost every item it had reported done.
 * The importer flushes every FLUSH_EVERY_ITEMS items (and every FLUSH_EVERY_MS) and at the
 * end. Here an import runs in a child process (lib/import/kill-test-child.ts), is killed
 * with SIGKILL, and the data directory is opened again (crash recovery) and counted.
 * PostgreSQL is not run: its WAL writer flushes asynchronous commits by itself.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { importItems } from "@/db/schema";
import { FLUSH_EVERY_ITEMS } from "./importer";
import { testExport } from "./test-export";

const ROOT = path.resolve(__dirname, "../..");
const CHILD = path.join(__dirname, "kill-test-child.ts");
const SITE = "https://durable.example";
const ITEMS = 120;

let work = "";
let migrated = "";
let exportFile = "";

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-import-kill-"));
  migrated = path.join(work, "migrated");
  const handle = await openDatabase({ dataDir: migrated });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
  exportFile = path.join(work, "export.xml");
  fs.writeFileSync(exportFile, testExport(Array.from({ length: ITEMS }, (_, i) => ({ id: 1000 + i, title: `Durable story ${i + 1}` })), SITE));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Runs the child on a copy of the migrated data directory until its stdout shows `until`
 * (a line), then kills it with SIGKILL.
 * @returns the data directory and the last "done <n>" the child wrote.
 */
async function importThenKill(name: string, stopAt: number | "end", until: string): Promise<{ dataDir: string; lastDone: number }> {
  const dataDir = path.join(work, name);
  fs.cpSync(migrated, dataDir, { recursive: true });
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, dataDir, exportFile, String(stopAt)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let out = "";
  let err = "";
  let lastDone = 0;
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      for (const m of out.matchAll(/^done (\d+)$/gm)) lastDone = Number(m[1]);
      if (out.split("\n").includes(until)) resolve();
    });
    void exited.then(({ code }) => reject(new Error(`the import exited (${code}) before "${until}":\n${out}\n${err}`)));
  });
  child.kill("SIGKILL");
  // Reaped before the directory is opened again (its lock names the child's pid).
  expect((await exited).signal).toBe("SIGKILL");
  return { dataDir, lastDone };
}

/** Opens the data directory again (PGlite replays its WAL) and counts the imported items. */
async function importedAfterRestart(dataDir: string): Promise<number> {
  const handle = await openDatabase({ dataDir });
  try {
    const [row] = await handle.db.select({ n: count() }).from(importItems).where(eq(importItems.source, SITE));
    return row?.n ?? 0;
  } finally {
    await handle.close();
  }
}

describe("a WordPress import on the embedded database, killed with SIGKILL", () => {
  it(
    "keeps every item up to the last flush: at most FLUSH_EVERY_ITEMS - 1 are lost",
    async () => {
      const stopAt = FLUSH_EVERY_ITEMS * 2 + 10;
      const { dataDir, lastDone } = await importThenKill("mid-import", stopAt, `done ${stopAt}`);
      expect(lastDone).toBe(stopAt);
      const kept = await importedAfterRestart(dataDir);
      // A flush comes at the latest after FLUSH_EVERY_ITEMS items (sooner when FLUSH_EVERY_MS
      // passes first, as on a loaded machine), so fewer than that many can be unflushed.
      expect(kept).toBeGreaterThanOrEqual(stopAt - (FLUSH_EVERY_ITEMS - 1));
      expect(kept).toBeLessThanOrEqual(stopAt);
    },
    180_000,
  );

  it(
    "keeps every item of a finished import, even when the process dies before closing the database",
    async () => {
      const { dataDir } = await importThenKill("after-end", "end", "finished");
      expect(await importedAfterRestart(dataDir)).toBe(ITEMS);
    },
    180_000,
  );
});
