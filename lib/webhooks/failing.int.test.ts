/**
 * Admins told that a webhook endpoint is failing (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL): once per failing period, when the worker gives up on a delivery to an
 * endpoint that was not failing; not again on the next given-up delivery; again after the
 * period ended (enabled again by an admin, or a success). Only active admins are told.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { mailOutbox, notifications, users, webhookEndpoints } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { setWebhookEndpointActive } from "./admin";
import { emitWebhookEvent } from "./events";
import { notifyEndpointFailing } from "./failing";
import { createWebhookWorker } from "./worker";

const HOUR = 60 * 60 * 1000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe.each(engines())("webhook endpoint failing on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const db = (): Db => handle().db;
  let server: http.Server;
  let port = 0;
  let healthy = false;
  let admin: Viewer;
  let editorId: string;
  let retiredAdminId: string;
  const T0 = new Date(Math.ceil((Date.now() + HOUR) / 1000) * 1000);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(healthy ? 200 : 500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const told = (endpointId: string) =>
    db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "webhook_failing"), eq(notifications.link, `/dashboard/webhooks/${endpointId}`)));
  const mails = () => db().select().from(mailOutbox).where(eq(mailOutbox.kind, "webhook_failing"));
  const failingSince = async (id: string) => (await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!.failingSince;
  const newEndpoint = async (url: string) => (await db().insert(webhookEndpoints).values({ url, events: ["story.published"], secret: "whsec_test" }).returning())[0]!;

  it("sets up two admins (one no longer active) and an editor", async () => {
    admin = (await loadViewer(await createUser({ email: "ada@example.org", name: "Ada", role: "admin", password: "correct horse battery" })))!;
    retiredAdminId = await createUser({ email: "old@example.org", name: "Old", role: "admin", password: "correct horse battery" });
    await db().update(users).set({ active: false }).where(eq(users.id, retiredAdminId));
    editorId = await createUser({ email: "ed@example.org", name: "Ed", role: "editor", password: "correct horse battery" });
  });

  it("tells the active admins once per failing period", async () => {
    const ep = await newEndpoint("https://hooks.example.org/a");
    expect(await notifyEndpointFailing(db(), ep.id, T0)).toBe(true);
    expect(await failingSince(ep.id)).toEqual(T0);
    const first = await told(ep.id);
    expect(first.map((n) => n.userId)).toEqual([admin.id]);
    expect(first[0]).toMatchObject({ storyId: null, actorId: null, readAt: null });
    expect(first[0]!.message).toContain("hooks.example.org");
    const mailed = await mails();
    expect(mailed).toHaveLength(1);
    expect(mailed[0]).toMatchObject({ toAddress: "ada@example.org", toUserId: admin.id });
    expect(mailed[0]!.textBody).toContain("https://hooks.example.org/a");
    expect(mailed[0]!.textBody).toContain(`/dashboard/webhooks/${ep.id}`);
    expect(mailed.map((m) => m.toUserId)).not.toContain(editorId);
    expect(mailed.map((m) => m.toUserId)).not.toContain(retiredAdminId);

    // The next given-up delivery in the same period: nobody is told, the start is kept.
    expect(await notifyEndpointFailing(db(), ep.id, at(T0, HOUR))).toBe(false);
    expect(await failingSince(ep.id)).toEqual(T0);
    expect(await told(ep.id)).toHaveLength(1);
    expect(await mails()).toHaveLength(1);

    // Enabled again by an admin: the period ends, a new failure is told again.
    await setWebhookEndpointActive(admin, ep.id, true);
    expect(await failingSince(ep.id)).toBeNull();
    expect(await notifyEndpointFailing(db(), ep.id, at(T0, 2 * HOUR))).toBe(true);
    expect(await told(ep.id)).toHaveLength(2);
    expect(await mails()).toHaveLength(2);
    await db().update(webhookEndpoints).set({ active: false }).where(eq(webhookEndpoints.id, ep.id));
  });

  it("an endpoint that no longer exists tells no one", async () => {
    expect(await notifyEndpointFailing(db(), "00000000-0000-4000-8000-000000000000", T0)).toBe(false);
  });

  it("the worker tells the admins when it gives up, once, and again after a success", async () => {
    const ep = await newEndpoint(`http://127.0.0.1:${port}/hook`);
    const worker = createWebhookWorker({ db: async () => db(), allowPrivateAddresses: true });
    const emit = () => db().transaction((tx) => emitWebhookEvent(tx, { event: "story.published", data: { storyId: "s1" } }));
    healthy = false;

    // Two events, each given up (their events occurred under an hour before T0).
    await emit();
    const late = at(T0, 24 * HOUR);
    expect(await worker.step(late)).toMatchObject({ failed: 1 });
    expect(await failingSince(ep.id)).toEqual(late);
    expect(await told(ep.id)).toHaveLength(1);
    await emit();
    expect(await worker.step(at(late, HOUR))).toMatchObject({ failed: 1 });
    expect(await failingSince(ep.id)).toEqual(late);
    expect(await told(ep.id)).toHaveLength(1);

    // A success ends the period; the next give-up is told again.
    healthy = true;
    await emit();
    expect(await worker.step(at(late, 2 * HOUR))).toMatchObject({ delivered: 1 });
    expect(await failingSince(ep.id)).toBeNull();
    healthy = false;
    await emit();
    expect(await worker.step(at(late, 3 * HOUR))).toMatchObject({ failed: 1 });
    expect(await failingSince(ep.id)).toEqual(at(late, 3 * HOUR));
    expect(await told(ep.id)).toHaveLength(2);
  });
});
