/**
 * The signature scheme: what the worker signs, a receiver verifies; any change to the body, the
 * timestamp or the secret, or a timestamp outside the tolerance, fails.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature, webhookBody, webhookHeaders } from "./sign";

const SECRET = "whsec_test-secret-0123456789";
const AT = new Date("2026-03-01T08:00:00.500Z");
const TS = String(Math.floor(AT.getTime() / 1000));

describe("webhook signatures", () => {
  const body = webhookBody({ id: "0b7e7d1c-0000-4000-8000-000000000001", event: "story.published", occurredAt: new Date("2026-03-01T07:59:59Z"), data: { storyId: "s1", title: "River rises" } });
  const headers = webhookHeaders(SECRET, { id: "0b7e7d1c-0000-4000-8000-000000000001", event: "story.published" }, body, AT);

  it("writes the body and headers as documented", () => {
    expect(JSON.parse(body)).toEqual({ id: "0b7e7d1c-0000-4000-8000-000000000001", event: "story.published", occurredAt: "2026-03-01T07:59:59.000Z", data: { storyId: "s1", title: "River rises" } });
    expect(headers).toMatchObject({
      "Content-Type": "application/json",
      "X-Newsroom-Event": "story.published",
      "X-Newsroom-Delivery": "0b7e7d1c-0000-4000-8000-000000000001",
      "X-Newsroom-Timestamp": TS,
    });
    // An independent HMAC of "<timestamp>.<body>".
    const hex = createHmac("sha256", SECRET).update(`${TS}.${body}`).digest("hex");
    expect(headers["X-Newsroom-Signature"]).toBe(`sha256=${hex}`);
    expect(signWebhook(SECRET, TS, body)).toBe(`sha256=${hex}`);
  });

  it("verifies a genuine delivery, from a string or the raw bytes", () => {
    expect(verifyWebhookSignature(SECRET, TS, body, headers["X-Newsroom-Signature"], 300, AT)).toBe(true);
    expect(verifyWebhookSignature(SECRET, TS, Buffer.from(body), headers["X-Newsroom-Signature"], 300, AT)).toBe(true);
  });

  it("refuses a tampered body, timestamp, signature or another secret", () => {
    const sig = headers["X-Newsroom-Signature"]!;
    expect(verifyWebhookSignature(SECRET, TS, body.replace("River", "Rivet"), sig, 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(Number(TS) + 1), body, sig, 300, AT)).toBe(false);
    expect(verifyWebhookSignature("whsec_other", TS, body, sig, 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, TS, body, sig.replace(/.$/, (c) => (c === "0" ? "1" : "0")), 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, TS, body, sig.slice(0, -2), 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, TS, body, null, 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, null, body, sig, 300, AT)).toBe(false);
    expect(verifyWebhookSignature(SECRET, "12abc", body, sig, 300, AT)).toBe(false);
  });

  it("refuses a timestamp outside the tolerance (a replay), either way", () => {
    const sig = headers["X-Newsroom-Signature"]!;
    expect(verifyWebhookSignature(SECRET, TS, body, sig, 300, new Date(AT.getTime() + 299_000))).toBe(true);
    expect(verifyWebhookSignature(SECRET, TS, body, sig, 300, new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, TS, body, sig, 300, new Date(AT.getTime() - 301_000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, TS, body, sig, 600, new Date(AT.getTime() + 500_000))).toBe(true);
  });
});
