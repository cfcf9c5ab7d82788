/**
 * Outgoing webhooks on a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL) and a
 * real receiver on loopback, with the worker's clock passed in: emitting in the caller's
 * transaction (rolled back: nothing; a dedupe key: once), signed delivery, retries with
 * backoff (5xx, a hanging receiver, a redirect not followed), giving up after 24 hours,
 * disabled endpoints, private addresses refused, the admin functions, and exactly-once
 * delivery with two workers racing over 50 events.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { createUser } from "@/lib/users/store";
import { engines, secondHandle, useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import {
  createWebhookEndpointFromDesk,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  setWebhookEndpointActive,
} from "./admin";
import { emitWebhookEvent } from "./events";
import { verifyWebhookSignature } from "./sign";
import { createWebhookWorker, WEBHOOK_LEASE_MS, webhookRetryDelayMs } from "./worker";

const SEC = 1000;
const HOUR = 60 * 60 * SEC;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1: each path answers as its handler says; every request is recorded. */
interface Receiver {
  port: number;
  received: Received[];
  handlers: Map<string, (res: http.ServerResponse, req: Received) => void>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const handlers = new Map<string, (res: http.ServerResponse, req: Received) => void>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const handler = handlers.get(r.path);
      if (handler) handler(res, r);
      else res.writeHead(200).end("ok");
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    handlers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An endpoint written directly (the admin functions refuse loopback URLs without WEBHOOK_ALLOW_PRIVATE). */
async function endpoint(db: Db, url: string, events: string[] = ["story.published"], active = true) {
  const secret = `whsec_test_${Math.random().toString(36).slice(2)}`;
  const [row] = await db.insert(webhookEndpoints).values({ url, events, secret, active }).returning();
  return row!;
}

/** Emits one event in its own transaction; returns its id. */
async function emit(db: Db, data: Record<string, unknown> = { storyId: "s1" }, event: "story.published" | "tag.changed" = "story.published") {
  const id = await db.transaction((tx) => emitWebhookEvent(tx, { event, data }));
  return id!;
}

async function delivery(db: Db, eventId: string, endpointId: string) {
  const [r] = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventId, eventId))
    .then((rows) => rows.filter((x) => x.endpointId === endpointId));
  return r;
}

