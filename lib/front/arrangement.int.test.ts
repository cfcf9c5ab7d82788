/**
 * The front page's arrangement on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL), with the clock passed in: pins hold their positions, lapse at their
 * instant, and let go of a story that stops being public.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { nextScheduledInstant } from "@/lib/publishing/scheduler";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { saveSiteSettings } from "@/lib/stories/store";
import { trashStory } from "@/lib/stories/trash";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal, kabulLocal } from "@/test/refusal";
import { getFrontDesk, loadFrontStories, moveFrontPin, pinFrontStory, unpinFront } from "./arrangement";

const body = JSON.stringify(bodyFromParagraphs(["A paragraph."]));


describe.each(engines())("the front page's arrangement on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  const ids: Record<string, string> = {};
  const titles = async (now: Date) => (await loadFrontStories(now, 4)).map((s) => `${s.story.title}${s.pinned ? " (pinned)" : ""}`);

  it("sets up an editor, a writer and four stories published a minute apart", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    for (const [i, name] of ["Breaking flood warning", "Council budget", "Football result", "Weather"].entries()) {
      ids[name] = (await saveStory(mina, { title: name, body, intent: "publish" }, new Date(T0.getTime() + i * 60_000))).id;
    }
  });

  it("fills every position with the newest stories until an editor pins one", async () => {
    const now = new Date(T0.getTime() + 600_000);
    expect(await titles(now)).toEqual(["Weather", "Football result", "Council budget", "Breaking flood warning"]);
    expect((await refusal(pinFrontStory(sahar, { position: 0, storyId: ids["Breaking flood warning"]!, untilLocal: "" }, now))).code).toBe("forbidden");
    await pinFrontStory(mina, { position: 0, storyId: ids["Breaking flood warning"]!, untilLocal: "" }, now);
    expect(await titles(now)).toEqual(["Breaking flood warning (pinned)", "Weather", "Football result", "Council budget"]);
    const log = await handle().db.select().from(auditLog).where(and(eq(auditLog.action, "front.pin"), eq(auditLog.entityId, ids["Breaking flood warning"]!)));
    expect(log[0]?.details).toMatchObject({ position: "lead" });
    expect((await getFrontDesk(mina, now)).slots[0]).toMatchObject({ pinned: true, setByName: "Mina" });
  });

  it("moves a pin, lapses it at its instant, and lets go of a story that leaves the site", async () => {
    const now = new Date(T0.getTime() + 700_000);
    await moveFrontPin(mina, 0, "down", now);
    expect(await titles(now)).toEqual(["Weather", "Breaking flood warning (pinned)", "Football result", "Council budget"]);
    const end = new Date(now.getTime() + 3_600_000);
    await pinFrontStory(mina, { position: 0, storyId: ids["Council budget"]!, untilLocal: kabulLocal(end) }, now);
    expect(await nextScheduledInstant(now)).toEqual(end);
    expect((await titles(new Date(end.getTime() - 1)))[0]).toBe("Council budget (pinned)");
    expect((await titles(end))[0]).toBe("Weather");
    // Trashed: out of its position at once; the position fills with the newest.
    await trashStory(mina, ids["Breaking flood warning"]!, now);
    expect(await titles(now)).toEqual(["Council budget (pinned)", "Weather", "Football result"]);
    await unpinFront(mina, 0, now);
    expect(await titles(now)).toEqual(["Weather", "Football result", "Council budget"]);
  });

  it("pins only a story readers can see, and no end in the past", async () => {
    const now = new Date(T0.getTime() + 800_000);
    const draft = await saveStory(mina, { title: "Draft", body }, now);
    expect((await refusal(pinFrontStory(mina, { position: 1, storyId: draft.id, untilLocal: "" }, now))).fields).toEqual({ storyId: "Not public" });
    expect((await refusal(pinFrontStory(mina, { position: 1, storyId: ids.Weather!, untilLocal: kabulLocal(new Date(now.getTime() - 60_000)) }, now))).fields).toEqual({ until: "In the past" });
    const desk = await getDeskStory(mina, ids.Weather!, now);
    expect(desk.status).toBe("published");
  });
});
