import { describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getDeskStory, saveStory } from "./desk";
import { diffRevisions, getRestoreOffer, listRevisions, restoreRevision } from "./revisions";

const body = (t: string) => JSON.stringify(bodyFromParagraphs([t]));

describe.each(engines())("revisions on %s", (engine) => {
  useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  let id = "";

  it("stores a revision for every real save, with who and what kind", async () => {
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    const t = (m: number) => new Date(Date.UTC(2025, 2, 28, 10, m));
    const s = await saveStory(mina, { title: "Bus routes approved", body: body("The council approved three routes.") }, t(0));
    id = s.id;
    const f = async () => {
      const d = await getDeskStory(mina, id, t(9));
      return { id, version: d.version, title: d.title, dek: d.dek, slug: d.slug, body: JSON.stringify(d.body), bylineIds: d.bylineIds, tags: d.tags };
    };
    await saveStory(mina, { ...(await f()), intent: "publish" }, t(1));
    await saveStory(mina, { ...(await f()), title: "Kabul council approves new bus routes", body: body("The council approved four new routes on Monday."), intent: "update", note: "Adds the day.", tags: ["Transport"] }, t(2));
    await saveStory(mina, { ...(await f()), intent: "minor" }, t(3)); // no-op: no revision
    const revs = await listRevisions(mina, id);
    expect(revs.map((r) => [r.version, r.kind, r.authorName])).toEqual([
      [3, "update", "Mina"],
      [2, "publish", "Mina"],
      [1, "draft", "Mina"],
    ]);
    expect(revs[0]!.note).toBe("Adds the day.");
  });

  it("compares two revisions word by word", async () => {
    const revs = await listRevisions(mina, id);
    const d = await diffRevisions(mina, id, revs[2]!.id, revs[0]!.id);
    expect(d.title.filter((p) => p.added).map((p) => p.value.trim()).join(" ")).toContain("Kabul");
    expect(d.body.some((p) => p.removed && p.value.includes("three"))).toBe(true);
    expect(d.body.some((p) => p.added && p.value.includes("four"))).toBe(true);
    expect(d.wordsAdded).toBeGreaterThan(0);
    // Other fields are listed: the slug stayed, so nothing else changed between these two.
    expect(d.fields).toEqual([{ label: "Tags", from: "(none)", to: "Transport" }]);
    expect(d.wordsRemoved).toBeGreaterThan(0);
  });

  it("a live story's restore is never a silent republication: refused as one click, offered to the editor with the notes that stay", async () => {
    const before = await getDeskStory(mina, id);
    const revs = await listRevisions(mina, id);
    const oldest = revs[revs.length - 1]!;
    const refused = await restoreRevision(mina, id, oldest.id, before.version, new Date(Date.UTC(2025, 2, 28, 11))).then(
      () => "ok",
      (e: unknown) => (e as AppError).message,
    );
    expect(refused).toBe("This story is live: open the old version in the editor and save it as an update or a minor edit.");
    expect((await getDeskStory(mina, id)).version).toBe(before.version);

    const offer = await getRestoreOffer(mina, id, oldest.id);
    expect([offer.version, offer.title]).toEqual([1, "Bus routes approved"]);
    // The update note was written after version 1: the restored text may not contain its fix.
    expect(offer.notes.map((n) => [n.kind, n.note, n.afterRestored])).toEqual([["update", "Adds the day.", true]]);
    const writerOffer = await getRestoreOffer(sahar, id, oldest.id).then(
      () => "ok",
      (e: unknown) => (e as AppError).code,
    );
    expect(writerOffer).toBe("not_found");
  });

  it("restores an old revision of a story readers cannot see in one click, as a new revision", async () => {
    let d = await getDeskStory(mina, id);
    const f = { id, version: d.version, title: d.title, dek: d.dek, slug: d.slug, body: JSON.stringify(d.body), bylineIds: d.bylineIds, tags: d.tags };
    await saveStory(mina, { ...f, intent: "unpublish" }, new Date(Date.UTC(2025, 2, 28, 10, 30)));
    d = await getDeskStory(mina, id);
    const revs = await listRevisions(mina, id);
    const oldest = revs[revs.length - 1]!;
    const restored = await restoreRevision(mina, id, oldest.id, d.version, new Date(Date.UTC(2025, 2, 28, 11)));
    expect(restored.version).toBe(d.version + 1);
    const after = await listRevisions(mina, id);
    expect(after).toHaveLength(revs.length + 1);
    expect(after[0]!.kind).toBe("restore");
    const story = await getDeskStory(mina, id);
    expect([story.title, story.status, story.lastUpdatedAt]).toEqual(["Bus routes approved", "unpublished", d.lastUpdatedAt]);
  });

  it("refuses a stale restore and hides history from writers who cannot see the story", async () => {
    const revs = await listRevisions(mina, id);
    const stale = await restoreRevision(mina, id, revs[1]!.id, 1).then(
      () => "ok",
      (e: unknown) => (e as AppError).code,
    );
    expect(stale).toBe("conflict");
    const hidden = await listRevisions(sahar, id).then(
      () => "ok",
      (e: unknown) => (e as AppError).code,
    );
    expect(hidden).toBe("not_found");
  });
});
