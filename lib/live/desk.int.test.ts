/**
 * The desk's reads of live blogs on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL): which stories the "Live" screen lists (live blogs only, not trashed,
 * for writers as for editors, whoever wrote them), their entry counts and newest entry time,
 * the order (still live first), and one live blog's settings as its desk reads them.
 */
import { describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { saveStory } from "@/lib/stories/desk";
import { saveSiteSettings, upsertByline } from "@/lib/stories/store";
import { trashStory } from "@/lib/stories/trash";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { getLiveDeskStory, listLiveBlogs } from "./desk";
import { postEntry, updateLiveBlog } from "./entries";

const body = (...paragraphs: string[]) => bodyFromParagraphs(paragraphs);
const MIN = 60_000;
const at = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe.each(engines())("the desk's live blogs on %s", (engine) => {
  useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  const ids: Record<string, string> = {};

  it("sets up an editor and a writer, two live blogs, a plain story and a trashed live blog", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    for (const [key, role] of [
      ["mina", "editor"],
      ["sahar", "writer"],
    ] as const) {
      await upsertByline({ slug: `${key}-byline`, name: key });
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery", bylineSlug: `${key}-byline` })))!;
    }
    for (const name of ["election", "floods", "plain", "trashed"]) {
      const s = await saveStory(v.mina!, { title: `Story ${name}`, body: JSON.stringify(body("Intro.")), intent: "publish" }, T0);
      ids[name] = s.id;
      if (name !== "plain") await updateLiveBlog(v.mina!, s.id, { isLiveBlog: true }, at(T0, name === "floods" ? MIN : 0));
    }
    await trashStory(v.mina!, ids.trashed!, at(T0, 2 * MIN));
  });

  it("lists live blogs only, for writers as for editors, with no entries yet", async () => {
    for (const viewer of [v.mina!, v.sahar!]) {
      const list = await listLiveBlogs(viewer);
      expect(list.map((b) => b.id).sort()).toEqual([ids.election, ids.floods].sort());
      for (const b of list) expect(b).toMatchObject({ publishedEntries: 0, draftEntries: 0, newestEntryAt: null, coverageEndedAt: null });
    }
    // No entries: the newest start of coverage first.
    expect((await listLiveBlogs(v.mina!)).map((b) => b.title)).toEqual(["Story floods", "Story election"]);
  });

  it("counts published entries and drafts, and gives the newest entry's public time", async () => {
    await postEntry(v.mina!, ids.election!, { body: body("One.") }, at(T0, 3 * MIN));
    await postEntry(v.mina!, ids.election!, { body: body("Two.") }, at(T0, 5 * MIN));
    await postEntry(v.sahar!, ids.election!, { body: body("A draft.") }, at(T0, 6 * MIN));
    const [first] = await listLiveBlogs(v.sahar!);
    expect(first).toMatchObject({ id: ids.election, publishedEntries: 2, draftEntries: 1 });
    expect(first!.newestEntryAt?.getTime()).toBe(at(T0, 5 * MIN).getTime());
  });

  it("lists ended live blogs after those still live, with their end time", async () => {
    await updateLiveBlog(v.mina!, ids.floods!, { coverage: "end" }, at(T0, 7 * MIN));
    await updateLiveBlog(v.mina!, ids.election!, { coverage: "end" }, at(T0, 8 * MIN));
    await updateLiveBlog(v.mina!, ids.floods!, { coverage: "resume" }, at(T0, 9 * MIN));
    const list = await listLiveBlogs(v.mina!);
    expect(list.map((b) => b.id)).toEqual([ids.floods, ids.election]);
    expect(list[1]!.coverageEndedAt?.getTime()).toBe(at(T0, 8 * MIN).getTime());
    expect(list[0]!.coverageEndedAt).toBeNull();
  });

  it("reads one live blog's settings with what the viewer may do; not a live blog is not found", async () => {
    expect(await getLiveDeskStory(v.mina!, ids.floods!)).toMatchObject({ title: "Story floods", viewerIsEditor: true, viewerMayPublish: true, writersMayPublishEntries: false });
    expect(await getLiveDeskStory(v.sahar!, ids.floods!)).toMatchObject({ viewerIsEditor: false, viewerMayPublish: false });
    await updateLiveBlog(v.mina!, ids.floods!, { writersMayPublishEntries: true }, at(T0, 10 * MIN));
    expect(await getLiveDeskStory(v.sahar!, ids.floods!)).toMatchObject({ viewerIsEditor: false, viewerMayPublish: true });
    for (const id of [ids.plain!, ids.trashed!, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await refusal(getLiveDeskStory(v.mina!, id))).code).toBe("not_found");
    }
    // Turned off: gone from the list and from the desk.
    await updateLiveBlog(v.mina!, ids.floods!, { isLiveBlog: false }, at(T0, 11 * MIN));
    expect((await listLiveBlogs(v.mina!)).map((b) => b.id)).toEqual([ids.election]);
    expect((await refusal(getLiveDeskStory(v.sahar!, ids.floods!))).code).toBe("not_found");
  });
});
