import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { storyBylines } from "@/db/schema";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { getBylineBySlug, getBylineRedirect, getPublicStory } from "@/lib/stories/queries";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { createByline, listBylines, mergeBylines, setBylineRetired, updateByline } from "./admin";

async function err(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
}

describe.each(engines())("byline administration on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let laila: Viewer;
  let mina: Viewer;
  let sahar: Viewer;
  const ids: Record<string, string> = {};

  it("admins create bylines; editors and writers cannot", async () => {
    const mk = async (name: string, role: "admin" | "editor" | "writer") =>
      (await loadViewer(await createUser({ email: `${name}@example.org`, name, role, password: "correct horse battery" })))!;
    laila = await mk("laila", "admin");
    mina = await mk("mina", "editor");
    sahar = await mk("sahar", "writer");
    expect((await err(createByline(mina, { name: "Wire Service" })))?.code).toBe("forbidden");
    expect((await err(createByline(sahar, { name: "Wire Service" })))?.code).toBe("forbidden");
    ids.wire = await createByline(laila, { name: "Wire Service", bio: "Agency copy." });
    ids.free = await createByline(laila, { name: "Freelance Herat", slug: "freelance-herat", userId: "" });
    const dup = await err(createByline(laila, { name: "Wire Service" }));
    expect(dup?.code).toBe("conflict");
    expect(dup?.fields?.slug).toBe("This slug is taken.");
    expect((await err(createByline(laila, { name: " " })))?.fields?.name).toBe("A byline needs a display name.");
    expect((await err(createByline(laila, { name: "X", photoUrl: "javascript:alert(1)" })))?.fields?.photoUrl).toBeTruthy();
    expect((await err(createByline(laila, { name: "X", photoUrl: "portrait.jpg" })))?.fields?.photoUrl).toBe("Use a full web address (https://…) or a path on this site starting with /.");
    expect((await listBylines(mina)).map((b) => b.name)).toEqual(["Freelance Herat", "Wire Service"]);
    expect((await err(listBylines(sahar)))?.code).toBe("forbidden");
  });

  it("an editor credits a story to a guest byline; a renamed slug redirects", async () => {
    const s = await saveStory(mina, { title: "Agency report", body: JSON.stringify(bodyFromParagraphs(["x"])), bylineIds: [ids.wire!], intent: "publish" });
    const pub = await getPublicStory(s.slug, new Date(Date.now() + 1000));
    if (pub.kind !== "story") throw new Error("expected public");
    expect(pub.story.bylines.map((b) => b.name)).toEqual(["Wire Service"]);
    await updateByline(laila, ids.wire!, { name: "Wire Service", slug: "wire" });
    const later = new Date(Date.now() + 1000);
    expect(await getBylineBySlug("wire-service", later)).toBeNull();
    expect(await getBylineRedirect("wire-service", later)).toBe("wire");
    ids.story = s.id;
  });

  it("one user has at most one byline", async () => {
    await updateByline(laila, ids.free!, { name: "Freelance Herat", slug: "freelance-herat", userId: mina.id });
    expect((await err(updateByline(laila, ids.wire!, { name: "Wire Service", slug: "wire", userId: mina.id })))?.fields?.userId).toBe("Already linked.");
  });

  it("merging moves stories to the survivor and redirects the old page", async () => {
    const d = await getDeskStory(mina, ids.story!);
    await saveStory(mina, { id: d.id, version: d.version, title: d.title, body: JSON.stringify(d.body), bylineIds: [ids.wire!, ids.free!], intent: "minor" });
    const merged = await mergeBylines(laila, ids.free!, ids.wire!);
    expect(merged).toEqual({ fromSlug: "freelance-herat", intoSlug: "wire" });
    const rows = await handle().db.select().from(storyBylines).where(eq(storyBylines.storyId, ids.story!));
    expect(rows.map((r) => r.bylineId)).toEqual([ids.wire!]);
    const later = new Date(Date.now() + 1000);
    expect(await getBylineRedirect("freelance-herat", later)).toBe("wire");
    expect(await getBylineRedirect("wire-service", later)).toBe("wire");
    expect((await err(mergeBylines(laila, ids.wire!, ids.wire!)))?.code).toBe("bad_request");
  });

  it("a retired byline stays on its stories", async () => {
    await setBylineRetired(laila, ids.wire!, true);
    expect((await listBylines(mina)).find((b) => b.id === ids.wire)?.retired).toBe(true);
    const d = await getDeskStory(mina, ids.story!);
    expect(d.bylineIds).toEqual([ids.wire!]);
    expect((await err(setBylineRetired(mina, ids.wire!, false)))?.code).toBe("forbidden");
  });
});
