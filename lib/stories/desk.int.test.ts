/**
 * Desk mutations with real permission checks, on PGlite and PostgreSQL. Every denial leaves
 * the row exactly as it was, and the audit log names the actor. Ownership and field rules are
 * enforced here, not only in the UI (Ghost's API let an author change a post's author while its
 * UI hid the field: https://github.com/TryGhost/Ghost/pull/9067).
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { storyBylines, stories, auditLog, tags } from "@/db/schema";
import { upsertByline } from "@/lib/stories/store";
import { updateTag } from "@/lib/tags/admin";
import type { Viewer } from "@/lib/auth/load-viewer";
import { loadViewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getDeskStory, listDeskStories, saveStory } from "./desk";
import { trashStory } from "./trash";
import { getPublicStory } from "./queries";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));

async function expectError(p: Promise<unknown>, code: AppError["code"]) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError(${code})`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
}

/**
 * Sahar and Jawid (writers) and Mina (editor), each with a byline; a draft by each writer
 * (Sahar's tagged Health and Bamyan). Fills `v` (viewers by name) and `ids` (story ids).
 */
async function setUpNewsroom(v: Record<string, Viewer>, ids: Record<string, string>) {
  for (const [key, role] of [
    ["sahar", "writer"],
    ["jawid", "writer"],
    ["mina", "editor"],
  ] as const) {
    await upsertByline({ slug: `${key}-byline`, name: key });
    const id = await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery", bylineSlug: `${key}-byline` });
    v[key] = (await loadViewer(id))!;
    expect(v[key]!.bylineIds).toHaveLength(1);
  }
  const jd = await saveStory(v.jawid!, { title: "Teachers’ salaries delayed", body: body("Jawid’s draft.") });
  const sd = await saveStory(v.sahar!, { title: "New clinic opens in Bamyan", body: body("Sahar’s draft."), tags: ["Health", "Bamyan"] });
  ids.jawid = jd.id;
  ids.sahar = sd.id;
  expect(sd.status).toBe("draft");
  expect(sd.slug).toBe("new-clinic-opens-in-bamyan");
  const s = await getDeskStory(v.sahar!, sd.id);
  expect(s.tags).toEqual(["Health", "Bamyan"]);
  expect(s.bylineIds).toEqual(v.sahar!.bylineIds); // writers default to their own byline
}

/** Reads a story's stored row straight from the database (what a denial must leave alone). */
const storyRow = (handle: () => DatabaseHandle) => async (id: string) => {
  const [r] = await handle().db.select().from(stories).where(eq(stories.id, id));
  return r;
};

