/**
 * Outgoing webhooks' write side: the events receivers may subscribe to, and `emitWebhookEvent`,
 * which records one inside the transaction of the change it reports (the transactional outbox
 * pattern, as lib/mail/outbox.ts does for e-mail): the event and its deliveries commit with the
 * change or not at all, and the worker (lib/webhooks/worker.ts) sends them after the commit.
 */
import { and, arrayContains, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";

/** Every event a receiver can subscribe to, in the order the desk lists them. */
export const WEBHOOK_EVENTS = ["story.published", "story.updated", "story.unpublished", "story.deleted", "tag.changed", "byline.changed"] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The kinds of a published story's later save, as `story.updated` reports them in `data.kind`. */
export const STORY_UPDATE_KINDS = ["update", "minor", "correction", "clarification"] as const;

export type StoryUpdateKind = (typeof STORY_UPDATE_KINDS)[number];

/**
 * The `data` of each event: a JSON object. `story.updated` must say which kind of save it was;
 * the other events' fields are the emitter's to choose (ids, slugs, URLs), JSON-serialisable.
 */
export type WebhookEventData = {
  [E in WebhookEventName]: E extends "story.updated" ? { kind: StoryUpdateKind } & Record<string, unknown> : Record<string, unknown>;
};

/** True when `name` is one of WEBHOOK_EVENTS. */
export function isWebhookEventName(name: string): name is WebhookEventName {
  return (WEBHOOK_EVENTS as readonly string[]).includes(name);
}

/** One event to record. */
export interface WebhookEventInput<E extends WebhookEventName = WebhookEventName> {
  event: E;
  data: WebhookEventData[E];
  /**
   * Names the fact, so that recording it twice (two instances reacting to one change, a
   * retried job) makes one event: e.g. `story.published:<storyId>:<revisionId>`. Null or
   * absent: every call is a new event.
   */
  dedupeKey?: string | null;
}

/**
 * Records an event and one pending delivery for each active endpoint subscribed to it, on `tx`
 * (pass the transaction of the change, so both commit together or not at all). Endpoints that
 * are inactive now get no delivery of this event, even if re-enabled later. After the commit,
 * the caller calls `nudgeWebhookWorker()` (./nudge) so it goes out now rather than at the next
 * poll.
 * @returns the event's id (receivers see it as X-Newsroom-Delivery), or null when an event with
 *   the same `dedupeKey` exists already (nothing is written then).
 * @throws Error for an unknown event name or a `story.updated` without a valid `data.kind`
 *   (programming errors, not people's input).
 */
export async function emitWebhookEvent<E extends WebhookEventName>(tx: Db, input: WebhookEventInput<E>): Promise<string | null> {
  if (!isWebhookEventName(input.event)) throw new Error(`Unknown webhook event "${String(input.event)}".`);
  if (input.event === "story.updated") {
    const kind = (input.data as { kind?: unknown }).kind;
    if (!(STORY_UPDATE_KINDS as readonly unknown[]).includes(kind)) throw new Error(`story.updated needs data.kind, one of ${STORY_UPDATE_KINDS.join(", ")}.`);
  }
  const [row] = await tx
    .insert(webhookEvents)
    .values({ event: input.event, data: input.data, dedupeKey: input.dedupeKey ?? null })
    .onConflictDoNothing({ target: webhookEvents.dedupeKey })
    .returning({ id: webhookEvents.id });
  if (!row) return null;
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.active, true), arrayContains(webhookEndpoints.events, [input.event])));
  if (endpoints.length > 0) {
    // Due at once (the database's clock, like the event's occurred_at).
    await tx.insert(webhookDeliveries).values(endpoints.map((e) => ({ eventId: row.id, endpointId: e.id, nextAttemptAt: sql`now()` })));
  }
  return row.id;
}

export { nudgeWebhookWorker } from "./nudge";
