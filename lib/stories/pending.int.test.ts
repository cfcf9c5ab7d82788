/**
 * Pending changes to a live story on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL), with the clock passed in: readers keep the published version on every
 * output until the changes are published or their instant comes; a set is applied once
 * however many instances try; nothing published meanwhile is overwritten.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pendingChanges, storyRevisions } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { searchPublicStories } from "@/lib/search/stories";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal, kabulLocal } from "@/test/refusal";
import { getDeskStory, listDeskStories, saveStory } from "./desk";
import { applyDuePendingChanges, applyPendingChanges, discardPendingChanges, getPendingChanges, savePendingChanges, schedulePendingChanges } from "./pending";
import { getPublicStory, listPublicStories } from "./queries";
import { saveSiteSettings } from "./store";

const body = (t: string) => JSON.stringify(bodyFromParagraphs([t]));


describe.each(engines())("pending changes on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  let id = "";
  let slug = "";

  async function fields() {
    const s = await getDeskStory(mina, id, T0);
    return { id: s.id, version: s.version, title: s.title, slug: s.slug, body: JSON.stringify(s.body), tags: s.tags };
  }

  it("sets up an editor, a writer and a live story", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    const s = await saveStory(mina, { title: "Dam water level stable", body: body("Engineers say the level is stable."), tags: ["Water"], intent: "publish" }, T0);
    id = s.id;
    slug = s.slug;
  });

  it("keeps readers on the published version everywhere while changes are pending", async () => {
    expect((await refusal(savePendingChanges(sahar, { ...(await fields()), title: "x" }, T0))).code).toBe("forbidden");
    const pending = await savePendingChanges(mina, { ...(await fields()), title: "Dam water level rising", body: body("Engineers now expect the level to rise.") }, T0);
    expect(pending).toMatchObject({ storyId: id, applyAt: null, updatedByName: "Mina", input: { title: "Dam water level rising" } });
    const later = new Date(T0.getTime() + 60_000);
    const page = await getPublicStory(slug, later);
    expect(page.kind === "story" && page.story.title).toBe("Dam water level stable");
    expect(page.kind === "story" && page.story.bodyHtml).not.toContain("rise");
    expect((await listPublicStories({ now: later, limit: 5 })).items.map((c) => c.title)).toContain("Dam water level stable");
    expect((await searchPublicStories({ text: "rising", now: later, limit: 10, offset: 0 })).total).toBe(0);
    // The desk's story is the published one; the pending version is a revision of its own kind.
    expect((await getDeskStory(mina, id, later)).title).toBe("Dam water level stable");
    const kinds = (await handle().db.select({ kind: storyRevisions.kind }).from(storyRevisions).where(eq(storyRevisions.storyId, id))).map((r) => r.kind);
    expect(kinds).toContain("pending");
  });

  it("publishes them now as an update, and refuses changes prepared on an older version", async () => {
    const now = new Date(T0.getTime() + 120_000);
    const saved = await applyPendingChanges(mina, id, { kind: "update", noteKind: "correction", note: "An earlier version said the level was stable." }, now);
    expect(saved.lastUpdatedAt).toEqual(now);
    const page = await getPublicStory(slug, now);
    expect(page.kind === "story" && page.story.title).toBe("Dam water level rising");
    expect(page.kind === "story" && page.story.notes.map((n) => n.kind)).toEqual(["correction"]);
    expect(await getPendingChanges(mina, id)).toBeNull();

    // Prepared on version N, then the live story is saved (N+1): publishing them is refused.
    await savePendingChanges(mina, { ...(await fields()), title: "Dam: evacuation ordered" }, now);
    await saveStory(mina, { ...(await fields()), title: "Dam water level rising fast", intent: "minor" }, now);
    expect((await refusal(applyPendingChanges(mina, id, { kind: "minor" }, now))).code).toBe("conflict");
    await discardPendingChanges(mina, id, now);
    expect(await getPendingChanges(mina, id)).toBeNull();
  });

  it("applies scheduled changes at their instant, once, even when several instances try", async () => {
    const now = new Date(T0.getTime() + 180_000);
    await savePendingChanges(mina, { ...(await fields()), title: "Dam: spillway opened" }, now);
    const at = new Date(T0.getTime() + 3_600_000);
    expect((await refusal(schedulePendingChanges(mina, id, kabulLocal(new Date(now.getTime() - 1000)), { kind: "minor" }, now))).fields).toEqual({ applyAt: "In the past" });
    expect(await schedulePendingChanges(mina, id, kabulLocal(at), { kind: "minor" }, now)).toEqual(at);
    // The Scheduled view lists them, with who scheduled them.
    const scheduled = await listDeskStories(mina, { status: "scheduled" }, now);
    expect(scheduled.items.filter((i) => i.id === id).map((i) => [i.changesAt, i.changesSetByName])).toEqual([[at, "Mina"]]);
    expect(await applyDuePendingChanges(new Date(at.getTime() - 1))).toEqual([]);
    const before = await getPublicStory(slug, new Date(at.getTime() - 1));
    expect(before.kind === "story" && before.story.title).toBe("Dam water level rising fast");
    const runs = await Promise.all([applyDuePendingChanges(at), applyDuePendingChanges(at)]);
    expect(runs.flat()).toHaveLength(1);
    const after = await getPublicStory(slug, at);
    expect(after.kind === "story" && after.story.title).toBe("Dam: spillway opened");
    expect(await handle().db.select().from(pendingChanges).where(eq(pendingChanges.storyId, id))).toEqual([]);
  });

  it("records a scheduled application that cannot happen, in words, and leaves the changes pending", async () => {
    const now = new Date(T0.getTime() + 7_200_000);
    await savePendingChanges(mina, { ...(await fields()), title: "Dam: all clear" }, now);
    const at = new Date(now.getTime() + 60_000);
    await schedulePendingChanges(mina, id, kabulLocal(at), { kind: "minor" }, now);
    // The live story is saved after the changes were prepared.
    await saveStory(mina, { ...(await fields()), title: "Dam: level falling", intent: "minor" }, now);
    expect(await applyDuePendingChanges(at)).toEqual([]);
    const pending = await getPendingChanges(mina, id);
    expect(pending?.applyAt).toBeNull();
    expect(pending?.failure).toMatch(/^Not published at .+ \(Asia\/Kabul\): The published story was saved after these changes were prepared/);
    const page = await getPublicStory(slug, at);
    expect(page.kind === "story" && page.story.title).toBe("Dam: level falling");
  });
});
