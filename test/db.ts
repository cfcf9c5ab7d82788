/**
 * Integration-test databases.
 *
 * `useTestDatabase(engine)` installs a fresh, migrated database as the process's handle for
 * one test file: in-memory PGlite loaded from the migrated dump, or — for "postgres" — a new
 * database created on TEST_DATABASE_URL's server, dropped afterwards.
 * `engines()` lists the engines to run a data-layer suite on: always PGlite, plus
 * PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
 * `secondHandle(engine, first)` opens the same database again, as a second server would.
 */
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { closeDatabase, setDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";

export type Engine = "pglite" | "postgres";

export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Opens a fresh migrated database of the given engine (caller closes it). */
export async function openTestDatabase(
  engine: Engine,
  { sessionTimeZone }: { sessionTimeZone?: string } = {},
): Promise<{ handle: DatabaseHandle; dispose: () => Promise<void> }> {
  if (engine === "pglite") {
    const dump = fs.readFileSync(inject("migratedDumpPath"));
    const handle = await openDatabase({ memory: true, loadDataDir: new Blob([dump]), sessionTimeZone });
    return { handle, dispose: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `newsroom_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const handle = await openDatabase({ url: withDatabase(adminUrl, name), max: 4, sessionTimeZone });
  await runMigrations(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Installs a fresh database of `engine` as the process's database for the current file's
 * (or describe block's) tests. Returns a getter for the handle.
 */
export function useTestDatabase(engine: Engine, options: { sessionTimeZone?: string } = {}): () => DatabaseHandle {
  let current: { handle: DatabaseHandle; dispose: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await openTestDatabase(engine, options);
    setDatabase(current.handle);
  });
  afterAll(async () => {
    if (current) {
      await current.dispose();
      await closeDatabase().catch(() => {});
    }
  });
  return () => {
    if (!current) throw new Error("test database not open yet");
    return current.handle;
  };
}

/**
 * A second handle on the database `first` is open on, as a second server would open it, for
 * tests of workers racing over one table. On PGlite (one process, one connection) it is
 * `first` itself; on PostgreSQL a new pool the caller closes.
 */
export async function secondHandle(engine: Engine, first: DatabaseHandle): Promise<DatabaseHandle> {
  if (engine === "pglite") return first;
  const [current] = await (first.client as postgres.Sql)<{ name: string }[]>`select current_database() as name`;
  return openDatabase({ url: withDatabase(process.env.TEST_DATABASE_URL as string, current!.name), max: 4 });
}
