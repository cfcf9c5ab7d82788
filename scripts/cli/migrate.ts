/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
 * database under DATA_DIR when no server holds it (the lock says who does).
 */
import { loadEnvConfig } from "@next/env";
import { getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";

// The same .env files the Next server reads (.env, .env.local, …), so both use one database.
loadEnvConfig(process.cwd());

async function main() {
  const handle = await getDatabase();
  try {
    const t0 = Date.now();
    await runMigrations(handle);
    console.log(`Migrations applied (${handle.kind}, ${Date.now() - t0} ms).`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`db:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
