/**
 * The media library with stories, on a real migrated database (PGlite always; PostgreSQL
 * when TEST_DATABASE_URL is set) and files on disk: upload and de-duplication, search,
 * permissions, the alt-text rule for publishing, edits reaching story bodies, and deletion
 * only when unused.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, stories } from "@/db/schema";
import { saveStory } from "@/lib/stories/desk";
import { getPublicStory } from "@/lib/stories/queries";
import { listRevisions } from "@/lib/stories/revisions";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusalText } from "@/test/refusal";
import { deleteMedia, getMediaItem, listMedia, listMediaUses, updateMedia, uploadMedia } from "./library";
import { getSiteSettings } from "@/lib/site/settings";
import { saveSiteSettings } from "@/lib/stories/store";
import { DiskStorage } from "./storage";
import { setMediaStorage } from "./store";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "media-lib-"));
setMediaStorage(new DiskStorage(root));
afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(root, { recursive: true, force: true });
});

const photo = (colour: string) => sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } }).jpeg().toBuffer();


describe.each(engines())("media library on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};

  it("uploads once per picture, keeping the file on disk", async () => {
    for (const [key, role] of [["mina", "editor"], ["sahar", "writer"], ["jawid", "writer"]] as const) {
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery" })))!;
    }
    const first = await uploadMedia(v.sahar!, { data: await photo("#a33"), name: "market.jpg" });
    expect(first.duplicate).toBe(false);
    expect(first.item).toMatchObject({ width: 1600, height: 900, mimeType: "image/jpeg", originalName: "market.jpg", altText: "" });
    expect(fs.existsSync(path.join(root, first.item.url.replace("/media/", "")))).toBe(true);
    const again = await uploadMedia(v.mina!, { data: await photo("#a33"), name: "copy.jpg" });
    expect(again).toMatchObject({ duplicate: true, item: { id: first.item.id } });
    ids.market = first.item.id;
    ids.river = (await uploadMedia(v.mina!, { data: await photo("#36a"), name: "river.jpg" })).item.id;
  });

  it("edits details (writers only their own) and finds photos by them", async () => {
    expect(await refusalText(updateMedia(v.jawid!, ids.market!, { altText: "x" }))).toMatch(/^forbidden/);
    await updateMedia(v.sahar!, ids.market!, { altText: "Stalls at Mandawi market", caption: "Morning trade", creditName: "Sahar Ahmadi", creditOrg: "The Kabul Lantern" });
    expect(await refusalText(updateMedia(v.mina!, ids.river!, { creditUrl: "javascript:alert(1)" }))).toMatch(/^bad_request: Use a full web address \(https:\/\/…\) or a path on this site/);
    const found = await listMedia(v.mina!, { q: "mandawi" });
    expect(found.items.map((i) => i.id)).toEqual([ids.market]);
    expect((await listMedia(v.mina!, { uploaderId: v.mina!.id })).items.map((i) => i.id)).toEqual([ids.river]);
  });

  it("refuses to publish a story whose photo has no alt text, naming the photo", async () => {
    const body = {
      type: "doc",
      content: [...bodyFromParagraphs(["Before the photo."]).content!, { type: STORY_PHOTO, attrs: { mediaId: ids.river } }],
    };
    const draft = await saveStory(v.mina!, { title: "River rises", body: JSON.stringify(body), featuredMediaId: ids.market });
    ids.story = draft.id;
    const publish = () => saveStory(v.mina!, { id: draft.id, version: draft.version, title: "River rises", body: JSON.stringify(body), intent: "publish" });
    const message = await refusalText(publish());
    expect(message).toMatch(/^bad_request: The photo “river\.jpg” in the body has no alt text/);
    // The refusal names the body photo by its library id, for the editor to select it.
    const refusal = await publish().catch((e: unknown) => e as AppError);
    expect((refusal as AppError).fields).toMatchObject({ bodyPhoto: ids.river });
    const [row] = await handle().db.select({ status: stories.status }).from(stories).where(eq(stories.id, draft.id));
    expect(row?.status).toBe("draft");
    await updateMedia(v.mina!, ids.river!, { altText: "The Kabul river in flood", caption: "High water" });
    const published = await saveStory(v.mina!, { id: draft.id, version: draft.version, title: "River rises", body: JSON.stringify(body), intent: "publish" });
    expect(published.status).toBe("published");
  });

  it("refuses a body photo that names no library item, so no photo escapes the alt-text rule or the usage tracking", async () => {
    for (const attrs of [{ src: "/media/x.jpg", alt: "" }, { mediaId: "", src: "/media/x.jpg" }, { mediaId: null }]) {
      const body = { type: "doc", content: [...bodyFromParagraphs(["Text."]).content!, { type: STORY_PHOTO, attrs }] };
      expect(await refusalText(saveStory(v.mina!, { title: "Sneaky photo", body: JSON.stringify(body), intent: "publish" }))).toBe(
        "bad_request: Every photo in the body must come from the media library: add it with the Photo button.",
      );
    }
  });

  it("shows the photos to readers, and library edits reach the story", async () => {
    const now = new Date(Date.now() + 1000);
    const found = await getPublicStory("river-rises", now);
    expect(found.kind).toBe("story");
    if (found.kind !== "story") return;
    expect(found.story.photo).toMatchObject({ id: ids.market, altText: "Stalls at Mandawi market", creditName: "Sahar Ahmadi" });
    expect(found.story.bodyHtml).toContain('alt="The Kabul river in flood"');
    expect(found.story.bodyHtml).toMatch(/srcset="\/_next\/image\?url=%2Fmedia%2F[0-9a-f]{32}\.jpg&amp;w=320&amp;q=75 320w, /);
    expect(found.story.bodyHtml).toContain("<figcaption>High water</figcaption>");
    const { affectsReaders } = await updateMedia(v.mina!, ids.river!, { altText: "The Kabul river over its banks", caption: "High water" });
    expect(affectsReaders).toBe(true);
    const after = await getPublicStory("river-rises", now);
    expect(after.kind === "story" && after.story.bodyHtml).toContain('alt="The Kabul river over its banks"');
    // Alt text cannot be emptied while a public story shows the photo.
    expect(await refusalText(updateMedia(v.mina!, ids.river!, { altText: "" }))).toMatch(/needs alt text/);
  });

  it("deletes a photo only when no story uses it", async () => {
    expect((await listMediaUses(v.mina!, ids.market!)).uses.map((u) => u.role)).toEqual(["featured"]);
    // A writer sees no headline or status of a story she cannot open: only how many there are.
    expect(await listMediaUses(v.sahar!, ids.market!)).toEqual({ uses: [], others: 1 });
    expect(await refusalText(deleteMedia(v.sahar!, ids.market!))).toBe("conflict: This photo is used in 1 story. Remove it from those stories first.");
    expect(await refusalText(deleteMedia(v.mina!, ids.market!))).toMatch(/^conflict: This photo is used in “River rises”/);
    const extra = await uploadMedia(v.sahar!, { data: await photo("#3a3"), name: "spare.jpg" });
    const file = path.join(root, extra.item.url.replace("/media/", ""));
    expect(await refusalText(deleteMedia(v.jawid!, extra.item.id))).toMatch(/^forbidden/);
    // The site's logo stays while it is the logo.
    const settings = await getSiteSettings();
    await saveSiteSettings({ ...settings, logoUrl: extra.item.url });
    expect(await refusalText(deleteMedia(v.sahar!, extra.item.id))).toBe("conflict: This photo is the site's logo. Choose another logo in Settings first.");
    expect(fs.existsSync(file)).toBe(true);
    await saveSiteSettings({ ...settings, logoUrl: null });
    await deleteMedia(v.sahar!, extra.item.id);
    expect(fs.existsSync(file)).toBe(false);
    expect((await listMedia(v.mina!, { q: "spare" })).total).toBe(0);
  });
});

describe.each(engines())("photo details of published stories on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};

  async function storyRow(id: string) {
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, id));
    return row!;
  }

  it("sets up a writer's photo in the body of a story an editor published", async () => {
    for (const [key, role] of [["mina", "editor"], ["sahar", "writer"]] as const) {
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery" })))!;
    }
    ids.photo = (await uploadMedia(v.sahar!, { data: await photo("#963"), name: "bridge.jpg" })).item.id;
    await updateMedia(v.sahar!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday" });
    const body = { type: "doc", content: [...bodyFromParagraphs(["The bridge is open."]).content!, { type: STORY_PHOTO, attrs: { mediaId: ids.photo } }] };
    const draft = await saveStory(v.sahar!, { title: "Footbridge reopens", body: JSON.stringify(body) });
    const published = await saveStory(v.mina!, { id: draft.id, version: draft.version, title: "Footbridge reopens", body: JSON.stringify(body), intent: "publish" });
    expect(published.status).toBe("published");
    ids.story = draft.id;
  });

  it("a writer cannot change what a published story shows through its photo's details, and nothing is written", async () => {
    const before = await storyRow(ids.story!);
    expect(await refusalText(updateMedia(v.sahar!, ids.photo!, { altText: "The footbridge at dawn", caption: "Closed again" }))).toBe(
      "forbidden: This photo is in “Footbridge reopens”, which readers see: only an editor can change what it shows there. Ask an editor, or upload your own copy of the photo for your story.",
    );
    const after = await storyRow(ids.story!);
    expect(after.version).toBe(before.version);
    expect(after.bodyHtml).toContain("Reopened on Monday");
    expect((await listMedia(v.sahar!, { q: "closed again" })).total).toBe(0);
    // Usage notes are for staff only: readers see no change, so the writer may keep them.
    await updateMedia(v.sahar!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday", usageNotes: "Ours; free to reuse." });
    expect((await storyRow(ids.story!)).version).toBe(before.version);
    // So is the description: it saves with its line breaks and reads back, and a save that
    // leaves it out (the story editor's photo form) keeps it.
    await updateMedia(v.sahar!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday", description: "Taken from the east bank.\nThe old bridge is behind it." });
    expect((await getMediaItem(v.sahar!, ids.photo!)).description).toBe("Taken from the east bank.\nThe old bridge is behind it.");
    await updateMedia(v.sahar!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday" });
    expect(await getMediaItem(v.sahar!, ids.photo!)).toMatchObject({ description: "Taken from the east bank.\nThe old bridge is behind it.", usageNotes: "Ours; free to reuse." });
    expect((await storyRow(ids.story!)).version).toBe(before.version);
  });

  it("an editor's change leaves a new version, a revision naming the photo and an audit entry on each story, and no new public date", async () => {
    const before = await storyRow(ids.story!);
    const { affectsReaders, revised } = await updateMedia(v.mina!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday after repairs", usageNotes: "Ours; free to reuse." });
    expect(affectsReaders).toBe(true);
    expect(revised).toEqual([{ storyId: ids.story, version: before.version + 1 }]);
    const after = await storyRow(ids.story!);
    expect(after.version).toBe(before.version + 1);
    expect(after.bodyHtml).toContain("Reopened on Monday after repairs");
    expect(after.lastUpdatedAt).toEqual(before.lastUpdatedAt);
    const history = await listRevisions(v.mina!, ids.story!);
    expect(history[0]).toMatchObject({ version: after.version, kind: "minor_edit", note: "Photo “bridge.jpg”: caption changed in the media library." });
    const log = await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.story!), eq(auditLog.action, "story.photo_details")));
    expect(log).toHaveLength(1);
    expect(log[0]!.details).toMatchObject({ version: after.version, photo: "bridge.jpg", changes: { caption: { from: "Reopened on Monday", to: "Reopened on Monday after repairs" } } });
    // Saving the same details again changes nothing and writes nothing.
    expect((await updateMedia(v.mina!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday after repairs", usageNotes: "Ours; free to reuse." })).revised).toEqual([]);
    expect((await storyRow(ids.story!)).version).toBe(after.version);
  });

  it.runIf(engine === "postgres")("a draft saved while a photo's caption changes keeps the new caption (the save reads the photo's details after taking the story's lock)", async () => {
    const sql = handle().client as import("postgres").Sql;
    const body = { type: "doc", content: [...bodyFromParagraphs(["A draft with the bridge photo."]).content!, { type: STORY_PHOTO, attrs: { mediaId: ids.photo } }] };
    const draft = await saveStory(v.mina!, { title: "Bridge draft", body: JSON.stringify(body) });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => (taken = r));
    // Something holds the draft's row: the photo edit queues first, then the save.
    const holder = sql.begin(async (tx) => {
      await tx`select id from stories where id = ${draft.id} for update`;
      taken();
      await held;
    });
    await Promise.race([lockTaken, holder]);
    const photoEdit = updateMedia(v.mina!, ids.photo!, { altText: "The footbridge at dawn", caption: "Caption from the library", usageNotes: "Ours; free to reuse." });
    await new Promise((r) => setTimeout(r, 200));
    // Prepared now (old caption), then waits for the row.
    const save = saveStory(v.mina!, { id: draft.id, version: draft.version, title: "Bridge draft, edited", body: JSON.stringify(body) });
    await new Promise((r) => setTimeout(r, 200));
    release();
    await holder;
    await photoEdit;
    await save;
    const after = await storyRow(draft.id);
    expect(after.title).toBe("Bridge draft, edited");
    expect(after.bodyHtml).toContain("Caption from the library");
  });

  it.runIf(engine === "postgres")("a photo-details change never overwrites a story save committed while it ran, and the save's version check sees the change", async () => {
    const sql = handle().client as import("postgres").Sql;
    const start = await storyRow(ids.story!);
    const savedBody = { ...(start.body as { type: string; content: unknown[] }) };
    savedBody.content = [...savedBody.content, ...bodyFromParagraphs(["A paragraph the desk saved at the same moment."]).content!];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => (taken = r));
    // A story save in flight on its own connection: the row is written, not yet committed.
    const saving = sql.begin(async (tx) => {
      await tx`update stories set body = ${JSON.stringify(savedBody)}::jsonb, body_text = 'A paragraph the desk saved at the same moment.', version = version + 1 where id = ${ids.story!}`;
      taken();
      await held;
    });
    await Promise.race([lockTaken, saving]);
    const photoEdit = updateMedia(v.mina!, ids.photo!, { altText: "The footbridge at dawn", caption: "Reopened on Monday, one lane", usageNotes: "Ours; free to reuse." });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await saving;
    await photoEdit;
    const after = await storyRow(ids.story!);
    expect(JSON.stringify(after.body)).toContain("A paragraph the desk saved at the same moment.");
    expect(after.bodyHtml).toContain("Reopened on Monday, one lane");
    expect(after.version).toBe(start.version + 2);
    // A save based on the version before the photo change is stopped, not applied over it.
    expect(await refusalText(saveStory(v.mina!, { id: ids.story!, version: start.version + 1, title: "Footbridge reopens", body: JSON.stringify(savedBody), intent: "minor" }))).toMatch(/^conflict/);
  });
});
