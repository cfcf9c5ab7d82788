import { describe, expect, it } from "vitest";
import { saveStory } from "@/lib/stories/desk";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { setUserRole } from "@/lib/users/admin";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { createTag, updateTag } from "@/lib/tags/admin";
import { listAudit, listAuditActions } from "./queries";

describe.each(engines())("audit log on %s", (engine) => {
  useTestDatabase(engine);
  let laila: Viewer;

  it("records sign-ins, role changes and publications, and filters them (admins only)", async () => {
    laila = (await loadViewer(await createUser({ email: "laila@example.org", name: "Laila", role: "admin", password: "correct horse battery" })))!;
    const mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    await verifyCredentials("mina@example.org", "wrong", "10.0.0.9");
    await verifyCredentials("mina@example.org", "correct horse battery", "10.0.0.9");
    await saveStory(mina, { title: "Audited", body: JSON.stringify(bodyFromParagraphs(["x"])), intent: "publish" });
    await setUserRole(laila, mina.id, "writer");

    const actions = await listAuditActions(laila);
    for (const a of ["auth.sign_in_failed", "auth.sign_in", "story.create", "story.publish", "user.role"]) expect(actions).toContain(a);

    const byMina = await listAudit(laila, { actorId: mina.id });
    expect(byMina.items.map((r) => r.action).sort()).toEqual(["auth.sign_in", "story.create", "story.publish"]);
    const failures = await listAudit(laila, { action: "auth.sign_in_failed" });
    expect(failures.items).toHaveLength(1);
    expect(failures.items[0]!.entityId).toBe("mina@example.org");
    expect(failures.items[0]!.actorName).toBeNull();
    const future = await listAudit(laila, { from: new Date(Date.now() + 3_600_000) });
    expect(future.total).toBe(0);
    await expect(listAudit(mina, {})).rejects.toMatchObject({ code: "forbidden" });
    // Entries carry the record's current name, for the log's sentences.
    const published = await listAudit(laila, { action: "story.publish" });
    expect(published.items[0]!.targetName).toBe("Audited");
  });

  it("records a tag edit as exactly the fields that changed (section on, its position), and nothing for a save that changed nothing", async () => {
    const id = await createTag(laila, { name: "Weather" });
    await updateTag(laila, id, { name: "Weather", isSection: true, sectionOrder: 3 });
    await updateTag(laila, id, { name: "Weather", isSection: true, sectionOrder: 3 });
    const edits = await listAudit(laila, { action: "tag.update" });
    expect(edits.items).toHaveLength(1);
    expect((edits.items[0]!.details as { changes: unknown }).changes).toEqual({ isSection: { from: false, to: true }, sectionOrder: { from: 0, to: 3 } });
  });
});