describe.each(engines())("outgoing webhooks on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const db = () => handle().db;
  let receiver: Receiver;
  let admin: Viewer;
  let writer: Viewer;
  // Ahead of every row's creation time (the database's clock), so each is due at T0.
  const T0 = new Date(Math.ceil((Date.now() + HOUR) / 1000) * 1000);
  const worker = (options: Parameters<typeof createWebhookWorker>[0] = {}) => createWebhookWorker({ db: async () => db(), allowPrivateAddresses: true, ...options });
  const url = (path: string) => `http://127.0.0.1:${receiver.port}${path}`;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });
  beforeEach(async () => {
    // Each test starts with no endpoint subscribed and nothing queued.
    if (!admin) return;
    await db().update(webhookEndpoints).set({ active: false });
    await db().delete(webhookDeliveries);
  });

  it("sets up an admin and a writer", async () => {
    admin = (await loadViewer(await createUser({ email: "admin@example.org", name: "Ada", role: "admin", password: "correct horse battery" })))!;
    writer = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
  });

  it("writes nothing when the emitting transaction rolls back", async () => {
    await endpoint(db(), url("/ok"));
    const [before] = await db().select({ n: count() }).from(webhookEvents);
    await expect(
      db().transaction(async (tx) => {
        expect(await emitWebhookEvent(tx, { event: "story.published", data: { storyId: "rolled-back" } })).toMatch(/^[0-9a-f-]{36}$/);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const [after] = await db().select({ n: count() }).from(webhookEvents);
    expect(after!.n).toBe(before!.n);
    expect(await db().select().from(webhookDeliveries)).toEqual([]);
  });

  it("records one event for a dedupe key emitted twice", async () => {
    const ep = await endpoint(db(), url("/ok"));
    const first = await db().transaction((tx) => emitWebhookEvent(tx, { event: "story.published", data: { storyId: "s2" }, dedupeKey: "story.published:s2:r1" }));
    const second = await db().transaction((tx) => emitWebhookEvent(tx, { event: "story.published", data: { storyId: "s2" }, dedupeKey: "story.published:s2:r1" }));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
    expect(await db().select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, "story.published:s2:r1"))).toHaveLength(1);
    const rows = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, ep.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.eventId).toBe(first);
  });

  it("refuses an unknown event and a story.updated without its kind", async () => {
    await expect(db().transaction((tx) => emitWebhookEvent(tx, { event: "story.nope" as "story.published", data: {} }))).rejects.toThrow(/Unknown webhook event/);
    await expect(db().transaction((tx) => emitWebhookEvent(tx, { event: "story.updated", data: { kind: "typo" } as never }))).rejects.toThrow(/data\.kind/);
    expect(await db().transaction((tx) => emitWebhookEvent(tx, { event: "story.updated", data: { kind: "correction", storyId: "s1" } }))).toBeTruthy();
  });

  it("delivers a signed POST, marks it delivered with code and duration, and only to subscribers", async () => {
    const ep = await endpoint(db(), url("/ok"));
    const other = await endpoint(db(), url("/tags-only"), ["tag.changed"]);
    const id = await emit(db(), { storyId: "s1", title: "River rises" });
    const start = receiver.received.length;
    const w = worker();
    expect(await w.step(T0)).toMatchObject({ claimed: 1, delivered: 1, retrying: 0, failed: 0 });
    const got = receiver.received.slice(start);
    expect(got).toHaveLength(1);
    const r = got[0]!;
    expect(r.path).toBe("/ok");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["user-agent"]).toMatch(/^NewsroomWebhooks\//);
    expect(r.headers["x-newsroom-event"]).toBe("story.published");
    expect(r.headers["x-newsroom-delivery"]).toBe(id);
    expect(r.headers["x-newsroom-timestamp"]).toBe(String(T0.getTime() / 1000));
    const body = JSON.parse(r.body) as Record<string, unknown>;
    expect(body).toMatchObject({ id, event: "story.published", data: { storyId: "s1", title: "River rises" } });
    expect(new Date(body.occurredAt as string).toISOString()).toBe(body.occurredAt);
    expect(verifyWebhookSignature(ep.secret, r.headers["x-newsroom-timestamp"] as string, r.body, r.headers["x-newsroom-signature"] as string, 300, T0)).toBe(true);
    expect(verifyWebhookSignature(other.secret, r.headers["x-newsroom-timestamp"] as string, r.body, r.headers["x-newsroom-signature"] as string, 300, T0)).toBe(false);
    const d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(d!.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(d!.deliveredAt).toEqual(T0);
    expect(await delivery(db(), id, other.id)).toBeUndefined();
    const [e] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
    expect(e!.lastDeliveryAt).toEqual(T0);
    // Delivered rows are never claimed again.
    expect((await w.step(at(T0, 48 * HOUR))).claimed).toBe(0);
  });

  it("retries a receiver answering 500 after 10 s, then 20 s, and delivers the same event id", async () => {
    let calls = 0;
    receiver.handlers.set("/flaky", (res) => {
      calls += 1;
      res.writeHead(calls <= 2 ? 500 : 204).end(calls <= 2 ? "boom" : undefined);
    });
    const ep = await endpoint(db(), url("/flaky"));
    const id = await emit(db());
    const w = worker();
    expect(await w.step(T0)).toMatchObject({ claimed: 1, retrying: 1 });
    let d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "answered 500" });
    expect(d!.nextAttemptAt).toEqual(at(T0, webhookRetryDelayMs(1)));
    expect(webhookRetryDelayMs(1)).toBe(10 * SEC);
    // Not due before then.
    expect((await w.step(at(T0, 9 * SEC))).claimed).toBe(0);
    expect(await w.step(at(T0, 10 * SEC))).toMatchObject({ claimed: 1, retrying: 1 });
    d = await delivery(db(), id, ep.id);
    expect(d!.nextAttemptAt).toEqual(at(T0, 30 * SEC));
    expect(await w.step(at(T0, 30 * SEC))).toMatchObject({ claimed: 1, delivered: 1 });
    d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 204, lastError: null });
    const ids = receiver.received.filter((r) => r.path === "/flaky").map((r) => r.headers["x-newsroom-delivery"]);
    expect(ids).toEqual([id, id, id]);
  });

  it("records a timeout when the receiver hangs, and tries again later", async () => {
    receiver.handlers.set("/hang", () => {
      // Never answers; the receiver's close() destroys the socket.
    });
    const ep = await endpoint(db(), url("/hang"));
    const id = await emit(db());
    const w = worker({ fetchTimeoutMs: 300 });
    const started = performance.now();
    expect(await w.step(T0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(performance.now() - started).toBeLessThan(5000);
    let d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: null, lastError: "timed out after 300 ms" });
    expect(d!.lastDurationMs).toBeGreaterThanOrEqual(250);
    expect(d!.nextAttemptAt).toEqual(at(T0, 10 * SEC));
    expect(await w.step(at(T0, 10 * SEC))).toMatchObject({ claimed: 1, retrying: 1 });
    d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ attempts: 2, lastError: "timed out after 300 ms" });
  });

  it("does not follow a redirect: a 3xx is a failed attempt", async () => {
    receiver.handlers.set("/moved", (res) => res.writeHead(302, { Location: "/moved-here" }).end());
    const ep = await endpoint(db(), url("/moved"));
    const id = await emit(db());
    expect(await worker().step(T0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(receiver.received.filter((r) => r.path === "/moved-here")).toEqual([]);
    const d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "pending", lastStatusCode: 302 });
    expect(d!.lastError).toMatch(/302.*redirects are not followed/);
  });

  it("sends nothing to a disabled endpoint; its pending deliveries wait until it is enabled", async () => {
    const off = await endpoint(db(), url("/disabled"), ["story.published"], false);
    const idBefore = await emit(db());
    expect(await delivery(db(), idBefore, off.id)).toBeUndefined();
    // Enabled, an event queued, then disabled before the worker runs.
    await setWebhookEndpointActive(admin, off.id, true);
    const id = await emit(db());
    await setWebhookEndpointActive(admin, off.id, false);
    const w = worker();
    expect((await w.step(T0)).claimed).toBe(0);
    expect(receiver.received.filter((r) => r.path === "/disabled")).toEqual([]);
    expect(await delivery(db(), id, off.id)).toMatchObject({ status: "pending", attempts: 0 });
    await setWebhookEndpointActive(admin, off.id, true);
    expect(await w.step(T0)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(receiver.received.filter((r) => r.path === "/disabled").map((r) => r.headers["x-newsroom-delivery"])).toEqual([id]);
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, off.id));
    expect(actions.map((a) => a.action)).toEqual(["webhook.enable", "webhook.disable", "webhook.enable"]);
  });

  it("refuses loopback addresses, by IP literal and by name, without the allowance", async () => {
    const literal = await endpoint(db(), url("/private"));
    const named = await endpoint(db(), `http://localhost:${receiver.port}/private`);
    const id = await emit(db());
    const w = createWebhookWorker({ db: async () => db(), allowPrivateAddresses: false });
    expect(await w.step(T0)).toMatchObject({ claimed: 2, retrying: 2 });
    expect(receiver.received.filter((r) => r.path === "/private")).toEqual([]);
    expect((await delivery(db(), id, literal.id))!.lastError).toMatch(/^refused: 127\.0\.0\.1 is not a public address/);
    expect((await delivery(db(), id, named.id))!.lastError).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), which is not a public address/);
  });

  it("gives up 24 hours after the event, marks the endpoint failing, and clears it on the next success", async () => {
    let healthy = false;
    receiver.handlers.set("/down", (res) => res.writeHead(healthy ? 200 : 503).end());
    const ep = await endpoint(db(), url("/down"));
    const id = await emit(db());
    const w = worker();
    expect(await w.step(T0)).toMatchObject({ retrying: 1 });
    // Its event occurred less than an hour before T0: at T0 + 24 h the next try is past the limit.
    const late = at(T0, 24 * HOUR);
    expect(await w.step(late)).toMatchObject({ claimed: 1, failed: 1 });
    const d = await delivery(db(), id, ep.id);
    expect(d).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 503, lastError: "answered 503" });
    let [e] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
    expect(e!.failingSince).toEqual(late);
    expect((await w.step(at(T0, 48 * HOUR))).claimed).toBe(0);
    // Sent again by an admin: one more try, same event id, and a success clears failing_since.
    healthy = true;
    await resendWebhookDelivery(admin, d!.id, late);
    expect(await w.step(late)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await delivery(db(), id, ep.id)).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
    [e] = await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.id));
    expect(e!.failingSince).toBeNull();
    expect(receiver.received.filter((r) => r.path === "/down").map((r) => r.headers["x-newsroom-delivery"])).toEqual([id, id, id]);
  });

  it("lets admins only create, list, log, resend and delete; validates URLs and events; shows the secret once", async () => {
    expect((await refusal(createWebhookEndpointFromDesk(writer, { url: "https://example.org/hooks", events: ["story.published"] }))).code).toBe("forbidden");
    expect((await refusal(listWebhookEndpoints(writer))).code).toBe("forbidden");
    for (const bad of [
      { url: "ftp://example.org/hooks", events: ["story.published"] },
      { url: "not a url", events: ["story.published"] },
      { url: "https://user:pw@example.org/hooks", events: ["story.published"] },
      { url: "http://127.0.0.1:8080/hooks", events: ["story.published"] },
      { url: "http://[::1]/hooks", events: ["story.published"] },
      { url: "http://169.254.169.254/latest", events: ["story.published"] },
      { url: "https://example.org/hooks", events: [] },
      { url: "https://example.org/hooks", events: ["story.eaten"] },
    ]) {
      expect((await refusal(createWebhookEndpointFromDesk(admin, bad))).code, JSON.stringify(bad)).toBe("bad_request");
    }
    const created = await createWebhookEndpointFromDesk(admin, { url: " https://example.org/hooks ", events: ["story.updated", "story.published", "story.updated"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ url: "https://example.org/hooks", events: ["story.published", "story.updated"] });
    const list = await listWebhookEndpoints(admin);
    const listed = list.find((e) => e.id === created.id)!;
    expect(listed).toMatchObject({ url: "https://example.org/hooks", active: true, createdByName: "Ada", failingSince: null });
    expect(JSON.stringify(list)).not.toContain("whsec_");

    // The delivery log of an endpoint on loopback, latest first.
    const ep = await endpoint(db(), url("/log"));
    const first = await emit(db(), { n: 1 });
    const second = await emit(db(), { n: 2 });
    await worker().drain(T0);
    const log = await listWebhookDeliveries(admin, ep.id);
    expect(log.map((l) => l.eventId).sort()).toEqual([first, second].sort());
    expect(log[0]).toMatchObject({ event: "story.published", status: "delivered", lastStatusCode: 200, attempts: 1 });
    expect(log[0]!.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect((await refusal(listWebhookDeliveries(writer, ep.id))).code).toBe("forbidden");
    // A pending delivery cannot be re-queued (it may be in flight).
    const third = await emit(db(), { n: 3 });
    const pending = await delivery(db(), third, ep.id);
    expect((await refusal(resendWebhookDelivery(admin, pending!.id))).code).toBe("conflict");

    await deleteWebhookEndpoint(admin, created.id);
    expect((await listWebhookEndpoints(admin)).some((e) => e.id === created.id)).toBe(false);
    expect((await refusal(deleteWebhookEndpoint(admin, created.id))).code).toBe("not_found");
    const actions = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(actions.map((a) => a.action)).toEqual(["webhook.create", "webhook.delete"]);
  });

  it("delivers each of 50 events exactly once with two workers stepping concurrently", async () => {
    const counts = new Map<string, number>();
    receiver.handlers.set("/race", (res, r) => {
      const id = r.headers["x-newsroom-delivery"] as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      // A little latency, so the two workers' steps overlap.
      setTimeout(() => res.writeHead(200).end(), 5);
    });
    await endpoint(db(), url("/race"));
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await emit(db(), { n: i }));
    const second = await secondHandle(engine, handle());
    try {
      const a = worker();
      const b = createWebhookWorker({ db: async () => second.db, allowPrivateAddresses: true });
      let total = 0;
      for (let round = 0; round < 20; round++) {
        const [ra, rb] = await Promise.all([a.step(T0), b.step(T0)]);
        total += ra.delivered + rb.delivered;
        if (ra.claimed + rb.claimed === 0) break;
      }
      expect(total).toBe(50);
      expect([...counts.keys()].sort()).toEqual([...ids].sort());
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const rows = await db().select().from(webhookDeliveries).where(inArray(webhookDeliveries.eventId, ids));
      expect(rows).toHaveLength(50);
      expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
      // Nothing comes due again once the lease would have run out.
      expect((await a.step(at(T0, WEBHOOK_LEASE_MS + HOUR))).claimed).toBe(0);
    } finally {
      if (second !== handle()) await second.close();
    }
  });
});
