/**
 * `npm run db:seed`: migrates, then seeds the demo newsroom (idempotent).
 * `--if-empty` seeds only a database with no stories and no settings.
 */
import { loadEnvConfig } from "@next/env";
import { getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { demoLoginsInUse, isDatabaseEmpty, seedDemo } from "@/lib/demo/seed";

// The same .env files the Next server reads (.env, .env.local, …), so both use one database.
loadEnvConfig(process.cwd());

async function main() {
  const handle = await getDatabase();
  try {
    await runMigrations(handle);
    if (process.argv.includes("--if-empty") && !(await isDatabaseEmpty())) {
      console.log("Database already has content; demo seed skipped.");
    } else {
      const report = await seedDemo();
      console.log(`Demo newsroom seeded: ${report.storiesCreated} stories created, ${report.storiesSkipped} already present, ${report.photosUploaded} photos added to the media library.`);
    }
    const logins = await demoLoginsInUse();
    if (logins.length) {
      console.log("\n  Demo logins (password: the DEMO_PASSWORD setting, default \"newsroom-demo\"):");
      for (const l of logins) console.log(`    ${l.role.padEnd(7)} ${l.email}`);
      console.log("  WARNING: these are for a demo only. On a real install, create your own first admin,");
      console.log("  then deactivate these under Users: npm run user:create -- --email you@example.org --role admin\n");
    }
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`db:seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
