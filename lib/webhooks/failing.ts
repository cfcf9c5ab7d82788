/**
 * Telling admins that a webhook endpoint is failing: when the worker gives up on one of its
 * deliveries and the endpoint was not failing already, it is marked failing (`failing_since`)
 * and every active admin gets a desk notification (kind `webhook_failing`, mailed as their
 * profile asks), in one transaction. A later failure in the same failing period tells no one
 * again; the period ends when a delivery succeeds (the worker clears `failing_since`) or an
 * admin enables the endpoint again (lib/webhooks/admin.ts).
 *
 * No `server-only` marker: the webhook worker, started from instrumentation, calls it.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { settings, users, webhookEndpoints } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { nudgeMailWorker } from "@/lib/mail/outbox";
import { ROLE_PERMISSIONS } from "@/lib/permissions/roles";
import { notifyUsers } from "@/lib/review/notify";

/** The roles that manage webhooks, who are told. */
const MANAGERS = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((role) => ROLE_PERMISSIONS[role].has("webhooks:manage"));

/**
 * Marks the endpoint failing since `at` unless it is failing already, and then (only then)
 * notifies every active user whose role manages webhooks, in the same transaction; the mail
 * worker is nudged after the commit.
 * @param db the database (not a transaction: this opens its own)
 * @param endpointId the endpoint whose delivery was given up
 * @param at when it was given up (the failing period's start, and the notifications' time)
 * @returns true when this call started a failing period and told the admins; false when the
 *   endpoint was failing already or no longer exists.
 * @throws whatever the database throws (the transaction is then rolled back).
 */
export async function notifyEndpointFailing(db: Db, endpointId: string, at: Date): Promise<boolean> {
  const told = await db.transaction(async (tx) => {
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ failingSince: at })
      .where(and(eq(webhookEndpoints.id, endpointId), isNull(webhookEndpoints.failingSince)))
      .returning({ url: webhookEndpoints.url });
    if (!endpoint) return false;
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, MANAGERS)));
    const [site] = await tx.select({ siteName: settings.siteName }).from(settings).where(eq(settings.id, 1)).limit(1);
    const host = URL.canParse(endpoint.url) ? new URL(endpoint.url).host : endpoint.url;
    await notifyUsers(
      tx,
      admins.map((a) => a.id),
      {
        kind: "webhook_failing",
        storyId: null,
        actorId: null,
        message: `Webhooks to ${host} are failing: a delivery was given up after 24 hours of retries`,
        link: `/dashboard/webhooks/${endpointId}`,
        mail: {
          subject: `Webhooks to ${host} are failing`,
          paragraphs: [
            `The newsroom could not deliver a webhook to ${endpoint.url} and gave up after retrying for 24 hours.`,
            "Later events are still sent to it. Check the endpoint's delivery log for the errors; once the receiver works again, failed deliveries can be sent again from there. You will not be told again until it has worked again.",
          ],
          actionLabel: "Open the delivery log",
        },
      },
      { siteName: site?.siteName ?? "Newsroom", origin: siteUrl() },
      at,
    );
    return true;
  });
  if (told) nudgeMailWorker();
  return told;
}
