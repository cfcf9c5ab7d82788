/**
 * Applies the committed SQL migrations in db/migrations.
 *
 * On PostgreSQL a session advisory lock serialises start-up migrations so two instances
 * starting together do not race. Drizzle runs all pending migrations in one
 * transaction, and skips a migration dated earlier than the last applied one, so the
 * journal's `when` values must keep increasing (checked by db/migrations.test.ts).
 */
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { DatabaseHandle } from "./client";
import type * as schema from "./schema";

/** The folder of committed migrations, resolved from the project root (the process cwd). */
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Arbitrary constant naming this project's migration lock among advisory locks. */
const MIGRATION_LOCK_KEY = 727_100_001;

/** Applies every pending migration. @throws the database error of a failing migration. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder });
    return;
  }
  const client = handle.client as postgres.Sql;
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(handle.db as unknown as PostgresJsDatabase<typeof schema>, { migrationsFolder });
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    reserved.release();
  }
}
