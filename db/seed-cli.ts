/**
 * `npm run db:seed`: migrates, then seeds the demo newsroom (idempotent).
 * `--if-empty` seeds only a database with no stories and no settings.
 */
import { loadEnvConfig } from "@next/env";
import { getDatabase } from "./handle";
import { runMigrations } from "./migrate";
import { isDatabaseEmpty, seedDemo } from "./seed";

// The same .env files the Next server reads (.env, .env.local, …), so both use one database.
loadEnvConfig(process.cwd());

async function main() {
  const handle = await getDatabase();
  try {
    await runMigrations(handle);
    if (process.argv.includes("--if-empty") && !(await isDatabaseEmpty())) {
      console.log("Database already has content; demo seed skipped.");
      return;
    }
    const report = await seedDemo();
    console.log(`Demo newsroom seeded: ${report.storiesCreated} stories created, ${report.storiesSkipped} already present.`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`db:seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
