/**
 * Vitest global setup: migrates one in-memory PGlite once and saves its data directory as a
 * tarball, so each integration test file loads a migrated database in ~1 s instead of
 * creating and migrating one (4–6 s measured for a fresh in-memory PGlite).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const handle = await openDatabase({ memory: true });
  await runMigrations(handle);
  const client = handle.client as import("@electric-sql/pglite").PGlite;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-test-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  provide("migratedDumpPath", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    migratedDumpPath: string;
  }
}
