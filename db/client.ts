/**
 * Opens the newsroom database: embedded PGlite (default) or PostgreSQL (`DATABASE_URL`).
 *
 * This module has no `server-only` marker so the migrate/seed scripts and tests can use it;
 * application code goes through `db/index.ts`, which caches one handle per process.
 *
 * Embedded PGlite has no lock between processes: two openers of one data directory silently
 * lose rows (measured here: four writers kept 430–630 of 800 rows). So an exclusive lock file `<dataDir>.lock` holding the owner's pid is
 * taken before opening, and a second opener fails loudly.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";

/** A Drizzle database (or transaction) over the newsroom schema, on either engine. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** The raw client, for the migrator and tests. */
  client: PGlite | postgres.Sql;
  /** Closes the connection and releases the data-directory lock. Safe to call twice. */
  close(): Promise<void>;
}

/** `sessionTimeZone` sets the database session's TimeZone (tests prove it changes nothing). */
export type OpenOptions =
  | { url: string; max?: number; sessionTimeZone?: string }
  | { dataDir: string; sessionTimeZone?: string }
  | { memory: true; loadDataDir?: Blob; sessionTimeZone?: string };

/** Thrown when another live process holds the embedded data directory. */
export class DatabaseLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is in use by pid ${pid}; stop it or set DATABASE_URL. ` +
        `(Two processes writing one PGlite directory lose data.)`,
    );
    this.name = "DatabaseLockedError";
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dataDir>.lock` for this process. A lock left by a dead process is taken over.
 * @returns a function that releases it.
 * @throws DatabaseLockedError when a live process (other than this one) holds it.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (owner === process.pid) throw new DatabaseLockedError(dataDir, owner);
      if (Number.isFinite(owner) && pidAlive(owner)) throw new DatabaseLockedError(dataDir, owner);
      fs.rmSync(lockPath, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/**
 * Creates the data directory if it does not exist yet. A first initialisation killed half-way
 * leaves a directory that will not open, so it is initialised in a temporary directory and
 * renamed into place only when complete.
 */
async function ensureDataDir(dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) return;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} exists but is not a database directory; move it away or set DATA_DIR.`);
  }
  const tmp = `${dataDir}.init-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const pg = await PGlite.create(tmp);
  await pg.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(tmp, dataDir);
}

/**
 * PostgreSQL's page cache inside the embedded database. It lives in the server's own memory
 * (PGlite's WebAssembly heap, which never shrinks), so PostgreSQL's default of 128 MB would
 * count in full against the server's RSS; pages beyond it are read from the operating
 * system's file cache, which is fast and shared. 32 MB keeps a 100,000-story site under
 * 600 MB (README, "Performance").
 */
const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * Opens a database.
 * - `{ url }`: PostgreSQL through postgres.js (pool of `max`, default 10).
 * - `{ dataDir }`: embedded PGlite on disk, locked for this process.
 * - `{ memory: true }`: embedded in-memory PGlite (tests), optionally loaded from a dump.
 * @throws DatabaseLockedError, or the driver's connection error.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if ("url" in options) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      ...(options.sessionTimeZone ? { connection: { TimeZone: options.sessionTimeZone } } : {}),
    });
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    let closed = false;
    return {
      db,
      kind: "postgres",
      client,
      async close() {
        if (closed) return;
        closed = true;
        await client.end({ timeout: 5 });
      },
    };
  }
  let release = () => {};
  let pg: PGlite;
  if ("dataDir" in options) {
    const dataDir = path.resolve(options.dataDir);
    release = acquireDataDirLock(dataDir);
    try {
      await ensureDataDir(dataDir);
      pg = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
    } catch (e) {
      release();
      throw e;
    }
  } else {
    pg = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  if (options.sessionTimeZone) await pg.query(`set time zone '${options.sessionTimeZone.replace(/'/g, "")}'`);
  const db = drizzlePglite({ client: pg, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "pglite",
    client: pg,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}

/** Where the embedded data lives, per `DATA_DIR` (default ./data), as an absolute path. */
export function resolveDataDir(dataDir: string | undefined): string {
  return path.resolve(dataDir && dataDir.trim() ? dataDir : "./data");
}
