/**
 * Scheduled unpublishing on a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL),
 * with the clock passed in: readers lose the story at its instant to the millisecond, the desk
 * lists and labels it, and the record of it is written once however many instances try.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, stories, storyRevisions } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { getDeskStory, listDeskStories, saveStory } from "@/lib/stories/desk";
import { getPublicStory, listPublicStories } from "@/lib/stories/queries";
import { saveSiteSettings } from "@/lib/stories/store";
import { scheduleUnpublish } from "@/lib/stories/unpublish-schedule";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal, kabulLocal } from "@/test/refusal";
import { nextScheduledInstant } from "./scheduler";
import { settleDueUnpublishes } from "./unpublish";

const body = JSON.stringify(bodyFromParagraphs(["The market closes for the holiday."]));


describe.each(engines())("scheduled unpublishing on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  // One hour after T0, typed in Kabul (+04:30).
  const OFF = new Date(T0.getTime() + 3_600_000);

  it("sets up an editor and a writer in Kabul's time zone", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
  });

  it("takes a live story off every reader list at its instant, to the millisecond, and labels it on the desk", async () => {
    const s = await saveStory(mina, { title: "Market holiday hours", body, intent: "publish" }, T0);
    expect((await refusal(scheduleUnpublish(sahar, s.id, kabulLocal(OFF), T0))).code).toBe("forbidden");
    expect((await refusal(scheduleUnpublish(mina, s.id, kabulLocal(new Date(T0.getTime() - 60_000)), T0))).fields).toEqual({ unpublishAt: "In the past" });
    expect((await scheduleUnpublish(mina, s.id, kabulLocal(OFF), T0)).unpublishAt).toEqual(OFF);
    expect(await nextScheduledInstant(T0)).toEqual(OFF);
    const scheduledView = await listDeskStories(mina, { status: "scheduled" }, T0);
    expect(scheduledView.items.map((i) => [i.title, i.unpublishAt, i.unpublishSetByName])).toEqual([["Market holiday hours", OFF, "Mina"]]);

    const justBefore = new Date(OFF.getTime() - 1);
    expect((await getPublicStory(s.slug, justBefore)).kind).toBe("story");
    expect((await listPublicStories({ now: justBefore, limit: 10 })).items.map((c) => c.id)).toContain(s.id);
    expect((await getPublicStory(s.slug, OFF)).kind).toBe("missing");
    expect((await listPublicStories({ now: OFF, limit: 10 })).items.map((c) => c.id)).not.toContain(s.id);
    // The desk says so before the scheduler has written anything.
    expect((await getDeskStory(mina, s.id, OFF)).status).toBe("unpublished");
    expect((await listDeskStories(mina, { status: "unpublished" }, OFF)).items.map((i) => i.id)).toContain(s.id);
  });

  it("is recorded once, whichever of several instances settles it", async () => {
    const [row] = await handle().db.select({ id: stories.id }).from(stories).where(eq(stories.title, "Market holiday hours"));
    const settled = await Promise.all([settleDueUnpublishes(OFF), settleDueUnpublishes(OFF), settleDueUnpublishes(OFF)]);
    expect(settled.flat()).toEqual([row!.id]);
    const [after] = await handle().db.select().from(stories).where(eq(stories.id, row!.id));
    expect(after).toMatchObject({ status: "unpublished", unpublishAt: null, unpublishSetBy: null });
    const kinds = (await handle().db.select({ kind: storyRevisions.kind }).from(storyRevisions).where(eq(storyRevisions.storyId, row!.id))).map((r) => r.kind);
    expect(kinds.filter((k) => k === "unpublish")).toHaveLength(1);
    expect(await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, "story.unpublish_scheduled")))).toHaveLength(1);
  });

  it("a story whose time to leave has come can be put back before the scheduler records it, and then stays", async () => {
    const s = await saveStory(mina, { title: "Bus timetable", body, intent: "publish" }, T0);
    await scheduleUnpublish(mina, s.id, kabulLocal(OFF), T0);
    const later = new Date(OFF.getTime() + 1000);
    const desk = await getDeskStory(mina, s.id, later);
    const back = await saveStory(mina, { id: s.id, version: desk.version, title: desk.title, body: JSON.stringify(desk.body), intent: "publish" }, later);
    expect(back.status).toBe("published");
    expect((await getPublicStory(s.slug, later)).kind).toBe("story");
    expect(await settleDueUnpublishes(later)).toEqual([]);
    expect((await getPublicStory(s.slug, new Date(later.getTime() + 86_400_000))).kind).toBe("story");
  });

  it("refuses a time before a scheduled story's publication, and a schedule moved past the unpublish; cancelling clears it", async () => {
    const s = await saveStory(mina, { title: "Festival programme", body }, T0);
    const desk = await getDeskStory(mina, s.id, T0);
    await saveStory(mina, { id: s.id, version: desk.version, title: desk.title, body, intent: "schedule", scheduledAt: kabulLocal(new Date(T0.getTime() + 7_200_000)) }, T0);
    expect((await refusal(scheduleUnpublish(mina, s.id, kabulLocal(OFF), T0))).fields).toEqual({ unpublishAt: "Before publication" });
    await scheduleUnpublish(mina, s.id, kabulLocal(new Date(T0.getTime() + 10_800_000)), T0);
    const again = await getDeskStory(mina, s.id, T0);
    const moved = await refusal(saveStory(mina, { id: s.id, version: again.version, title: again.title, body, intent: "schedule", scheduledAt: kabulLocal(new Date(T0.getTime() + 14_400_000)) }, T0));
    expect(moved.fields).toEqual({ scheduledAt: "After the scheduled unpublish" });
    expect((await scheduleUnpublish(mina, s.id, "", T0)).unpublishAt).toBeNull();
    expect((await getDeskStory(mina, s.id, T0)).unpublishAt).toBeNull();
  });
});
