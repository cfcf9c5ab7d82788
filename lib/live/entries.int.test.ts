/**
 * Live blog entries on a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL), with
 * the clock passed in: who may post, publish, pin, edit and delete; reporters posting at the
 * same moment; entries newest first with a stable order and keyset pages with no gap or
 * repeat; an edit that keeps the entry's id and time and never brings back the old text; a
 * deletion gone from every read; "Last Updated On" following the newest entry; coverage ended
 * and resumed; nothing of a live blog readers cannot see.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { liveEntries, liveEntryRevisions, stories } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { deleteMedia, updateMedia, uploadMedia } from "@/lib/media/library";
import { DiskStorage } from "@/lib/media/storage";
import { setMediaStorage } from "@/lib/media/store";
import { saveStory, getDeskStory } from "@/lib/stories/desk";
import { saveSiteSettings, upsertByline } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { deleteEntry, editEntry, listDeskEntries, postEntry, publishEntry, updateLiveBlog } from "./entries";
import { getLivePage } from "./public";

const body = (...paragraphs: string[]) => bodyFromParagraphs(paragraphs);
const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "live-media-"));
setMediaStorage(new DiskStorage(mediaRoot));
afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});
const MIN = 60_000;
const at = (t: Date, ms: number) => new Date(t.getTime() + ms);

describe.each(engines())("live blog entries on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  // Whole seconds, a minute ahead of the real clock.
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  let blog = "";
  const page = (now: Date, before?: string, limit?: number) => getLivePage(handle().db, blog, now, before, limit);

  it("sets up an editor and two writers with bylines, and a published story made a live blog", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    for (const [key, role] of [
      ["mina", "editor"],
      ["sahar", "writer"],
      ["jawid", "writer"],
    ] as const) {
      await upsertByline({ slug: `${key}-byline`, name: key[0]!.toUpperCase() + key.slice(1) });
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery", bylineSlug: `${key}-byline` })))!;
    }
    const s = await saveStory(v.mina!, { title: "Election count — live", body: JSON.stringify(body("Counting began at eight.")), intent: "publish" }, T0);
    blog = s.id;
    expect((await refusal(postEntry(v.mina!, blog, { body: body("Too early.") }, T0))).code).toBe("not_found");
    expect((await refusal(updateLiveBlog(v.sahar!, blog, { isLiveBlog: true }, T0))).code).toBe("forbidden");
    const change = await updateLiveBlog(v.mina!, blog, { isLiveBlog: true }, T0);
    expect(change.affectsReaders).toBe(true);
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, blog));
    expect(row).toMatchObject({ isLiveBlog: true, coverageStartedAt: T0, coverageEndedAt: null });
  });

  it("reporters posting at the same moment all get their entries, newest first, ties in a stable order", async () => {
    const t = at(T0, MIN);
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: true }, t);
    const posts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postEntry(i % 2 ? v.sahar! : v.mina!, blog, { headline: `Entry ${i}`, body: body(`Polling station ${i} reports.`) }, at(t, Math.floor(i / 2) * 1000))),
    );
    expect(posts.every((p) => p.status === "published")).toBe(true);
    const first = await page(at(T0, 2 * MIN));
    expect(first.total).toBe(10);
    const times = first.entries.map((e) => e.postedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // Equal times: by id, descending, the same on every read.
    for (let i = 1; i < first.entries.length; i++) {
      if (times[i] === times[i - 1]) expect(first.entries[i]!.id < first.entries[i - 1]!.id).toBe(true);
    }
    expect((await page(at(T0, 2 * MIN))).entries.map((e) => e.id)).toEqual(first.entries.map((e) => e.id));
    expect(new Set(first.entries.map((e) => e.byline?.name))).toEqual(new Set(["Mina", "Sahar"]));
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: false }, t);
  });

  it("a writer posts a draft readers do not see until an editor publishes it, at the time it is published", async () => {
    const t = at(T0, 3 * MIN);
    const draft = await postEntry(v.sahar!, blog, { headline: "Turnout in Herat", body: body("Turnout looks high in Herat.") }, t);
    expect(draft.status).toBe("draft");
    expect(draft.affectsReaders).toBe(false);
    expect((await page(at(t, 1000))).entries.map((e) => e.headline)).not.toContain("Turnout in Herat");
    expect((await refusal(publishEntry(v.sahar!, draft.entryId, t))).code).toBe("forbidden");
    expect((await refusal(postEntry(v.sahar!, blog, { body: body("Pinned?"), isPinned: true }, t))).code).toBe("forbidden");
    expect((await refusal(postEntry(v.sahar!, blog, { body: body("As Jawid"), bylineId: v.jawid!.bylineIds[0] }, t))).code).toBe("forbidden");
    const published = at(t, 5 * MIN);
    await publishEntry(v.mina!, draft.entryId, published);
    const shown = (await page(at(published, 1000))).entries.find((e) => e.id === draft.entryId);
    expect(shown).toMatchObject({ headline: "Turnout in Herat", postedAt: published, byline: { name: "Sahar" } });
    expect((await refusal(publishEntry(v.mina!, draft.entryId, published))).code).toBe("bad_request");
  });

  it("an editor lets writers publish on this live blog; then a writer's entry is public at once", async () => {
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: true }, at(T0, 9 * MIN));
    const t = at(T0, 10 * MIN);
    const direct = await postEntry(v.jawid!, blog, { body: body("Jawid: results from Balkh are in.") }, t);
    expect(direct.status).toBe("published");
    const again = await postEntry(v.jawid!, blog, { body: body("A draft all the same."), publish: false }, t);
    expect(again.status).toBe("draft");
    const desk = await listDeskEntries(v.jawid!, blog);
    expect(desk.find((e) => e.id === again.entryId)).toMatchObject({ status: "draft", canEdit: true, canPublish: true, canDelete: true });
    // Someone else's entry: a writer may not touch it.
    const minas = desk.find((e) => e.bylineName === "Mina")!;
    expect(minas).toMatchObject({ canEdit: false, canDelete: false });
    expect((await refusal(deleteEntry(v.jawid!, minas.id, t))).code).toBe("forbidden");
    await deleteEntry(v.jawid!, again.entryId, t);
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: false }, t);
  });

  it("one pinned entry at a time; key events listed newest first, by headline or the start of the text", async () => {
    const t = at(T0, 12 * MIN);
    const a = await postEntry(v.mina!, blog, { body: body("The commission will announce first results at noon."), isPinned: true, isKeyEvent: true }, t);
    const b = await postEntry(v.mina!, blog, { headline: "First results", body: body("First results: 40% counted."), isPinned: true, isKeyEvent: true }, at(t, 1000));
    const p = await page(at(t, 2000));
    expect(p.pinned?.id).toBe(b.entryId);
    const pinnedRows = await handle().db.select({ id: liveEntries.id }).from(liveEntries).where(eq(liveEntries.isPinned, true));
    expect(pinnedRows.map((r) => r.id)).toEqual([b.entryId]);
    expect(p.keyEvents.map((k) => [k.id, k.label])).toEqual([
      [b.entryId, "First results"],
      [a.entryId, "The commission will announce first results at noon."],
    ]);
  });

  it("an edit keeps the entry's id and time, shows when it was edited, keeps revisions, and the old text is gone", async () => {
    const t = at(T0, 20 * MIN);
    const e = await postEntry(v.mina!, blog, { headline: "Crowd at the gate", body: body("A man named Karim Rahimi was seen at the gate.") }, t);
    const edited = at(t, 5 * MIN);
    await editEntry(v.mina!, e.entryId, { version: 1, headline: "Crowd at the gate", body: body("A man was seen at the gate.") }, edited);
    expect((await refusal(editEntry(v.mina!, e.entryId, { version: 1, body: body("Stale edit.") }, edited))).code).toBe("conflict");
    const shown = (await page(at(edited, 1000))).entries.find((x) => x.id === e.entryId)!;
    expect(shown).toMatchObject({ postedAt: t, editedAt: edited });
    expect(shown.bodyHtml).not.toContain("Karim Rahimi");
    expect(JSON.stringify(await page(at(edited, 1000)))).not.toContain("Karim Rahimi");
    const [{ n }] = (await handle().db.select({ n: count() }).from(liveEntryRevisions).where(eq(liveEntryRevisions.entryId, e.entryId))) as [{ n: number }];
    expect(n).toBe(2);
  });

  it("an edit keeps what it leaves out (headline, key event, pin, byline); an empty byline removes it; only editors pin", async () => {
    const t = at(T0, 25 * MIN);
    const e = await postEntry(v.mina!, blog, { headline: "Polls close", body: body("Polls have closed."), isKeyEvent: true, isPinned: true }, t);
    await editEntry(v.mina!, e.entryId, { version: 1, body: body("Polls have closed in every province.") }, at(t, 1000));
    let shown = (await page(at(t, 2000))).entries.find((x) => x.id === e.entryId)!;
    expect(shown).toMatchObject({ headline: "Polls close", isKeyEvent: true, isPinned: true, byline: { name: "Mina" } });
    await editEntry(v.mina!, e.entryId, { version: 2, body: body("Polls have closed in every province."), bylineId: "" }, at(t, 3000));
    shown = (await page(at(t, 4000))).entries.find((x) => x.id === e.entryId)!;
    expect(shown.byline).toBeNull();
    // A writer who may publish still may not pin, nor unpin an editor's pinned entry.
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: true }, t);
    expect((await refusal(postEntry(v.jawid!, blog, { body: body("Mine on top?"), isPinned: true }, t))).code).toBe("forbidden");
    expect((await refusal(editEntry(v.jawid!, e.entryId, { version: 3, body: body("x"), isPinned: false }, t))).code).toBe("forbidden");
    await updateLiveBlog(v.mina!, blog, { writersMayPublishEntries: false }, t);
    expect((await refusal(updateLiveBlog(v.mina!, blog, { coverage: "resume" }, t))).message).toBe("The coverage has not ended.");
  });

  it("a deleted entry is gone from every read, with its revisions; its text nowhere", async () => {
    const t = at(T0, 30 * MIN);
    const e = await postEntry(v.mina!, blog, { headline: "Named in error", body: body("Text that must go for legal reasons.") }, t);
    await editEntry(v.mina!, e.entryId, { version: 1, headline: "Named in error", body: body("Edited text that must go as well.") }, at(t, 1000));
    await deleteEntry(v.mina!, e.entryId, at(t, 2000));
    const after = JSON.stringify(await page(at(t, 3000)));
    expect(after).not.toContain("must go");
    expect(after).not.toContain(e.entryId);
    expect(await handle().db.select().from(liveEntryRevisions).where(eq(liveEntryRevisions.entryId, e.entryId))).toEqual([]);
    expect((await refusal(editEntry(v.mina!, e.entryId, { version: 2, body: body("Back?") }, at(t, 4000)))).code).toBe("not_found");
  });

  it("'Last Updated On' is the newest entry's time; an edit does not move it", async () => {
    const t = at(T0, 40 * MIN);
    await postEntry(v.mina!, blog, { body: body("Counting resumes after a break.") }, t);
    const desk = await getDeskStory(v.mina!, blog, at(t, 1000));
    expect(desk.lastUpdatedAt).toEqual(t);
    // The entry post did not make a new story version: an editor's open introduction still saves.
    const intro = await saveStory(v.mina!, { id: blog, version: desk.version, title: desk.title, body: JSON.stringify(body("Counting began at eight; results through the day.")), intent: "minor" }, at(t, 2000));
    expect(intro.changed).toBe(true);
    expect(intro.lastUpdatedAt).toEqual(t);
    const newest = (await page(at(t, 3000))).entries[0]!;
    await editEntry(v.mina!, newest.id, { version: 1, body: body("Counting resumes after a short break.") }, at(t, 10 * MIN));
    expect((await getDeskStory(v.mina!, blog, at(t, 11 * MIN))).lastUpdatedAt).toEqual(t);
    expect((await page(at(t, 11 * MIN))).newestAt).toEqual(t);
  });

  it("ending the coverage records its end and stops posting until it is resumed", async () => {
    const end = at(T0, 50 * MIN);
    await updateLiveBlog(v.mina!, blog, { coverage: "end" }, end);
    expect((await handle().db.select({ e: stories.coverageEndedAt }).from(stories).where(eq(stories.id, blog)))[0]!.e).toEqual(end);
    expect((await refusal(postEntry(v.mina!, blog, { body: body("After the end.") }, at(end, 1000)))).code).toBe("bad_request");
    expect((await refusal(updateLiveBlog(v.mina!, blog, { coverage: "end" }, at(end, 1000)))).code).toBe("bad_request");
    await updateLiveBlog(v.mina!, blog, { coverage: "resume" }, at(end, 2000));
    expect((await postEntry(v.mina!, blog, { body: body("Coverage resumes.") }, at(end, 3000))).status).toBe("published");
  });

  it("pages of older updates: newest first, no entry twice, none missed, while new ones arrive", async () => {
    const t = at(T0, 60 * MIN);
    for (let i = 0; i < 30; i++) await postEntry(v.mina!, blog, { body: body(`Update number ${i}.`) }, at(t, i * 1000));
    const now = at(t, 40_000);
    const all = (await page(now, undefined, 1000)).entries.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let first = true;
    while (first || cursor) {
      first = false;
      const p = await page(now, cursor, 7);
      seen.push(...p.entries.map((e) => e.id));
      // A new entry arriving between pages does not shift the older pages.
      if (seen.length === 7) await postEntry(v.mina!, blog, { body: body("Arrives while reading.") }, at(now, 500));
      cursor = p.older ?? undefined;
    }
    expect(seen).toEqual(all);
    expect((await refusal(page(now, "not-a-cursor"))).code).toBe("bad_request");
  });

  it("a photo in an entry comes from the library, needs alt text to go public, and the library will not delete it", async () => {
    const t = at(T0, 65 * MIN);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#468" } }).jpeg().toBuffer();
    const { item } = await uploadMedia(v.mina!, { data: jpeg, name: "count-hall.jpg" });
    const withPhoto = { type: "doc", content: [...body("Inside the counting hall.").content!, { type: STORY_PHOTO, attrs: { mediaId: item.id } }] };
    const refused = await refusal(postEntry(v.mina!, blog, { body: withPhoto }, t));
    expect(refused.code).toBe("bad_request");
    expect(refused.message).toContain("alt text");
    await updateMedia(v.mina!, item.id, { altText: "Officials count ballots at long tables" });
    const posted = await postEntry(v.mina!, blog, { body: withPhoto }, t);
    const shown = (await page(at(t, 1000))).entries.find((e) => e.id === posted.entryId)!;
    expect(shown.bodyHtml).toContain('alt="Officials count ballots at long tables"');
    const kept = await refusal(deleteMedia(v.mina!, item.id));
    expect(kept.code).toBe("conflict");
    expect(kept.message).toContain("Election count — live");
  });

  it("nothing of a live blog readers cannot see: unpublished, trashed, or no longer a live blog", async () => {
    const now = at(T0, 70 * MIN);
    expect((await page(now)).total).toBeGreaterThan(0);
    const desk = await getDeskStory(v.mina!, blog, now);
    await saveStory(v.mina!, { id: blog, version: desk.version, title: desk.title, body: JSON.stringify(desk.body), intent: "unpublish" }, now);
    expect(await page(at(now, 1000))).toMatchObject({ entries: [], keyEvents: [], pinned: null, total: 0, newestAt: null });
    const again = await getDeskStory(v.mina!, blog, now);
    await saveStory(v.mina!, { id: blog, version: again.version, title: again.title, body: JSON.stringify(again.body), intent: "publish" }, at(now, 2000));
    expect((await page(at(now, 3000))).total).toBeGreaterThan(0);
    await updateLiveBlog(v.mina!, blog, { isLiveBlog: false }, at(now, 4000));
    expect((await page(at(now, 5000))).total).toBe(0);
  });
});
