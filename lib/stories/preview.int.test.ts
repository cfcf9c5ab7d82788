/**
 * Previews and shareable preview links on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL): who may preview, what a link opens and for how long, and that a link
 * that stopped working tells nothing about its story.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, stories, storyRevisions } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusalText } from "@/test/refusal";
import { saveStory } from "./desk";
import { createPreviewLink, listPreviewLinks, openPreviewLink, previewForViewer, previewOfUnsaved, revokePreviewLink } from "./preview";
import { getPublicStory } from "./queries";
import { trashStory } from "./trash";


describe.each(engines())("previews on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};
  const body = JSON.stringify(bodyFromParagraphs(["Partners may read this before it runs."]));

  it("sets up a writer's draft", async () => {
    for (const [key, role] of [["mina", "editor"], ["sahar", "writer"], ["jawid", "writer"]] as const) {
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery" })))!;
    }
    ids.draft = (await saveStory(v.sahar!, { title: "Dam inquiry findings", body })).id;
  });

  it("shows the saved draft to its writer and to editors, as readers would see it, and to no other writer", async () => {
    const now = new Date();
    const own = await previewForViewer(v.sahar!, ids.draft!, now);
    expect(own).toMatchObject({ status: "draft", publishedAt: null, story: { title: "Dam inquiry findings", slug: "dam-inquiry-findings" } });
    expect(own.story.bodyHtml).toContain("Partners may read this before it runs.");
    expect((await previewForViewer(v.mina!, ids.draft!, now)).story.title).toBe("Dam inquiry findings");
    expect(await refusalText(previewForViewer(v.jawid!, ids.draft!, now))).toBe("not_found: No such story.");
    expect(await refusalText(previewForViewer(v.mina!, "not-an-id", now))).toBe("not_found: No such story.");
    // Readers still get nothing.
    expect((await getPublicStory("dam-inquiry-findings", now)).kind).toBe("missing");
  });

  it("the live preview shows unsaved fields as readers would see them, and writes nothing", async () => {
    const [before] = await handle().db.select({ version: stories.version }).from(stories).where(eq(stories.id, ids.draft!));
    const revisionsBefore = (await handle().db.select().from(storyRevisions).where(eq(storyRevisions.storyId, ids.draft!))).length;
    const unsaved = { id: ids.draft, title: "Dam inquiry: the findings in full", body: JSON.stringify(bodyFromParagraphs(["Typed, not saved."])), tags: ["Water", "A tag nobody made yet"], language: "fa" };
    const preview = await previewOfUnsaved(v.sahar!, unsaved);
    expect(preview.story).toMatchObject({ title: "Dam inquiry: the findings in full", language: "fa", direction: "rtl", slug: "dam-inquiry-findings" });
    expect(preview.story.bodyHtml).toContain("Typed, not saved.");
    expect(preview.story.tags.map((t) => t.name)).toEqual(["Water", "A tag nobody made yet"]);
    // A new story (no id) previews too; another writer's story does not.
    expect((await previewOfUnsaved(v.jawid!, { title: "Fresh", body: JSON.stringify(bodyFromParagraphs(["x"])) })).status).toBe("draft");
    expect(await refusalText(previewOfUnsaved(v.jawid!, unsaved))).toBe("not_found: No such story.");
    expect(await refusalText(previewOfUnsaved(v.sahar!, { ...unsaved, title: "" }))).toMatch(/^bad_request: A headline is required/);
    const [after] = await handle().db.select({ version: stories.version, title: stories.title }).from(stories).where(eq(stories.id, ids.draft!));
    expect(after).toEqual({ version: before!.version, title: "Dam inquiry findings" });
    expect((await handle().db.select().from(storyRevisions).where(eq(storyRevisions.storyId, ids.draft!))).length).toBe(revisionsBefore);
  });

  it("a preview link opens the story without signing in, counts its uses, and stops the moment it is revoked", async () => {
    const t0 = new Date();
    expect(await refusalText(createPreviewLink(v.jawid!, ids.draft!, {}, t0))).toBe("not_found: No such story.");
    expect(await refusalText(createPreviewLink(v.sahar!, ids.draft!, { days: "91" }, t0))).toMatch(/^bad_request: A link works for at most 90 days\./);
    const { path, link } = await createPreviewLink(v.sahar!, ids.draft!, { label: "for Pajhwok", days: "7" }, t0);
    expect(path).toMatch(/^\/preview\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ label: "for Pajhwok", useCount: 0, active: true, createdByName: "sahar" });
    expect(link.expiresAt.getTime() - t0.getTime()).toBe(7 * 24 * 3_600_000);
    const token = path.slice("/preview/".length);

    const opened = await openPreviewLink(token, new Date(t0.getTime() + 60_000));
    expect(opened?.story.title).toBe("Dam inquiry findings");
    await openPreviewLink(token, new Date(t0.getTime() + 120_000));
    const [listed] = await listPreviewLinks(v.mina!, ids.draft!, new Date(t0.getTime() + 180_000));
    expect(listed).toMatchObject({ useCount: 2, lastUsedAt: new Date(t0.getTime() + 120_000), active: true });

    // Any other secret for the same link, an unknown link, a malformed one: nothing.
    const [id, secret] = token.split(".");
    const flipped = `${id}.${secret!.slice(0, -1)}${secret!.endsWith("A") ? "B" : "A"}`;
    expect(await openPreviewLink(flipped, t0)).toBeNull();
    expect(await openPreviewLink(`00000000-0000-4000-8000-000000000000.${secret}`, t0)).toBeNull();
    expect(await openPreviewLink("../../etc/passwd", t0)).toBeNull();
    // Expiry: works until the last instant before it.
    expect(await openPreviewLink(token, new Date(link.expiresAt.getTime() - 1))).not.toBeNull();
    expect(await openPreviewLink(token, link.expiresAt)).toBeNull();

    expect(await refusalText(revokePreviewLink(v.jawid!, link.id, t0))).toBe("not_found: No such story.");
    await revokePreviewLink(v.mina!, link.id, new Date(t0.getTime() + 240_000));
    expect(await openPreviewLink(token, new Date(t0.getTime() + 300_000))).toBeNull();
    const [after] = await listPreviewLinks(v.sahar!, ids.draft!, new Date(t0.getTime() + 300_000));
    expect(after).toMatchObject({ active: false, revokedAt: new Date(t0.getTime() + 240_000) });

    const log = await handle().db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.draft!)));
    expect(log.filter((e) => e.action === "preview_link.create")[0]?.details).toMatchObject({ label: "for Pajhwok" });
    expect(log.filter((e) => e.action === "preview_link.revoke")[0]?.details).toMatchObject({ label: "for Pajhwok", uses: 3 });
  });

  it("a link to a story moved to the trash stops working, like any dead link", async () => {
    const { path } = await createPreviewLink(v.mina!, ids.draft!, {});
    const token = path.slice("/preview/".length);
    expect(await openPreviewLink(token)).not.toBeNull();
    await trashStory(v.mina!, ids.draft!);
    expect(await openPreviewLink(token)).toBeNull();
  });
});
