/**
 * Bulk actions against a real database: each story goes through the one-by-one rules, a
 * refusal is reported with its reason and stops nothing else.
 */
import { describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { bulkApply } from "./bulk";
import { getDeskStory, saveStory } from "./desk";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));

describe.each(engines())("bulk actions on %s", (engine) => {
  useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const ids: string[] = [];

  it("sets up Mina (editor), Sahar (writer) and three drafts", async () => {
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    for (const title of ["Bridge reopens", "Bus fares rise", "Clinic hours extended"]) ids.push((await saveStory(mina, { title, body: body("x") })).id);
  });

  it("publishes several stories at once, and reports the one that is refused with its reason", async () => {
    const first = await bulkApply(mina, { action: "publish", ids: ids.slice(0, 2) });
    expect(first.done.map((d) => d.title)).toEqual(["Bridge reopens", "Bus fares rise"]);
    expect(first.affectsReaders).toBe(true);
    const again = await bulkApply(mina, { action: "publish", ids });
    expect(again.done.map((d) => d.title)).toEqual(["Clinic hours extended"]);
    expect(again.failed).toEqual([
      { id: ids[0], title: "Bridge reopens", reason: "It is already live." },
      { id: ids[1], title: "Bus fares rise", reason: "It is already live." },
    ]);
  });

  it("adds a tag to live stories as a minor edit (no new public date), and moves stories to the trash", async () => {
    const before = await getDeskStory(mina, ids[0]!);
    const tagged = await bulkApply(mina, { action: "tag", ids: ids.slice(0, 2), tag: "Transport" }, new Date(Date.now() + 60_000));
    expect(tagged.done).toHaveLength(2);
    const after = await getDeskStory(mina, ids[0]!);
    expect(after.tags).toEqual(["Transport"]);
    expect(after.lastUpdatedAt).toEqual(before.lastUpdatedAt);
    const twice = await bulkApply(mina, { action: "tag", ids: [ids[0]], tag: "transport" });
    expect(twice.failed[0]?.reason).toBe("It already has this tag.");
    const trashed = await bulkApply(mina, { action: "trash", ids: [ids[2]] });
    expect(trashed.done.map((d) => d.title)).toEqual(["Clinic hours extended"]);
    expect((await getDeskStory(mina, ids[2]!)).trashedAt).toBeInstanceOf(Date);
  });

  it("unpublishes several at once; writers cannot use bulk actions; bad requests name the problem", async () => {
    const off = await bulkApply(mina, { action: "unpublish", ids: ids.slice(0, 2) });
    expect(off.done).toHaveLength(2);
    expect((await getDeskStory(mina, ids[0]!)).status).toBe("unpublished");
    const refusal = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e as AppError).message);
    expect(await refusal(bulkApply(sahar, { action: "publish", ids }))).toBe("Only editors can change several stories at once.");
    expect(await refusal(bulkApply(mina, { action: "tag", ids, tag: " " }))).toBe("Type the tag to add.");
    expect(await refusal(bulkApply(mina, { action: "publish", ids: [] }))).toMatch(/Select at least one story/);
  });
});
