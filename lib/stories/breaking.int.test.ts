/**
 * Breaking news as one feature, against a real database: a story flag that always has an
 * end, the bar every reader page shows, and its end without anyone touching it.
 */
import { describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { saveSiteSettings } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getDeskStory, saveStory } from "./desk";
import { breakingBarKey, getPublicStory, listBreakingStories } from "./queries";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));
const HOUR = 3_600_000;

async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string> | string> {
  return p.then(
    () => "saved",
    (e: unknown) => (e instanceof AppError ? (e.fields ?? {}) : String(e)),
  );
}

describe.each(engines())("breaking news on %s", (engine) => {
  useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;

  it("sets up Mina (editor) and Sahar (writer) in a Kabul newsroom", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
  });

  it("a story marked breaking without an end gets one a few hours ahead; the bar shows it until then and not a moment after", async () => {
    const now = new Date();
    const s = await saveStory(mina, { title: "Quake felt in Herat", body: body("x"), isBreaking: true, intent: "publish" }, now);
    const desk = await getDeskStory(mina, s.id, now);
    expect(desk.isBreaking).toBe(true);
    expect(desk.breakingUntil!.getTime() - now.getTime()).toBe(3 * HOUR);
    expect((await listBreakingStories(now)).map((b) => b.title)).toEqual(["Quake felt in Herat"]);
    const end = desk.breakingUntil!;
    expect((await listBreakingStories(new Date(end.getTime() - 1))).map((b) => b.id)).toEqual([s.id]);
    expect(await listBreakingStories(end)).toEqual([]);
    const after = await getPublicStory(s.slug, end);
    expect(after.kind === "story" && after.story.breaking).toBe(false);
    // Read after its end, the editor shows the story as no longer breaking.
    expect((await getDeskStory(mina, s.id, end)).isBreaking).toBe(false);
  });

  it("takes the end as newsroom wall-clock time, refuses one that passed or lies too far ahead, and unticking ends it at once", async () => {
    const now = new Date("2026-03-30T04:00:00Z"); // 08:30 in Kabul
    const s = await saveStory(mina, { title: "Polls close early", body: body("x"), isBreaking: true, breakingUntil: "2026-03-30T12:00", intent: "publish" }, now);
    let desk = await getDeskStory(mina, s.id, now);
    expect(desk.breakingUntil?.toISOString()).toBe("2026-03-30T07:30:00.000Z");
    const base = { id: s.id, title: desk.title, body: body("x"), isBreaking: true, intent: "minor" as const };
    expect(await fieldsOf(saveStory(mina, { ...base, version: desk.version, breakingUntil: "2026-03-30T08:00" }, now))).toEqual({ breakingUntil: "Already passed" });
    expect(await fieldsOf(saveStory(mina, { ...base, version: desk.version, breakingUntil: "2026-04-03T08:00" }, now))).toEqual({ breakingUntil: "Too far ahead" });
    // A save that sends no end keeps the one set.
    await saveStory(mina, { ...base, version: desk.version, title: "Polls close early in three districts" }, now);
    desk = await getDeskStory(mina, s.id, now);
    expect(desk.breakingUntil?.toISOString()).toBe("2026-03-30T07:30:00.000Z");
    const barBefore = await breakingBarKey(now);
    await saveStory(mina, { ...base, version: desk.version, title: desk.title, isBreaking: false }, now);
    desk = await getDeskStory(mina, s.id, now);
    expect([desk.isBreaking, desk.breakingUntil]).toEqual([false, null]);
    expect(await breakingBarKey(now)).not.toBe(barBefore);
  });

  it("writers cannot mark a story breaking or move its end", async () => {
    const d = await saveStory(sahar, { title: "Sahar's draft", body: body("x") });
    const refused = await saveStory(sahar, { id: d.id, version: d.version, title: "Sahar's draft", body: body("x"), isBreaking: true }).then(
      () => "saved",
      (e: unknown) => (e as AppError).code,
    );
    expect(refused).toBe("forbidden");
  });
});
