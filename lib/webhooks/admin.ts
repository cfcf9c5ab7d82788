/**
 * Managing outgoing webhooks (admins only, permission `webhooks:manage`): create an endpoint
 * (its secret shown once), list, enable or disable, delete, read an endpoint's delivery log,
 * and send a delivery again. Every change is written to the audit log, as API keys are
 * (lib/api/keys.ts).
 */
import "server-only";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, users, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { env } from "@/lib/env";
import { AppError, parseInput } from "@/lib/errors";
import { isPublicAddress } from "@/lib/import/photo-source";
import { can } from "@/lib/permissions/roles";
import { WEBHOOK_EVENTS, type WebhookEventName } from "./events";
import { nudgeWebhookWorker } from "./nudge";

/** Entries in an endpoint's delivery log. */
export const DELIVERY_LOG_LIMIT = 100;
/** Longest URL accepted, in characters. */
const MAX_URL_LENGTH = 2000;

/** An endpoint as listed (never with its secret). */
export interface WebhookEndpointRow {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  failingSince: Date | null;
  lastDeliveryAt: Date | null;
}

/** One line of an endpoint's delivery log. */
export interface WebhookDeliveryLogRow {
  id: string;
  eventId: string;
  event: string;
  occurredAt: Date;
  status: "pending" | "delivered" | "failed";
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  attempts: number;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
}

/** A new secret: `whsec_` + 32 bytes of the operating system's CSPRNG, base64url (43 characters). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** A URL's hostname without the brackets of an IPv6 literal. */
const unbracket = (h: string) => (h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h);

