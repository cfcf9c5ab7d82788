/**
 * Webhook events of real changes, on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL), with the clock passed in: a story's life (published, updated with each
 * kind, unpublished, published again, deleted) as receivers see it, a scheduled story announced
 * once when its time comes (also with two instances racing on PostgreSQL), a scheduled
 * unpublish, seeded stories not announced, tag and byline changes, and one event delivered,
 * signed, to a receiver on loopback by the real worker.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { asc, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { stories, webhookDeliveries, webhookEndpoints, webhookEvents } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { createByline, mergeBylines, setBylineRetired } from "@/lib/bylines/admin";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { settleDueUnpublishes } from "@/lib/publishing/unpublish";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { createStory, saveSiteSettings } from "@/lib/stories/store";
import { trashStory } from "@/lib/stories/trash";
import { scheduleUnpublish } from "@/lib/stories/unpublish-schedule";
import { deleteEntry, editEntry, postEntry, updateLiveBlog } from "@/lib/live/entries";
import { createTag, mergeTags, updateTag } from "@/lib/tags/admin";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase, type Engine } from "@/test/db";
import { kabulLocal } from "@/test/refusal";
import { verifyWebhookSignature } from "./sign";
import { announceDueStories } from "./story-events";
import { createWebhookWorker } from "./worker";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));
const HOUR = 3_600_000;
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** A second handle on the same database, as a second server would open it (PGlite: the same one). */
async function secondHandle(engine: Engine, first: DatabaseHandle): Promise<DatabaseHandle> {
  if (engine === "pglite") return first;
  const [current] = await (first.client as postgres.Sql)<{ name: string }[]>`select current_database() as name`;
  const u = new URL(process.env.TEST_DATABASE_URL as string);
  u.pathname = `/${current!.name}`;
  return openDatabase({ url: u.toString(), max: 4 });
}

