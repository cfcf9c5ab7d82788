/**
 * The story trash against a real database: a trashed story leaves the site (410 while it had
 * been published) and the desk's lists, stays restorable for 30 days, and is purged after;
 * an unpublish can be undone with the original dates.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, stories } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { upsertByline } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getDeskStory, listDeskStories, saveStory } from "./desk";
import { getPublicStory } from "./queries";
import { listTrash, purgeStory, purgeTrash, restoreFromTrash, trashStory } from "./trash";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));
const DAY = 24 * 60 * 60 * 1000;

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  return p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : `not an AppError: ${String(e)}`),
  );
}

describe.each(engines())("the story trash on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};

  it("sets up Mina (editor) and Sahar and Jawid (writers)", async () => {
    for (const [key, role] of [
      ["mina", "editor"],
      ["sahar", "writer"],
      ["jawid", "writer"],
    ] as const) {
      await upsertByline({ slug: `${key}-byline`, name: key });
      const id = await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery", bylineSlug: `${key}-byline` });
      v[key] = (await loadViewer(id))!;
    }
  });

  it("a trashed live story answers 410 under every slug it had, leaves the desk list, and cannot be edited until restored", async () => {
    const first = await saveStory(v.mina!, { title: "Footbridge reopens in Herat", body: body("The footbridge reopened."), intent: "publish" });
    let s = await getDeskStory(v.mina!, first.id);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, slug: "herat-footbridge-reopens", body: body("The footbridge reopened."), intent: "minor" });
    s = await getDeskStory(v.mina!, first.id);
    const change = await trashStory(v.mina!, s.id);
    expect(change.affectsReaders).toBe(true);
    expect(change.footprint.slugs.sort()).toEqual(["footbridge-reopens-in-herat", "herat-footbridge-reopens"]);

    const now = new Date();
    expect((await getPublicStory("herat-footbridge-reopens", now)).kind).toBe("gone");
    expect((await getPublicStory("footbridge-reopens-in-herat", now)).kind).toBe("gone");
    expect((await listDeskStories(v.mina!, {})).items.map((i) => i.id)).not.toContain(s.id);
    const trash = await listTrash(v.mina!);
    expect(trash.map((t) => [t.title, t.wasPublished, t.trashedByName])).toEqual([["Footbridge reopens in Herat", true, "mina"]]);
    expect(trash[0]!.purgeAt.getTime() - trash[0]!.trashedAt.getTime()).toBe(30 * DAY);

    const trashed = await getDeskStory(v.mina!, s.id);
    expect([trashed.canEdit, trashed.canDelete, trashed.canRestore]).toEqual([false, false, true]);
    expect(await codeOf(saveStory(v.mina!, { id: s.id, version: trashed.version, title: "Edited in the trash", body: body("x") }))).toBe("bad_request");
    expect(await codeOf(trashStory(v.mina!, s.id))).toBe("bad_request");

    const back = await restoreFromTrash(v.mina!, s.id);
    expect(back.affectsReaders).toBe(true);
    const restored = await getDeskStory(v.mina!, s.id);
    // Back unpublished with its dates: nothing goes public by itself.
    expect([restored.status, restored.publishedAt, restored.canEdit]).toEqual(["unpublished", s.publishedAt, true]);
    expect((await getPublicStory("herat-footbridge-reopens", new Date())).kind).toBe("missing");
    expect((await listDeskStories(v.mina!, {})).items.map((i) => i.id)).toContain(s.id);
    const actions = (await handle().db.select().from(auditLog).where(eq(auditLog.entityId, s.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["story.trash", "story.restore_from_trash"]));
  });

  it("a trashed scheduled story loses its schedule, so a restore never publishes it", async () => {
    const at = new Date(Date.now() + 3 * DAY);
    const wall = at.toISOString().slice(0, 19); // the site's zone is UTC in a fresh database
    const scheduled = await saveStory(v.mina!, { title: "Budget vote on Thursday", body: body("x"), intent: "schedule", scheduledAt: wall });
    expect(scheduled.status).toBe("scheduled");
    await trashStory(v.mina!, scheduled.id);
    await restoreFromTrash(v.mina!, scheduled.id);
    const s = await getDeskStory(v.mina!, scheduled.id);
    expect([s.status, s.publishedAt, s.lastUpdatedAt]).toEqual(["draft", null, null]);
    expect((await getPublicStory(s.slug, new Date(at.getTime() + 1000))).kind).toBe("missing");
  });

  it("a draft readers never saw is not 'gone': its address stays a plain 404", async () => {
    const d = await saveStory(v.sahar!, { title: "Notes on the water board", body: body("x") });
    const change = await trashStory(v.sahar!, d.id);
    expect(change.affectsReaders).toBe(false);
    expect((await getPublicStory(d.slug, new Date())).kind).toBe("missing");
  });

  it("writers trash and restore their own drafts only; only editors delete for good", async () => {
    const jawids = await saveStory(v.jawid!, { title: "Jawid's draft on wheat prices", body: body("x") });
    expect(await codeOf(trashStory(v.sahar!, jawids.id))).toBe("not_found");
    await trashStory(v.jawid!, jawids.id);
    expect((await listTrash(v.sahar!)).map((t) => t.id)).not.toContain(jawids.id);
    expect((await listTrash(v.jawid!)).map((t) => [t.id, t.canRestore])).toEqual([[jawids.id, true]]);
    expect(await codeOf(purgeStory(v.jawid!, jawids.id))).toBe("forbidden");
    await restoreFromTrash(v.jawid!, jawids.id);
    expect(await codeOf(restoreFromTrash(v.jawid!, jawids.id))).toBe("bad_request");
    await trashStory(v.mina!, jawids.id);
    await purgeStory(v.mina!, jawids.id);
    expect(await handle().db.select().from(stories).where(eq(stories.id, jawids.id))).toEqual([]);
  });

  it("purges what has been in the trash 30 days, and nothing younger", async () => {
    const old = await saveStory(v.mina!, { title: "Old wire copy", body: body("x"), intent: "publish" });
    const young = await saveStory(v.mina!, { title: "Yesterday's brief", body: body("x") });
    const t0 = new Date();
    await trashStory(v.mina!, old.id, t0);
    await trashStory(v.mina!, young.id, new Date(t0.getTime() + DAY));
    const exists = async (id: string) => (await handle().db.select({ id: stories.id }).from(stories).where(eq(stories.id, id))).length === 1;
    await purgeTrash(new Date(t0.getTime() + 30 * DAY - 1));
    expect(await exists(old.id)).toBe(true);
    expect(await purgeTrash(new Date(t0.getTime() + 30 * DAY))).toBeGreaterThanOrEqual(1);
    expect(await exists(old.id)).toBe(false);
    expect(await exists(young.id)).toBe(true);
    // Purged: the address is a plain 404 again.
    expect((await getPublicStory(old.slug, new Date())).kind).toBe("missing");
  });

  it("an unpublish is undone with the story's original dates (republish)", async () => {
    const p = await saveStory(v.mina!, { title: "Clinic hours extended", body: body("x"), intent: "publish" });
    let s = await getDeskStory(v.mina!, p.id);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("x"), intent: "unpublish" });
    s = await getDeskStory(v.mina!, p.id);
    const undone = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("x"), intent: "republish" }, new Date(Date.now() + DAY));
    expect([undone.status, undone.publishedAt, undone.lastUpdatedAt]).toEqual(["published", p.publishedAt, p.lastUpdatedAt]);
    s = await getDeskStory(v.mina!, p.id);
    expect(await codeOf(saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("x"), intent: "republish" }))).toBe("bad_request");
    expect(await codeOf(saveStory(v.sahar!, { id: s.id, version: s.version, title: s.title, body: body("x"), intent: "republish" }))).toBe("forbidden");
  });
});