describe.each(engines())("desk mutations on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};

  const row = storyRow(handle);

  it("sets up Sahar and Jawid (writers), Mina (editor) and their bylines", () => setUpNewsroom(v, ids));

  it("a writer cannot touch another writer's story, byline or the publish button", async () => {
    const before = await row(ids.jawid!);
    const jawidVersion = before!.version;
    // 1. Update Jawid's draft body.
    await expectError(saveStory(v.sahar!, { id: ids.jawid, version: jawidVersion, title: "x", body: body("hijacked") }), "not_found");
    // 5. Delete Jawid's draft.
    await expectError(trashStory(v.sahar!, ids.jawid!), "not_found");
    expect(await row(ids.jawid!)).toEqual(before);
    // 2. Create a story under Jawid's byline.
    await expectError(saveStory(v.sahar!, { title: "Under Jawid's name", body: body("x"), bylineIds: v.jawid!.bylineIds }), "forbidden");
    // 3. Put Jawid on her own draft, alone or as co-author.
    const mine = await row(ids.sahar!);
    for (const bylineIds of [v.jawid!.bylineIds, [...v.sahar!.bylineIds, ...v.jawid!.bylineIds]]) {
      await expectError(saveStory(v.sahar!, { id: ids.sahar, version: mine!.version, title: mine!.title, body: body("x"), bylineIds }), "forbidden");
    }
    // 4. Publish her own draft, or flag it breaking.
    await expectError(saveStory(v.sahar!, { id: ids.sahar, version: mine!.version, title: mine!.title, body: body("x"), intent: "publish" }), "forbidden");
    await expectError(saveStory(v.sahar!, { id: ids.sahar, version: mine!.version, title: mine!.title, body: body("x"), isBreaking: true }), "forbidden");
    expect(await row(ids.sahar!)).toEqual(mine);
    const bylines = await handle().db.select().from(storyBylines).where(eq(storyBylines.storyId, ids.sahar!));
    expect(bylines.map((b) => b.bylineId)).toEqual(v.sahar!.bylineIds);
    // Nothing was created for the refused story.
    expect(await handle().db.select().from(stories).where(eq(stories.title, "Under Jawid's name"))).toEqual([]);
  });

  it("lists never show a writer another writer's drafts", async () => {
    const list = await listDeskStories(v.sahar!, {});
    expect(list.items.map((i) => i.title)).toEqual(["New clinic opens in Bamyan"]);
    const search = await listDeskStories(v.sahar!, { q: "salaries" });
    expect(search.total).toBe(0);
    await expectError(getDeskStory(v.sahar!, ids.jawid!), "not_found");
    const all = await listDeskStories(v.mina!, {});
    expect(all.total).toBe(2);
  });

  it("a writer submits for review; the editor returns it, then publishes it; the public site shows it", async () => {
    let s = await getDeskStory(v.sahar!, ids.sahar!);
    const submitted = await saveStory(v.sahar!, { id: s.id, version: s.version, title: s.title, body: body("Ready."), tags: s.tags, bylineIds: s.bylineIds, intent: "submit" });
    expect(submitted.status).toBe("in_review");
    s = await getDeskStory(v.mina!, ids.sahar!);
    const returned = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("Ready."), tags: s.tags, bylineIds: s.bylineIds, intent: "return", reviewNote: "Add the opening hours." });
    expect(returned.status).toBe("draft");
    s = await getDeskStory(v.mina!, ids.sahar!);
    const now = new Date();
    const published = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("Published text."), tags: s.tags, bylineIds: s.bylineIds, intent: "publish" }, now);
    expect(published.status).toBe("published");
    expect(published.affectsReaders).toBe(true);
    const r = await row(ids.sahar!);
    expect(r!.publishedAt!.getTime()).toBe(now.getTime());
    expect(r!.lastUpdatedAt!.getTime()).toBe(now.getTime());
    const pub = await getPublicStory(published.slug, new Date(now.getTime() + 1));
    expect(pub.kind).toBe("story");
    // Now published, the writer can no longer edit it.
    s = await getDeskStory(v.sahar!, ids.sahar!);
    expect(s.canEdit).toBe(false);
    await expectError(saveStory(v.sahar!, { id: s.id, version: s.version, title: "Changed", body: body("x") }), "forbidden");
    const logged = await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.sahar!), eq(auditLog.action, "story.publish")));
    expect(logged.map((l) => l.actorId)).toEqual([v.mina!.id]);
  });

  it("the editor unpublishes: the story is gone from the public site", async () => {
    const s = await getDeskStory(v.mina!, ids.sahar!);
    const res = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("x"), tags: s.tags, bylineIds: s.bylineIds, intent: "unpublish" });
    expect(res.status).toBe("unpublished");
    expect((await getPublicStory(res.slug, new Date())).kind).toBe("missing");
  });

  it("a save from a stale version is a conflict and writes nothing", async () => {
    const s = await getDeskStory(v.mina!, ids.jawid!);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: "Flood warning for Nangarhar and Kunar", body: body("x") });
    const after = await row(ids.jawid!);
    await expectError(saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, dek: "Farid's dek", body: body("y") }), "conflict");
    expect(await row(ids.jawid!)).toEqual(after);
  });

  it("an editor edits and trashes another's story; the audit log records the editor", async () => {
    const s = await getDeskStory(v.mina!, ids.jawid!);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: body("Edited by Mina."), bylineIds: s.bylineIds });
    await trashStory(v.mina!, ids.jawid!);
    expect((await row(ids.jawid!))?.trashedAt).toBeInstanceOf(Date);
    const logged = await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.jawid!), eq(auditLog.action, "story.trash")));
    expect(logged.map((l) => l.actorId)).toEqual([v.mina!.id]);
  });
});