describe.each(engines())("webhook events of stories, tags and bylines on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let admin: Viewer;
  // Whole seconds, a minute ahead of the real clock (the editor's clock is passed in).
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);

  /** Every event recorded, oldest first. */
  async function events() {
    const rows = await handle().db.select().from(webhookEvents).orderBy(asc(webhookEvents.occurredAt));
    return rows.map((r) => ({ event: r.event, data: r.data as Record<string, unknown> & { story?: Record<string, unknown>; kind?: string } }));
  }
  let seen = 0;
  /** The events recorded since the last call. */
  async function fresh() {
    const all = await events();
    const out = all.slice(seen);
    seen = all.length;
    return out;
  }
  async function fields(id: string, at = T0) {
    const s = await getDeskStory(mina, id, at);
    return { id: s.id, version: s.version, title: s.title, dek: s.dek, slug: s.slug, body: JSON.stringify(s.body), tags: s.tags, bylineIds: s.bylineIds };
  }

  it("sets up an editor and an admin in Kabul's time zone, and an endpoint for every event", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    admin = (await loadViewer(await createUser({ email: "arash@example.org", name: "Arash", role: "admin", password: "correct horse battery" })))!;
    await handle()
      .db.insert(webhookEndpoints)
      .values({ url: "http://127.0.0.1:9/hook", events: ["story.published", "story.updated", "story.unpublished", "story.deleted", "tag.changed", "byline.changed"], secret: "whsec_test" });
    await fresh();
  });

  it("a story's life: a draft is nothing; publish, each kind of update, unpublish, publish again, trash", async () => {
    const s = await saveStory(mina, { title: "Salang tunnel closes for repairs", body: body("The tunnel closes on Monday.") }, T0);
    expect(await fresh()).toEqual([]);

    await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0);
    const [published, ...none] = await fresh();
    expect(none).toEqual([]);
    expect(published!.event).toBe("story.published");
    expect(published!.data.story).toMatchObject({
      id: s.id,
      slug: "salang-tunnel-closes-for-repairs",
      headline: "Salang tunnel closes for repairs",
      language: "en",
      publishedAt: T0.toISOString(),
      lastUpdatedAt: T0.toISOString(),
      breaking: false,
    });
    expect(published!.data.story!.url).toMatch(/^https?:\/\/[^/]+\/news\/salang-tunnel-closes-for-repairs$/);
    expect(published!.data.story!.apiUrl).toMatch(/\/api\/v1\/stories\/salang-tunnel-closes-for-repairs$/);

    const t1 = later(T0, 60_000);
    await saveStory(mina, { ...(await fields(s.id, t1)), dek: "Traffic goes by the Shibar pass.", intent: "minor" }, t1);
    await saveStory(mina, { ...(await fields(s.id, t1)), body: body("The tunnel closes on Monday for ten days."), intent: "update", note: "Adds how long the closure lasts." }, t1);
    await saveStory(mina, { ...(await fields(s.id, t1)), title: "Salang tunnel closes for ten days", intent: "update", noteKind: "correction", note: "An earlier version gave the wrong day." }, t1);
    await saveStory(mina, { ...(await fields(s.id, t1)), intent: "update", noteKind: "clarification", note: "The ministry, not the police, announced it." }, t1);
    const updates = await fresh();
    expect(updates.map((e) => [e.event, e.data.kind, e.data.note ?? null])).toEqual([
      ["story.updated", "minor", null],
      ["story.updated", "update", "Adds how long the closure lasts."],
      ["story.updated", "correction", "An earlier version gave the wrong day."],
      ["story.updated", "clarification", "The ministry, not the police, announced it."],
    ]);
    expect(updates[3]!.data.story).toMatchObject({ headline: "Salang tunnel closes for ten days", lastUpdatedAt: t1.toISOString() });

    // A save that changes nothing readers see announces nothing.
    await saveStory(mina, { ...(await fields(s.id, t1)), intent: "minor" }, t1);
    expect(await fresh()).toEqual([]);

    await saveStory(mina, { ...(await fields(s.id, t1)), intent: "unpublish" }, t1);
    await saveStory(mina, { ...(await fields(s.id, t1)), intent: "publish" }, t1);
    await trashStory(mina, s.id, t1);
    expect((await fresh()).map((e) => [e.event, e.data.story!.id])).toEqual([
      ["story.unpublished", s.id],
      ["story.published", s.id],
      ["story.deleted", s.id],
    ]);
  });

  it("an unpublished story put in the trash is deleted for receivers; a draft put in the trash is nothing", async () => {
    const s = await saveStory(mina, { title: "Kabul river cleanup", body: body("Volunteers clear the banks."), intent: "publish" }, T0);
    await saveStory(mina, { ...(await fields(s.id)), intent: "unpublish" }, T0);
    await trashStory(mina, s.id, T0);
    const draft = await saveStory(mina, { title: "Never published", body: body("A draft.") }, T0);
    await trashStory(mina, draft.id, T0);
    expect((await fresh()).map((e) => e.event)).toEqual(["story.published", "story.unpublished", "story.deleted"]);
  });

  it("a scheduled story is announced once, when its time comes, not when it is scheduled", async () => {
    const s = await saveStory(mina, { title: "Budget vote at noon", body: body("Parliament votes on the budget.") }, T0);
    const at = later(T0, HOUR);
    await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: kabulLocal(at) }, T0);
    expect(await fresh()).toEqual([]);
    expect(await announceDueStories(handle().db, later(at, -1000))).toBe(0);
    expect(await announceDueStories(handle().db, at)).toBe(1);
    expect(await announceDueStories(handle().db, later(at, 1000))).toBe(0);
    const [e] = await fresh();
    expect(e).toMatchObject({ event: "story.published", data: { story: { id: s.id, publishedAt: at.toISOString() } } });
  });

  it("a scheduled unpublish is announced once at its instant, and recording it afterwards announces nothing more", async () => {
    const s = await saveStory(mina, { title: "Road closed for the marathon", body: body("The road reopens at six.") }, T0);
    await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0);
    const off = later(T0, HOUR);
    await scheduleUnpublish(mina, s.id, kabulLocal(off), T0);
    expect((await fresh()).map((e) => e.event)).toEqual(["story.published"]);
    expect(await announceDueStories(handle().db, later(off, -1000))).toBe(0);
    expect(await announceDueStories(handle().db, off)).toBe(1);
    expect(await settleDueUnpublishes(later(off, 1000))).toEqual([s.id]);
    expect((await fresh()).map((e) => [e.event, e.data.story!.id])).toEqual([["story.unpublished", s.id]]);
  });

  it("the scheduler recording an unpublish first announces it too, once", async () => {
    const s = await saveStory(mina, { title: "Exhibition closes", body: body("The last day is Friday.") }, T0);
    await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0);
    const off = later(T0, HOUR);
    await scheduleUnpublish(mina, s.id, kabulLocal(off), T0);
    await fresh();
    expect(await settleDueUnpublishes(off)).toEqual([s.id]);
    expect(await announceDueStories(handle().db, off)).toBe(0);
    expect((await fresh()).map((e) => e.event)).toEqual(["story.unpublished"]);
  });

  it("stories seeded as published are not announced; one seeded for later is, at its time", async () => {
    await createStory({ title: "Archive story", body: bodyFromParagraphs(["From the archive."]), status: "published", publishedAt: later(T0, -HOUR) });
    await createStory({ title: "Seeded for later", body: bodyFromParagraphs(["Comes out tomorrow."]), status: "published", publishedAt: later(T0, 2 * HOUR) });
    expect(await announceDueStories(handle().db, T0)).toBe(0);
    expect(await announceDueStories(handle().db, later(T0, 2 * HOUR))).toBe(1);
    expect((await fresh()).map((e) => e.data.story!.headline)).toEqual(["Seeded for later"]);
  });

  it("instances racing over 30 stories that came due announce each once", async () => {
    const at = later(T0, 3 * HOUR);
    for (let i = 0; i < 30; i++) await createStory({ title: `Due story ${i}`, body: bodyFromParagraphs(["Due."]), status: "published", publishedAt: at });
    const other = await secondHandle(engine, handle());
    try {
      const counts = await Promise.all([announceDueStories(handle().db, at), announceDueStories(other.db, at), announceDueStories(handle().db, at)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    } finally {
      if (other !== handle()) await other.close();
    }
    const due = (await fresh()).map((e) => e.data.story!.headline as string);
    expect(due).toHaveLength(30);
    expect(new Set(due).size).toBe(30);
    const flags = await handle().db.select({ a: stories.announcedPublic }).from(stories).where(eq(stories.publishedAt, at));
    expect(flags.every((f) => f.a)).toBe(true);
  });

  it("tag and byline changes by admins are announced: created, updated (with the old slug), retired, merged", async () => {
    const roads = await createTag(admin, { name: "Roads" });
    await updateTag(admin, roads, { name: "Roads and bridges", slug: "roads-bridges" });
    const transport = await createTag(admin, { name: "Transport" });
    await mergeTags(admin, roads, transport);
    const tagEvents = (await fresh()).map((e) => [e.event, e.data.change, (e.data.tag as { slug: string }).slug, e.data.previousSlug ?? null, (e.data.mergedInto as { slug: string } | undefined)?.slug ?? null]);
    expect(tagEvents).toEqual([
      ["tag.changed", "created", "roads", null, null],
      ["tag.changed", "updated", "roads-bridges", "roads", null],
      ["tag.changed", "created", "transport", null, null],
      ["tag.changed", "merged", "roads-bridges", null, "transport"],
    ]);

    const guest = await createByline(admin, { name: "Farid Guest" });
    const wire = await createByline(admin, { name: "Wire Desk" });
    await setBylineRetired(admin, guest, true);
    await mergeBylines(admin, guest, wire);
    const bylineEvents = (await fresh()).map((e) => [e.event, e.data.change, (e.data.byline as { slug: string; url: string }).slug]);
    expect(bylineEvents).toEqual([
      ["byline.changed", "created", "farid-guest"],
      ["byline.changed", "created", "wire-desk"],
      ["byline.changed", "retired", "farid-guest"],
      ["byline.changed", "merged", "farid-guest"],
    ]);
  });

  it("a live blog's entries: posted is an update, edited and deleted are minor, each naming the entry; drafts and hidden live blogs send nothing", async () => {
    const s = await saveStory(mina, { title: "Flood live", body: body("The introduction."), intent: "publish" }, T0);
    await updateLiveBlog(mina, s.id, { isLiveBlog: true }, T0);
    await fresh();
    const e = await postEntry(mina, s.id, { headline: "Water rising", body: body("The river rises.") }, T0);
    await editEntry(mina, e.entryId, { version: 1, body: body("The river rises fast.") }, T0);
    await postEntry(mina, s.id, { body: body("A draft."), publish: false }, T0);
    await deleteEntry(mina, e.entryId, T0);
    const got = await fresh();
    expect(got.map((x) => [x.event, x.data.kind, (x.data.entry as { change: string }).change])).toEqual([
      ["story.updated", "update", "posted"],
      ["story.updated", "minor", "edited"],
      ["story.updated", "minor", "deleted"],
    ]);
    expect(got[0]!.data.entry).toMatchObject({ id: e.entryId, headline: "Water rising", url: expect.stringMatching(new RegExp(`/news/flood-live#entry-${e.entryId}$`)) });
    await saveStory(mina, { ...(await fields(s.id)), intent: "unpublish" }, T0);
    await fresh();
    await postEntry(mina, s.id, { body: body("While nobody can see it.") }, T0);
    expect(await fresh()).toEqual([]);
  });

  describe("delivered by the worker", () => {
    let server: http.Server;
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("a published story reaches a subscribed receiver, signed with its secret; other events do not", async () => {
      const { db } = handle();
      await db.update(webhookEndpoints).set({ active: false });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/newsroom`;
      const [hook] = await db.insert(webhookEndpoints).values({ url, events: ["story.published"], secret: "whsec_receiver_secret" }).returning();
      const s = await saveStory(mina, { title: "Flights resume at Kabul airport", body: body("The first flight lands at nine."), intent: "publish" }, T0);
      await saveStory(mina, { ...(await fields(s.id)), intent: "minor", dek: "Three airlines fly again." }, T0);
      const worker = createWebhookWorker({ db: async () => db, allowPrivateAddresses: true });
      const result = await worker.drain();
      expect(result.delivered).toBe(1);
      expect(received).toHaveLength(1);
      const got = received[0]!;
      expect(got.headers["x-newsroom-event"]).toBe("story.published");
      expect(verifyWebhookSignature("whsec_receiver_secret", String(got.headers["x-newsroom-timestamp"]), got.body, String(got.headers["x-newsroom-signature"]))).toBe(true);
      expect(verifyWebhookSignature("whsec_another_secret", String(got.headers["x-newsroom-timestamp"]), got.body, String(got.headers["x-newsroom-signature"]))).toBe(false);
      const payload = JSON.parse(got.body) as { id: string; event: string; data: { story: { id: string; headline: string } } };
      expect(payload).toMatchObject({ event: "story.published", data: { story: { id: s.id, headline: "Flights resume at Kabul airport" } } });
      expect(payload.id).toBe(got.headers["x-newsroom-delivery"]);
      const [d] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, hook!.id));
      expect(d).toMatchObject({ status: "delivered", lastStatusCode: 204, attempts: 1 });
    });
  });
});
