/**
 * Scheduling, "Last Updated On" (update vs minor edit vs no-op), corrections and conflicts,
 * through the desk's mutations on a real database, with the clock passed in.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storyRevisions, stories } from "@/db/schema";
import { getDeskStory, listDeskStories, saveStory } from "@/lib/stories/desk";
import { getPublicStory } from "@/lib/stories/queries";
import { saveSiteSettings, upsertByline } from "@/lib/stories/store";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";

const body = (t: string) => JSON.stringify(bodyFromParagraphs([t]));
const settings = (timeZone: string) => saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone, locale: "en-US" });
async function codeOf(p: Promise<unknown>) {
  return p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

describe.each(engines())("publishing rules on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date("2025-03-28T10:00:00Z");

  async function fields(id: string, viewer = mina) {
    const s = await getDeskStory(viewer, id, T0);
    return { id: s.id, version: s.version, title: s.title, dek: s.dek, slug: s.slug, body: JSON.stringify(s.body), tags: s.tags, bylineIds: s.bylineIds };
  }
  async function revisions(id: string) {
    const [r] = await handle().db.select({ n: count() }).from(storyRevisions).where(eq(storyRevisions.storyId, id));
    return r!.n;
  }

  it("sets up an editor and a writer", async () => {
    await settings("Asia/Kabul");
    await upsertByline({ slug: "mina", name: "Mina" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery", bylineSlug: "mina" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
  });

  it("schedules in the newsroom's zone (Kabul +04:30) and stores the UTC instant", async () => {
    const s = await saveStory(mina, { title: "Kabul council approves new bus routes", body: body("x") }, T0);
    const scheduled = await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-03-30T09:00" }, T0);
    expect(scheduled.status).toBe("scheduled");
    expect(scheduled.publishedAt!.toISOString()).toBe("2025-03-30T04:30:00.000Z");
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, s.id));
    expect(row!.publishedAt!.toISOString()).toBe("2025-03-30T04:30:00.000Z");
    expect(row!.lastUpdatedAt!.toISOString()).toBe("2025-03-30T04:30:00.000Z");
    // Hidden until the instant, to the millisecond; then public with that publication time.
    expect((await getPublicStory(scheduled.slug, new Date("2025-03-30T04:29:59.999Z"))).kind).toBe("missing");
    const at = await getPublicStory(scheduled.slug, new Date("2025-03-30T04:30:00.000Z"));
    expect(at.kind).toBe("story");
    if (at.kind === "story") expect(at.story.publishedAt.toISOString()).toBe("2025-03-30T04:30:00.000Z");
    // The Scheduled view lists it.
    const view = await listDeskStories(mina, { status: "scheduled" }, T0);
    expect(view.items.map((i) => i.title)).toEqual(["Kabul council approves new bus routes"]);
  });

  it("London across the DST change: 09:00 BST on 2025-03-30 is 08:00Z", async () => {
    await settings("Europe/London");
    const s = await saveStory(mina, { title: "London story", body: body("x") }, T0);
    const r = await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-03-30T09:00" }, T0);
    expect(r.publishedAt!.toISOString()).toBe("2025-03-30T08:00:00.000Z");
    expect(await codeOf(saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-03-30T01:30" }, T0))).toBe("bad_request");
    await settings("Asia/Kabul");
  });

  it("refuses a time in the past, a writer's schedule, and rescheduling a live story", async () => {
    const s = await saveStory(mina, { title: "Past", body: body("x") }, T0);
    expect(await codeOf(saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-03-28T14:29" }, T0))).toBe("bad_request");
    const w = await saveStory(sahar, { title: "Writer's", body: body("x") }, T0);
    expect(await codeOf(saveStory(sahar, { ...(await fields(w.id, sahar)), intent: "schedule", scheduledAt: "2025-04-01T09:00" }, T0))).toBe("forbidden");
    await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0);
    expect(await codeOf(saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-04-01T09:00" }, T0))).toBe("bad_request");
  });

  it("reschedules, unschedules back to a draft, and 'publish now' dates the story now", async () => {
    const s = await saveStory(mina, { title: "Moving", body: body("x") }, T0);
    await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-04-01T09:00" }, T0);
    const moved = await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-04-02T10:15" }, T0);
    expect(moved.publishedAt!.toISOString()).toBe("2025-04-02T05:45:00.000Z");
    const off = await saveStory(mina, { ...(await fields(s.id)), intent: "unschedule" }, T0);
    expect(off.status).toBe("draft");
    expect(off.publishedAt).toBeNull();
    // The Scheduled view runs in publication order.
    const a = await saveStory(mina, { title: "Later one", body: body("x") }, T0);
    await saveStory(mina, { ...(await fields(a.id)), intent: "schedule", scheduledAt: "2025-04-05T09:00" }, T0);
    const b = await saveStory(mina, { title: "Sooner one", body: body("x") }, T0);
    await saveStory(mina, { ...(await fields(b.id)), intent: "schedule", scheduledAt: "2025-04-03T09:00" }, T0);
    const view = await listDeskStories(mina, { status: "scheduled" }, T0);
    const order = view.items.map((i) => i.title);
    expect(order.indexOf("Sooner one")).toBeLessThan(order.indexOf("Later one"));
    expect(view.items.map((i) => i.publishedAt!.getTime())).toEqual([...view.items.map((i) => i.publishedAt!.getTime())].sort((x, y) => x - y));
    await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2025-04-01T09:00" }, T0);
    const now = await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0);
    expect(now.status).toBe("published");
    expect(now.publishedAt!.getTime()).toBe(T0.getTime());
  });

  it("update moves 'Last Updated On'; a minor edit does not; a no-op writes nothing", async () => {
    const T1 = new Date("2025-03-28T11:00:00Z");
    const T2 = new Date("2025-03-28T12:00:00Z");
    const T3 = new Date("2025-03-28T13:00:00Z");
    const s = await saveStory(mina, { title: "Flood warning for Nangarhar", body: body("First text.") }, T1);
    await saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T1);
    const revs = await revisions(s.id);

    const noop = await saveStory(mina, { ...(await fields(s.id)), intent: "update" }, T2);
    expect(noop.changed).toBe(false);
    expect(await revisions(s.id)).toBe(revs);
    const same = await saveStory(mina, { ...(await fields(s.id)), intent: "minor" }, T2);
    expect(same.changed).toBe(false);

    const minor = await saveStory(mina, { ...(await fields(s.id)), body: body("First text, typo fixed."), intent: "minor" }, T2);
    expect(minor.changed).toBe(true);
    expect(minor.lastUpdatedAt!.getTime()).toBe(T1.getTime());
    expect(await revisions(s.id)).toBe(revs + 1);

    const update = await saveStory(mina, { ...(await fields(s.id)), body: body("Adds the ministry's statement."), intent: "update", note: "Adds the ministry's statement." }, T3);
    expect(update.lastUpdatedAt!.getTime()).toBe(T3.getTime());
    expect(update.publishedAt!.getTime()).toBe(T1.getTime());
    const pub = await getPublicStory(s.slug, T3);
    if (pub.kind !== "story") throw new Error("expected public");
    expect(pub.story.lastUpdatedAt.getTime()).toBe(T3.getTime());
    expect(pub.story.notes).toEqual([{ kind: "update", note: "Adds the ministry's statement.", at: T3 }]);
  });

  it("a correction needs a note, and readers see it with its date", async () => {
    const T4 = new Date("2025-03-29T09:00:00Z");
    const s = (await listDeskStories(mina, { q: "Flood warning" }, T4)).items[0]!;
    const f = await fields(s.id);
    expect(await codeOf(saveStory(mina, { ...f, title: "Flood warning for Nangarhar and Kunar", intent: "update", noteKind: "correction" }, T4))).toBe("bad_request");
    await saveStory(mina, { ...f, title: "Flood warning for Nangarhar and Kunar", intent: "update", noteKind: "correction", note: "An earlier version named the wrong district." }, T4);
    const pub = await getPublicStory(s.slug, T4);
    if (pub.kind !== "story") throw new Error("expected public");
    expect(pub.story.notes.map((n) => n.kind)).toEqual(["update", "correction"]);
    expect(pub.story.lastUpdatedAt.getTime()).toBe(T4.getTime());

    // A clarification with no other change is still a change readers see: it is kept and
    // dated. A plain update that changes nothing moves no date.
    const T5 = new Date("2025-03-29T10:00:00Z");
    const noteOnly = await saveStory(mina, { ...(await fields(s.id)), intent: "update", noteKind: "clarification", note: "The district figures are from the governor's office." }, T5);
    expect(noteOnly.changed).toBe(true);
    const T6 = new Date("2025-03-29T11:00:00Z");
    const nothing = await saveStory(mina, { ...(await fields(s.id)), intent: "update" }, T6);
    expect(nothing.changed).toBe(false);
    const after = await getPublicStory(s.slug, T6);
    if (after.kind !== "story") throw new Error("expected public");
    expect(after.story.notes.map((n) => n.kind)).toEqual(["update", "correction", "clarification"]);
    expect(after.story.lastUpdatedAt.getTime()).toBe(T5.getTime());
  });

  it("update and minor edit apply only to live stories; writers cannot post updates", async () => {
    const d = await saveStory(mina, { title: "Draft only", body: body("x") }, T0);
    expect(await codeOf(saveStory(mina, { ...(await fields(d.id)), intent: "update" }, T0))).toBe("bad_request");
    const w = await saveStory(sahar, { title: "Sahar draft", body: body("x") }, T0);
    expect(await codeOf(saveStory(sahar, { ...(await fields(w.id, sahar)), intent: "update" }, T0))).toBe("forbidden");
  });

  it("of parallel saves from one version, exactly one wins and the rest conflict", async () => {
    const s = await saveStory(mina, { title: "Race", body: body("x") }, T0);
    const f = await fields(s.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => codeOf(saveStory(mina, { ...f, dek: `dek ${i}`, body: body(`text ${i}`) }, T0))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "conflict")).toHaveLength(5);
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, s.id));
    expect(row!.version).toBe(f.version + 1);
    expect(await revisions(s.id)).toBe(2);
  });
});
