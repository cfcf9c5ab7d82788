/**
 * `npm run apikey:create -- --name "Mobile app"`: creates a content API key in this install's
 * database (DATABASE_URL, or the embedded one under DATA_DIR with the server stopped) and
 * prints it once; only its SHA-256 is stored, so it cannot be shown again. Revoke keys on the
 * desk's API keys screen.
 */
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { createApiKey } from "@/lib/api/keys";
import { isAppError } from "@/lib/errors";

loadEnvConfig(process.cwd());

const USAGE = 'Usage: npm run apikey:create -- --name "Mobile app"';

async function main() {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  if (!values.name) {
    console.error(USAGE);
    process.exit(2);
  }
  const handle = await getDatabase();
  try {
    await runMigrations(handle);
    const created = await createApiKey(handle.db, { name: values.name, actorId: null });
    console.log(`API key “${created.name}” created. It is shown only this once; keep it somewhere safe:\n\n  ${created.key}\n\nUse it as: curl -H "Authorization: Bearer ${created.key}" <site>/api/v1/stories`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`apikey:create failed: ${isAppError(e) ? e.message : e instanceof Error ? e.message : String(e)}`);
  process.exit(isAppError(e) ? 2 : 1);
});
