/**
 * The process-wide database handle, without the `server-only` marker so instrumentation and
 * scripts can reach it; application code imports `@/db` instead.
 *
 * Next evaluates a module several times in one server process, so the handle's promise is
 * cached on `globalThis`: a plain module variable would open PGlite up to three times, and
 * two PGlite instances on one directory lose rows (db/client.ts). `DATABASE_URL` selects
 * PostgreSQL; otherwise embedded PGlite under `DATA_DIR` (default ./data).
 */
import { databaseConfig } from "./config";
import { openDatabase, resolveDataDir, type DatabaseHandle } from "./client";

const globalForDb = globalThis as unknown as { __newsroomDb?: Promise<DatabaseHandle> };

/** The process's database handle (opened on first use). @throws on connection or lock failure. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__newsroomDb) {
    const e = databaseConfig();
    const opening = openDatabase(e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir: resolveDataDir(e.DATA_DIR) });
    // A failed open must not be cached forever: the next request tries again.
    opening.catch(() => {
      if (globalForDb.__newsroomDb === opening) globalForDb.__newsroomDb = undefined;
    });
    globalForDb.__newsroomDb = opening;
  }
  return globalForDb.__newsroomDb;
}

/** Uses `handle` as this process's database (tests and scripts that open their own). */
export function setDatabase(handle: DatabaseHandle): void {
  globalForDb.__newsroomDb = Promise.resolve(handle);
}

/** Forgets the process's handle after closing it. */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__newsroomDb;
  globalForDb.__newsroomDb = undefined;
  if (current) await (await current).close();
}
