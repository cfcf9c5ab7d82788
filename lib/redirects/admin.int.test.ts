/**
 * The Redirects screen's calls: admins list old addresses a page at a time and by old or new
 * path, remove one (audited, it answers nothing after); other roles are refused.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, legacyRedirects } from "@/db/schema";
import { loadViewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { listLegacyRedirects, removeLegacyRedirect, REDIRECTS_PAGE_SIZE } from "./admin";
import { findLegacyRedirect } from "./legacy";

describe.each(engines())("Redirects screen on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it("lists, searches, removes with an audit entry; editors are refused", async () => {
    const admin = (await loadViewer(await createUser({ email: "admin@example.org", name: "Admin", role: "admin", password: "correct horse battery" })))!;
    const editor = (await loadViewer(await createUser({ email: "editor@example.org", name: "Editor", role: "editor", password: "correct horse battery" })))!;
    const rows = Array.from({ length: REDIRECTS_PAGE_SIZE + 5 }, (_, i) => ({ path: `/2017/03/18/post-${i}`, target: `/news/post-${i}`, kind: "permalink", source: "https://old.example" }));
    rows.push({ path: "p:123", target: "/news/special_50%", kind: "post-id", source: "https://old.example" });
    await handle().db.insert(legacyRedirects).values(rows);

    const first = await listLegacyRedirects(admin, {});
    expect([first.total, first.pages, first.items.length]).toEqual([REDIRECTS_PAGE_SIZE + 6, 2, REDIRECTS_PAGE_SIZE]);
    expect((await listLegacyRedirects(admin, { page: 2 })).items).toHaveLength(6);
    expect((await listLegacyRedirects(admin, { q: "POST-12" })).items.map((r) => r.path)).toEqual(["/2017/03/18/post-12"]);
    expect((await listLegacyRedirects(admin, { q: "_50%" })).items.map((r) => r.path)).toEqual(["p:123"]);
    expect((await listLegacyRedirects(admin, { q: "p:123" })).total).toBe(1);

    await expect(listLegacyRedirects(editor, {})).rejects.toThrow(AppError);
    await expect(removeLegacyRedirect(editor, "p:123")).rejects.toThrow(AppError);

    await removeLegacyRedirect(admin, "p:123");
    expect(await findLegacyRedirect(handle().db, "p:123")).toBeNull();
    const [entry] = await handle().db.select().from(auditLog).where(and(eq(auditLog.action, "redirect.remove"), eq(auditLog.entityId, "p:123")));
    expect(entry?.actorId).toBe(admin.id);
    await expect(removeLegacyRedirect(admin, "p:123")).rejects.toThrow(/no longer kept/);
  });
});