describe.each(engines())("desk saves: bodies, slugs, footprints and tags on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};

  const row = storyRow(handle);

  it("sets up Sahar and Jawid (writers), Mina (editor) and their bylines", () => setUpNewsroom(v, ids));

  it("refuses malformed and oversized bodies, unsafe links and bad fields with clear errors", async () => {
    await expectError(saveStory(v.sahar!, { title: "x", body: "{not json" }), "bad_request");
    await expectError(saveStory(v.sahar!, { title: "x", body: JSON.stringify({ type: "doc", content: [{ type: "script" }] }) }), "bad_request");
    await expectError(saveStory(v.sahar!, { title: "x", body: "x".repeat(2 * 1024 * 1024 + 1) }), "too_large");
    await expectError(saveStory(v.sahar!, { title: "   ", body: body("x") }), "bad_request");
    await expectError(saveStory(v.sahar!, { title: "x", body: body("x"), language: "xx" }), "bad_request");
    await expectError(saveStory(v.sahar!, { id: "not-a-uuid", title: "x", body: body("x") }), "bad_request");
    const evil = JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Read the full report", marks: [{ type: "link", attrs: { href: " JaVaScRiPt:alert(1)" } }] }] }],
    });
    const saved = await saveStory(v.sahar!, { title: "Links", body: evil });
    const stored = await row(saved.id);
    expect(JSON.stringify(stored!.body)).not.toMatch(/javascript/i);
    expect(stored!.bodyHtml).toBe('<p dir="auto">Read the full report</p>');
  });

  it("non-Latin headlines get safe, unique slugs", async () => {
    const a = await saveStory(v.sahar!, { title: "آب‌رسانی در شهر هرات", body: body("x"), language: "fa" });
    const b = await saveStory(v.sahar!, { title: "آب‌رسانی در شهر هرات", body: body("x"), language: "fa" });
    expect(a.slug).toMatch(/^[a-z0-9-]+$/);
    expect(b.slug).toBe(`${a.slug}-2`);
    const e = await saveStory(v.sahar!, { title: "🌧️🌧️", body: body("x") });
    expect(e.slug).toMatch(/^story-[a-z0-9]+$/);
    const stored = await row(a.id);
    expect(stored!.direction).toBe("rtl");
  });

  it("a changed slug on a published story leaves a redirect from the old one", async () => {
    const created = await saveStory(v.mina!, { title: "Bus routes approved", body: body("x"), intent: "publish" });
    const s = await getDeskStory(v.mina!, created.id);
    const moved = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, slug: "kabul-bus-routes-approved", body: body("x") });
    expect(moved.publicSlugs.sort()).toEqual(["bus-routes-approved", "kabul-bus-routes-approved"]);
    const later = new Date(Date.now() + 1000);
    expect(await getPublicStory("bus-routes-approved", later)).toEqual({ kind: "redirect", slug: "kabul-bus-routes-approved" });
    const [clash] = await Promise.all([saveStory(v.sahar!, { title: "Other", body: body("x") })]);
    const o = await getDeskStory(v.sahar!, clash.id);
    await expectError(saveStory(v.sahar!, { id: o.id, version: o.version, title: o.title, slug: "bus-routes-approved", body: body("x") }), "conflict");
  });

  it("a save reports where readers saw and see the story: every slug, tags and bylines before and after", async () => {
    const created = await saveStory(v.mina!, { title: "Ferry fares rise", body: body("x"), tags: ["Transport", "Harbour"], intent: "publish" });
    const tagId = async (name: string) => (await handle().db.select().from(tags).where(eq(tags.name, name)))[0]!.id;
    expect(created.footprint.slugs).toEqual(["ferry-fares-rise"]);
    expect(created.footprint.tagSlugs.sort()).toEqual(["harbour", "transport"]);
    let s = await getDeskStory(v.mina!, created.id);
    // A new slug and a tag swapped for another: the old slug and the dropped tag are in it too.
    const moved = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, slug: "kabul-ferry-fares-rise", body: body("x"), tags: ["Transport", "Economy"], bylineIds: s.bylineIds });
    expect(moved.footprint.slugs.sort()).toEqual(["ferry-fares-rise", "kabul-ferry-fares-rise"]);
    expect(moved.footprint.tagIds.sort()).toEqual([await tagId("Transport"), await tagId("Harbour"), await tagId("Economy")].sort());
    expect(moved.footprint.tagSlugs.sort()).toEqual(["economy", "harbour", "transport"]);
    expect(moved.footprint.bylineIds).toEqual(s.bylineIds);
    // A tag's old slug (after a rename) is part of it too: its redirect is cached by address.
    await updateTag(v.mina!, await tagId("Economy"), { name: "Economy", slug: "economy-and-trade" });
    s = await getDeskStory(v.mina!, created.id);
    const renamed = await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, slug: s.slug, body: body("y"), tags: s.tags, bylineIds: s.bylineIds });
    expect(renamed.footprint.tagSlugs.sort()).toEqual(["economy", "economy-and-trade", "transport"]);
    // A draft readers never saw has nothing to expire; a deletion reports where it was.
    const draft = await saveStory(v.mina!, { title: "Unseen", body: body("x"), tags: ["Transport"] });
    expect(draft.footprint).toEqual({ slugs: [], tagIds: [], tagSlugs: [], bylineIds: [], bylineSlugs: [] });
    s = await getDeskStory(v.mina!, created.id);
    const deleted = await trashStory(v.mina!, created.id);
    expect(deleted.footprint.slugs.sort()).toEqual(["ferry-fares-rise", "kabul-ferry-fares-rise"]);
    expect(deleted.footprint.tagSlugs.sort()).toEqual(["economy", "economy-and-trade", "transport"]);
  });

  it("writers may create new tags; tag names match case-insensitively", async () => {
    const s = await saveStory(v.sahar!, { title: "Tagged", body: body("x"), tags: ["health", "Brand New Tag"] });
    const story = await getDeskStory(v.sahar!, s.id);
    expect(story.tags).toEqual(["Health", "Brand New Tag"]);
    const all = await handle().db.select().from(tags);
    expect(all.filter((t) => t.name.toLowerCase() === "health")).toHaveLength(1);
  });
});