const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Give the URL the webhooks are sent to.")
    .max(MAX_URL_LENGTH, `A webhook URL is at most ${MAX_URL_LENGTH} characters.`)
    .refine((v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol) && new URL(v).hostname !== "", "The URL must be an absolute http:// or https:// address.")
    .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), "Put no user name or password in the URL; receivers check the signature instead.")
    .refine((v) => {
      // IP literals can be judged now; names are checked at each delivery (lib/webhooks/worker.ts).
      if (!URL.canParse(v) || env().WEBHOOK_ALLOW_PRIVATE === "1") return true;
      const host = unbracket(new URL(v).hostname);
      return !net.isIP(host) || isPublicAddress(host);
    }, "That is a private or local address; webhooks go to public addresses only (unless the server sets WEBHOOK_ALLOW_PRIVATE=1)."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Events are among: ${WEBHOOK_EVENTS.join(", ")}.` }))
    .min(1, "Choose at least one event.")
    .transform((list) => WEBHOOK_EVENTS.filter((e) => list.includes(e))),
});

/**
 * Creates an endpoint, active. The caller shows `secret` once; it is never listed again.
 * @param actorId the admin creating it (null from the CLI), for the audit log.
 * @returns its id, the URL as stored, its events (in WEBHOOK_EVENTS order, without repeats) and the secret
 * @throws AppError bad_request for a URL that is not http(s), has credentials or is a private IP
 *   literal (without WEBHOOK_ALLOW_PRIVATE=1), or for no or unknown events
 */
export async function createWebhookEndpoint(
  db: Db,
  input: { url: string; events: string[]; actorId: string | null },
): Promise<{ id: string; url: string; events: WebhookEventName[]; secret: string }> {
  const { url, events } = parseInput(endpointSchema, { url: input.url, events: input.events });
  const secret = newWebhookSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookEndpoints).values({ url, events, secret, createdBy: input.actorId }).returning({ id: webhookEndpoints.id });
    await tx.insert(auditLog).values({ actorId: input.actorId, action: "webhook.create", entityType: "webhook_endpoint", entityId: row!.id, details: { url, events } });
    return { id: row!.id, url, events, secret };
  });
}

function requireManager(viewer: Viewer): void {
  if (!can(viewer.role, "webhooks:manage")) throw new AppError("forbidden", "Only admins can manage webhooks.");
}

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Creates an endpoint from the desk. @throws AppError forbidden, bad_request */
export async function createWebhookEndpointFromDesk(viewer: Viewer, input: { url: string; events: string[] }) {
  requireManager(viewer);
  return createWebhookEndpoint(await getDb(), { ...input, actorId: viewer.id });
}

/** All endpoints, newest first, with who created them; no secrets. @throws AppError forbidden */
export async function listWebhookEndpoints(viewer: Viewer): Promise<WebhookEndpointRow[]> {
  requireManager(viewer);
  const db = await getDb();
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      active: webhookEndpoints.active,
      createdBy: webhookEndpoints.createdBy,
      createdByName: users.name,
      createdAt: webhookEndpoints.createdAt,
      failingSince: webhookEndpoints.failingSince,
      lastDeliveryAt: webhookEndpoints.lastDeliveryAt,
    })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .orderBy(desc(webhookEndpoints.createdAt))
    .limit(500);
}

/**
 * Enables or disables an endpoint. A disabled one is sent nothing: its pending deliveries wait
 * (and go out when it is enabled again) and new events create none for it. Enabling also
 * ends a failing period (`failingSince` cleared): the admins are told again if it fails again.
 * Audited.
 * @throws AppError forbidden, not_found
 */
export async function setWebhookEndpointActive(viewer: Viewer, id: string, active: boolean): Promise<void> {
  requireManager(viewer);
  if (!isUuid(id)) throw new AppError("not_found", "There is no such webhook.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.update(webhookEndpoints).set(active ? { active, failingSince: null } : { active }).where(eq(webhookEndpoints.id, id)).returning({ url: webhookEndpoints.url });
    if (!row) throw new AppError("not_found", "There is no such webhook.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: active ? "webhook.enable" : "webhook.disable", entityType: "webhook_endpoint", entityId: id, details: row });
  });
  if (active) nudgeWebhookWorker();
}

/**
 * Deletes an endpoint and its deliveries (a request under way still ends, its outcome is not
 * recorded). Audited. @throws AppError forbidden, not_found
 */
export async function deleteWebhookEndpoint(viewer: Viewer, id: string): Promise<void> {
  requireManager(viewer);
  if (!isUuid(id)) throw new AppError("not_found", "There is no such webhook.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ url: webhookEndpoints.url, events: webhookEndpoints.events });
    if (!row) throw new AppError("not_found", "There is no such webhook.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "webhook.delete", entityType: "webhook_endpoint", entityId: id, details: row });
  });
}

/**
 * An endpoint's latest DELIVERY_LOG_LIMIT deliveries, newest event first: event, status, last
 * status code, duration (ms), attempts, times. @throws AppError forbidden, not_found
 */
export async function listWebhookDeliveries(viewer: Viewer, endpointId: string): Promise<WebhookDeliveryLogRow[]> {
  requireManager(viewer);
  if (!isUuid(endpointId)) throw new AppError("not_found", "There is no such webhook.");
  const db = await getDb();
  const [endpoint] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw new AppError("not_found", "There is no such webhook.");
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookEvents.id,
      event: webhookEvents.event,
      occurredAt: webhookEvents.occurredAt,
      status: webhookDeliveries.status,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      attempts: webhookDeliveries.attempts,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookEvents.occurredAt), desc(webhookDeliveries.createdAt))
    .limit(DELIVERY_LOG_LIMIT);
}

/**
 * Sends a delivered or failed delivery again: it becomes pending and due now, with the same
 * event id (X-Newsroom-Delivery), so receivers that keep ids may drop it. The 24-hour limit
 * still counts from the event, so an old event gets this one try. A pending delivery is
 * refused (it is queued already, and may be in flight). Audited.
 * @param now when it becomes due (default: now)
 * @throws AppError forbidden, not_found, conflict (still pending)
 */
export async function resendWebhookDelivery(viewer: Viewer, deliveryId: string, now = new Date()): Promise<void> {
  requireManager(viewer);
  if (!isUuid(deliveryId)) throw new AppError("not_found", "There is no such delivery.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now, deliveredAt: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["delivered", "failed"])))
      .returning({ endpointId: webhookDeliveries.endpointId, eventId: webhookDeliveries.eventId });
    if (!row) {
      const [exists] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
      if (exists) throw new AppError("conflict", "That delivery is already queued.");
      throw new AppError("not_found", "There is no such delivery.");
    }
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "webhook.resend", entityType: "webhook_endpoint", entityId: row.endpointId, details: { deliveryId, eventId: row.eventId } });
  });
  nudgeWebhookWorker();
}
