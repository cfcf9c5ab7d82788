/**
 * Embargoes through the desk's mutations on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL), with the clock passed in: no path makes an embargoed story public early.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, stories } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { bulkApply } from "./bulk";
import { getDeskStory, saveStory } from "./desk";
import { previewForViewer } from "./preview";
import { getPublicStory } from "./queries";
import { saveSiteSettings } from "./store";

const body = JSON.stringify(bodyFromParagraphs(["The report is due out on Thursday."]));


describe.each(engines())("embargoes on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  const T0 = new Date("2026-05-04T06:00:00Z");
  // 2026-05-07 09:00 in Kabul (+04:30).
  const EMBARGO_LOCAL = "2026-05-07T09:00";
  const EMBARGO = new Date("2026-05-07T04:30:00Z");

  async function fields(id: string) {
    const s = await getDeskStory(mina, id, T0);
    return { id: s.id, version: s.version, title: s.title, body: JSON.stringify(s.body) };
  }

  it("sets up an editor in Kabul's time zone", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
  });

  it("keeps an embargoed story from being published now, by the editor or by a bulk action", async () => {
    const s = await saveStory(mina, { title: "Water report under embargo", body, embargoUntil: EMBARGO_LOCAL }, T0);
    expect((await getDeskStory(mina, s.id, T0)).embargoUntil).toEqual(EMBARGO);
    const e = await refusal(saveStory(mina, { ...(await fields(s.id)), intent: "publish" }, T0));
    expect(e.message).toBe("This story is embargoed until May 7, 2026 at 9:00 AM (Asia/Kabul): it cannot be published before then. Schedule it for that time or later, or lift the embargo.");
    const bulk = await bulkApply(mina, { action: "publish", ids: [s.id] }, T0);
    expect(bulk.done).toEqual([]);
    expect(bulk.failed[0]?.reason).toMatch(/embargoed until May 7, 2026/);
    expect((await getPublicStory(s.slug, T0)).kind).toBe("missing");
  });

  it("refuses a schedule before the embargo, takes one at the embargo, and the story goes public at that instant", async () => {
    const s = await saveStory(mina, { title: "Census results at the embargo", body, embargoUntil: EMBARGO_LOCAL }, T0);
    const early = await refusal(saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: "2026-05-07T08:59" }, T0));
    expect(early.fields).toEqual({ scheduledAt: "Before the embargo" });
    const scheduled = await saveStory(mina, { ...(await fields(s.id)), intent: "schedule", scheduledAt: EMBARGO_LOCAL }, T0);
    expect(scheduled.publishedAt).toEqual(EMBARGO);
    expect((await getPublicStory(s.slug, new Date(EMBARGO.getTime() - 1))).kind).toBe("missing");
    expect((await getPublicStory(s.slug, EMBARGO)).kind).toBe("story");
    // Moving the embargo past the schedule is refused; lifting it is not.
    const later = await refusal(saveStory(mina, { ...(await fields(s.id)), embargoUntil: "2026-05-08T09:00" }, T0));
    expect(later.fields).toEqual({ embargoUntil: "After the schedule" });
    await saveStory(mina, { ...(await fields(s.id)), embargoUntil: "" }, T0);
    expect((await getDeskStory(mina, s.id, T0)).embargoUntil).toBeNull();
  });

  it("cannot embargo a story readers already see, nor set one in the past", async () => {
    const s = await saveStory(mina, { title: "Already out", body, intent: "publish" }, T0);
    const e = await refusal(saveStory(mina, { ...(await fields(s.id)), intent: "minor", embargoUntil: EMBARGO_LOCAL }, T0));
    expect(e.message).toMatch(/^Readers can already see this story/);
    const past = await refusal(saveStory(mina, { title: "Past embargo", body, embargoUntil: "2026-05-01T09:00" }, T0));
    expect(past.fields).toEqual({ embargoUntil: "Already passed" });
  });

  it("the database itself refuses a published row dated before its embargo, whatever wrote it", async () => {
    const s = await saveStory(mina, { title: "Held by the database", body, embargoUntil: EMBARGO_LOCAL }, T0);
    const bypass = await handle()
      .db.update(stories)
      .set({ status: "published", publishedAt: T0 })
      .where(eq(stories.id, s.id))
      .then(
        () => null,
        (e: unknown) => e as Error & { cause?: { message?: string } },
      );
    expect(`${bypass?.message} ${bypass?.cause?.message ?? ""}`).toContain("stories_embargo_respected");
    const [row] = await handle().db.select({ status: stories.status }).from(stories).where(eq(stories.id, s.id));
    expect(row?.status).toBe("draft");
    await expect(handle().db.execute(sql`update stories set status = 'published', published_at = ${EMBARGO.toISOString()}::timestamptz where id = ${s.id}`)).resolves.toBeDefined();
  });

  it("an embargo that has passed holds nothing back: a story taken off the site before it ended goes back with its old dates", async () => {
    const s = await saveStory(mina, { title: "Out, pulled, embargoed, back", body, intent: "publish" }, T0);
    const pulled = await saveStory(mina, { ...(await fields(s.id)), intent: "unpublish" }, T0);
    expect(pulled.status).toBe("unpublished");
    await saveStory(mina, { ...(await fields(s.id)), embargoUntil: EMBARGO_LOCAL }, T0);
    const after = new Date(EMBARGO.getTime() + 86_400_000);
    const desk = await getDeskStory(mina, s.id, after);
    const back = await saveStory(mina, { id: s.id, version: desk.version, title: desk.title, body: JSON.stringify(desk.body), embargoUntil: EMBARGO_LOCAL, intent: "republish" }, after);
    expect(back.status).toBe("published");
    expect((await getDeskStory(mina, s.id, after)).embargoUntil).toBeNull();
  });

  it("only editors set, move or lift an embargo, and each change is in the audit log", async () => {
    const sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    const own = await saveStory(sahar, { title: "A writer's embargo", body }, T0);
    expect((await refusal(saveStory(sahar, { id: own.id, version: own.version, title: "A writer's embargo", body, embargoUntil: EMBARGO_LOCAL }, T0))).code).toBe("forbidden");
    const set = await saveStory(mina, { id: own.id, version: own.version, title: "A writer's embargo", body, embargoUntil: EMBARGO_LOCAL }, T0);
    // The writer keeps it by sending it back (or not at all), and cannot lift it.
    const kept = await saveStory(sahar, { id: own.id, version: set.version, title: "A writer's embargo, edited", body, embargoUntil: EMBARGO_LOCAL }, T0);
    expect((await refusal(saveStory(sahar, { id: own.id, version: kept.version, title: "A writer's embargo", body, embargoUntil: "" }, T0))).code).toBe("forbidden");
    const log = await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, own.id), eq(auditLog.action, "story.embargo")));
    expect(log.map((e) => e.details)).toEqual([{ title: "A writer's embargo", changes: { embargoUntil: { from: null, to: EMBARGO.toISOString() } } }]);
  });

  it("a preview of an embargoed story carries the embargo", async () => {
    const s = await saveStory(mina, { title: "Preview under embargo", body, embargoUntil: EMBARGO_LOCAL }, T0);
    expect((await previewForViewer(mina, s.id, T0)).embargoUntil).toEqual(EMBARGO);
  });
});
