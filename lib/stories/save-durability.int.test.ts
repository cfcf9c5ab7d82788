/**
 * Durability of a desk save on the embedded database (PGlite on a data directory) against
 * `kill -9`: a draft saved (saveStory has returned) and the server killed at once is there,
 * with its revision, when the data directory is opened again. A desk save commits
 * synchronously (unlike the importer's items, see lib/import/importer.ts), so its commit
 * writes the WAL up to its own record before saveStory returns; PGlite has no WAL writer
 * and nothing else would. Here the save runs in a child process
 * (lib/stories/save-kill-child.ts) that is killed with SIGKILL the moment it reports the
 * save, never closing the database; the data directory is then opened again (crash
 * recovery) and read. PostgreSQL is not run: its durability is the server's own.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { stories, storyRevisions } from "@/db/schema";

const ROOT = path.resolve(__dirname, "../..");
const CHILD = path.join(__dirname, "save-kill-child.ts");

let work = "";
let migrated = "";

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-save-kill-"));
  migrated = path.join(work, "migrated");
  const handle = await openDatabase({ dataDir: migrated });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Runs the child on a copy of the migrated data directory and kills it with SIGKILL as soon
 * as its stdout has the "saved <id> <version>" line.
 * @returns the data directory and the saved story's id and version.
 * @throws when the child exits before saving (its output is in the message).
 */
async function saveThenKill(name: string, headline: string): Promise<{ dataDir: string; id: string; version: number }> {
  const dataDir = path.join(work, name);
  fs.cpSync(migrated, dataDir, { recursive: true });
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, dataDir, headline], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const saved = await new Promise<{ id: string; version: number }>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^saved (\S+) (\d+)$/m.exec(out);
      if (!m) return;
      // Killed at once, in the same callback: nothing after saveStory's return can run.
      child.kill("SIGKILL");
      resolve({ id: m[1]!, version: Number(m[2]) });
    });
    void exited.then(({ code }) => reject(new Error(`the desk process exited (${code}) before saving:\n${out}\n${err}`)));
  });
  // Reaped before the directory is opened again (its lock names the child's pid).
  expect((await exited).signal).toBe("SIGKILL");
  return { dataDir, ...saved };
}

describe("a desk save on the embedded database, the process killed with SIGKILL right after it", () => {
  it.each([1, 2, 3])(
    "the saved draft and its revision are there after a restart (run %i of 3)",
    async (run) => {
      const headline = `Durable draft ${run}: the dam holds after the night's storm`;
      const { dataDir, id, version } = await saveThenKill(`run-${run}`, headline);
      const handle = await openDatabase({ dataDir });
      try {
        const [story] = await handle.db.select().from(stories).where(eq(stories.id, id));
        expect(story, "the saved story after the restart").toBeDefined();
        expect([story!.title, story!.status, story!.version]).toEqual([headline, "draft", version]);
        expect(story!.bodyText).toContain(`${headline}: the body of the draft.`);
        const revisions = await handle.db.select().from(storyRevisions).where(eq(storyRevisions.storyId, id));
        expect(revisions.map((r) => [r.version, r.kind, r.title])).toEqual([[version, "draft", headline]]);
      } finally {
        await handle.close();
      }
    },
    180_000,
  );
});
