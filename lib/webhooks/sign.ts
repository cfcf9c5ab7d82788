/**
 * What a webhook delivery looks like on the wire, and how receivers check it.
 *
 * The body is JSON `{ id, event, occurredAt, data }` (id: the event's id, the same on every
 * retry, so receivers can drop repeats; occurredAt: ISO 8601 UTC). The headers:
 * - `Content-Type: application/json`, `User-Agent: NewsroomWebhooks/1.0`;
 * - `X-Newsroom-Event`: the event name; `X-Newsroom-Delivery`: the event's id;
 * - `X-Newsroom-Timestamp`: this attempt's time, in whole unix seconds;
 * - `X-Newsroom-Signature: sha256=<hex>`: HMAC-SHA256, keyed with the endpoint's secret, of
 *   `<timestamp>.<body>` (the timestamp as sent, a full stop, the exact body bytes).
 *
 * The scheme follows GitHub's and Stripe's practice (an HMAC-SHA256 of the payload in a
 * header, compared in constant time:
 * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries), with
 * Stripe's signed timestamp so a captured delivery cannot be replayed later.
 *
 * A receiver's recipe (what `verifyWebhookSignature` does): read the raw body (before any JSON
 * parsing), compute the HMAC of `${X-Newsroom-Timestamp}.${body}` with the secret, compare it
 * with the header's hex in constant time, refuse timestamps more than 5 minutes off its clock,
 * and drop deliveries whose X-Newsroom-Delivery it has already handled.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The User-Agent of every delivery. */
export const WEBHOOK_USER_AGENT = "NewsroomWebhooks/1.0";

/** The body's fields. */
export interface WebhookPayload {
  id: string;
  event: string;
  occurredAt: Date;
  data: unknown;
}

/** The body of a delivery: JSON with `id`, `event`, `occurredAt` (ISO 8601 UTC) and `data`, in that order. */
export function webhookBody(p: WebhookPayload): string {
  return JSON.stringify({ id: p.id, event: p.event, occurredAt: p.occurredAt.toISOString(), data: p.data });
}

/**
 * The signature header's value for a body sent at `timestamp`.
 * @param secret the endpoint's secret (`whsec_…`), used as given (its UTF-8 bytes are the key)
 * @param timestamp unix seconds, as sent in X-Newsroom-Timestamp
 * @returns `sha256=` and 64 lower-case hex digits
 */
export function signWebhook(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * The headers of one attempt.
 * @param at the attempt's time (its unix seconds are signed)
 */
export function webhookHeaders(secret: string, payload: Pick<WebhookPayload, "id" | "event">, body: string, at: Date): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "Content-Type": "application/json",
    "User-Agent": WEBHOOK_USER_AGENT,
    "X-Newsroom-Event": payload.event,
    "X-Newsroom-Delivery": payload.id,
    "X-Newsroom-Timestamp": String(timestamp),
    "X-Newsroom-Signature": signWebhook(secret, timestamp, body),
  };
}

/**
 * Checks a delivery as a receiver should: the signature header against the HMAC of
 * `<timestamp>.<body>`, compared with `timingSafeEqual`, and the timestamp within
 * `toleranceSeconds` of `now` either way.
 * @param timestamp X-Newsroom-Timestamp as received (digits only)
 * @param body the raw body as received, unparsed
 * @param header X-Newsroom-Signature as received (null/undefined when missing)
 * @param toleranceSeconds how far the timestamp may be from `now`, in seconds (default 300)
 * @param now the receiver's clock (default: now)
 * @returns true only when all of it holds; never throws
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | null | undefined,
  body: string | Buffer,
  header: string | null | undefined,
  toleranceSeconds = 300,
  now: Date = new Date(),
): boolean {
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || !header) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const m = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!m) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(m[1]!, "hex"));
}
