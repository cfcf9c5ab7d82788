/**
 * The media library with stories, on a real migrated database (PGlite always; PostgreSQL
 * when TEST_DATABASE_URL is set) and files on disk: upload and de-duplication, search,
 * permissions, the alt-text rule for publishing, edits reaching story bodies, and deletion
 * only when unused.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { stories } from "@/db/schema";
import { saveStory } from "@/lib/stories/desk";
import { getPublicStory } from "@/lib/stories/queries";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { deleteMedia, listMedia, listMediaUses, updateMedia, uploadMedia } from "./library";
import { DiskStorage } from "./storage";
import { setMediaStorage } from "./store";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "media-lib-"));
setMediaStorage(new DiskStorage(root));
afterAll(() => {
  setMediaStorage(undefined);
  fs.rmSync(root, { recursive: true, force: true });
});

const photo = (colour: string) => sharp({ create: { width: 1600, height: 900, channels: 3, background: colour } }).jpeg().toBuffer();

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return `${(e as AppError).code}: ${(e as AppError).message}`;
}

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
    expect(await code(updateMedia(v.jawid!, ids.market!, { altText: "x" }))).toMatch(/^forbidden/);
    await updateMedia(v.sahar!, ids.market!, { altText: "Stalls at Mandawi market", caption: "Morning trade", creditName: "Sahar Ahmadi", creditOrg: "The Kabul Lantern" });
    expect(await code(updateMedia(v.mina!, ids.river!, { creditUrl: "javascript:alert(1)" }))).toMatch(/^bad_request: Use a full web address \(https:\/\/…\) or a path on this site/);
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
    const message = await code(publish());
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
      expect(await code(saveStory(v.mina!, { title: "Sneaky photo", body: JSON.stringify(body), intent: "publish" }))).toBe(
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
    expect(await code(updateMedia(v.mina!, ids.river!, { altText: "" }))).toMatch(/needs alt text/);
  });

  it("deletes a photo only when no story uses it", async () => {
    expect((await listMediaUses(v.mina!, ids.market!)).uses.map((u) => u.role)).toEqual(["featured"]);
    // A writer sees no headline or status of a story she cannot open: only how many there are.
    expect(await listMediaUses(v.sahar!, ids.market!)).toEqual({ uses: [], others: 1 });
    expect(await code(deleteMedia(v.sahar!, ids.market!))).toBe("conflict: This photo is used in 1 story. Remove it from those stories first.");
    expect(await code(deleteMedia(v.mina!, ids.market!))).toMatch(/^conflict: This photo is used in “River rises”/);
    const extra = await uploadMedia(v.sahar!, { data: await photo("#3a3"), name: "spare.jpg" });
    const file = path.join(root, extra.item.url.replace("/media/", ""));
    expect(await code(deleteMedia(v.jawid!, extra.item.id))).toMatch(/^forbidden/);
    await deleteMedia(v.sahar!, extra.item.id);
    expect(fs.existsSync(file)).toBe(false);
    expect((await listMedia(v.mina!, { q: "spare" })).total).toBe(0);
  });
});
