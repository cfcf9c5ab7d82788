"use server";

import { deskCall } from "@/lib/actions";
import { createWebhookEndpointFromDesk, deleteWebhookEndpoint, resendWebhookDelivery, setWebhookEndpointActive } from "@/lib/webhooks/admin";

/**
 * Adds a webhook endpoint (admins; audited). The answer carries its secret, once.
 * @param url the receiver's URL as typed; @param events the events ticked.
 * A refused URL or event list comes back as `{ ok: false, error, fields: { url | events } }`.
 */
export const createWebhookAction = deskCall("createWebhookAction", async (viewer, url: unknown, events: unknown) => {
  const list = Array.isArray(events) ? events.map(String) : [];
  const created = await createWebhookEndpointFromDesk(viewer, { url: String(url ?? ""), events: list });
  return { ok: true as const, url: created.url, secret: created.secret };
});

/** Enables or disables an endpoint (admins; audited). Enabling ends its failing period. */
export const setWebhookActiveAction: (id: unknown, active: unknown) => Promise<{ ok: true } | { ok: false; error: string }> = deskCall(
  "setWebhookActiveAction",
  async (viewer, id: unknown, active: unknown) => {
    await setWebhookEndpointActive(viewer, String(id), active === true);
    return { ok: true as const };
  },
);

/** Deletes an endpoint and its delivery log (admins; audited). */
export const deleteWebhookAction: (id: unknown) => Promise<{ ok: true } | { ok: false; error: string }> = deskCall("deleteWebhookAction", async (viewer, id: unknown) => {
  await deleteWebhookEndpoint(viewer, String(id));
  return { ok: true as const };
});

/** Queues a delivered or failed delivery to be sent again now (admins; audited). */
export const resendWebhookAction: (deliveryId: unknown) => Promise<{ ok: true } | { ok: false; error: string }> = deskCall(
  "resendWebhookAction",
  async (viewer, deliveryId: unknown) => {
    await resendWebhookDelivery(viewer, String(deliveryId));
    return { ok: true as const };
  },
);
