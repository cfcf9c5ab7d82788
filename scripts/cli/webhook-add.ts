/**
 * `npm run webhook:add -- --url https://example.org/hooks --events story.published,story.updated`:
 * adds an outgoing webhook in this install's database (DATABASE_URL, or the embedded one under
 * DATA_DIR with the server stopped) and prints its signing secret once. Events are among
 * story.published, story.updated, story.unpublished, story.deleted, tag.changed, byline.changed.
 */
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { isAppError } from "@/lib/errors";
import { createWebhookEndpoint } from "@/lib/webhooks/admin";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

loadEnvConfig(process.cwd());

const USAGE = `Usage: npm run webhook:add -- --url https://example.org/hooks --events ${WEBHOOK_EVENTS.slice(0, 2).join(",")}\nEvents: ${WEBHOOK_EVENTS.join(", ")}`;

async function main() {
  const { values } = parseArgs({ options: { url: { type: "string" }, events: { type: "string" } } });
  if (!values.url || !values.events) {
    console.error(USAGE);
    process.exit(2);
  }
  const events = values.events
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const handle = await getDatabase();
  try {
    await runMigrations(handle);
    const created = await createWebhookEndpoint(handle.db, { url: values.url, events, actorId: null });
    console.log(
      `Webhook ${created.id} added: ${created.url}\nEvents: ${created.events.join(", ")}\n\nIts signing secret is shown only this once; give it to the receiver:\n\n  ${created.secret}\n\nEach delivery carries X-Newsroom-Signature: sha256=<HMAC-SHA256 of "<X-Newsroom-Timestamp>.<body>" with this secret>.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`webhook:add failed: ${isAppError(e) ? e.message : e instanceof Error ? e.message : String(e)}`);
  process.exit(isAppError(e) ? 2 : 1);
});
