import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { engines, useTestDatabase } from "@/test/db";
import { listUsers, setUserActive, setUserRole } from "./admin";
import { createUser } from "./store";
import { updateOwnName } from "./profile";

describe.each(engines())("user administration on %s: only admins change roles, and changes take effect on the next request", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};

  async function code(p: Promise<unknown>) {
    return p.then(
      () => "ok",
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );
  }
  async function roleOf(id: string) {
    const [u] = await handle().db.select().from(users).where(eq(users.id, id));
    return u!.role;
  }

  it("sets up Laila (admin), Farid (editor), Sahar (writer)", async () => {
    for (const [key, role] of [
      ["laila", "admin"],
      ["farid", "editor"],
      ["sahar", "writer"],
    ] as const) {
      v[key] = (await loadViewer(await createUser({ email: `${key}@example.org`, name: key, role, password: "correct horse battery" })))!;
    }
  });

  it("only admins list users and change roles; nobody raises their own role", async () => {
    expect(await code(listUsers(v.farid!))).toBe("forbidden");
    expect(await code(setUserRole(v.sahar!, v.sahar!.id, "admin"))).toBe("forbidden");
    expect(await code(setUserRole(v.farid!, v.farid!.id, "admin"))).toBe("forbidden");
    expect(await code(setUserRole(v.farid!, v.sahar!.id, "editor"))).toBe("forbidden");
    expect(await code(setUserActive(v.farid!, v.sahar!.id, false))).toBe("forbidden");
    expect(await roleOf(v.sahar!.id)).toBe("writer");
    expect(await roleOf(v.farid!.id)).toBe("editor");
    // The profile action has no role field at all: a name change leaves the role alone.
    await updateOwnName(v.sahar!, "Sahar A.");
    expect(await roleOf(v.sahar!.id)).toBe("writer");
  });

  it("a demotion takes effect on the next load of the user", async () => {
    expect(await code(setUserRole(v.laila!, v.farid!.id, "writer"))).toBe("ok");
    expect((await loadViewer(v.farid!.id))!.role).toBe("writer");
    expect(await code(setUserRole(v.laila!, v.farid!.id, "superuser"))).toBe("bad_request");
  });

  it("keeps at least one active admin, and an admin cannot deactivate herself", async () => {
    expect(await code(setUserRole(v.laila!, v.laila!.id, "editor"))).toBe("bad_request");
    expect(await code(setUserActive(v.laila!, v.laila!.id, false))).toBe("bad_request");
    expect(await roleOf(v.laila!.id)).toBe("admin");
    await setUserRole(v.laila!, v.farid!.id, "admin");
    expect(await code(setUserRole(v.laila!, v.laila!.id, "editor"))).toBe("ok");
  });

  it("a deactivated user has no viewer from the next request on", async () => {
    const farid = (await loadViewer(v.farid!.id))!;
    expect(await code(setUserActive(farid, v.sahar!.id, false))).toBe("ok");
    expect(await loadViewer(v.sahar!.id)).toBeNull();
    expect(await code(setUserActive(farid, v.sahar!.id, true))).toBe("ok");
    expect(await loadViewer(v.sahar!.id)).not.toBeNull();
    expect(await code(setUserActive(farid, "not-a-uuid", false))).toBe("not_found");
  });
});

describe.each(engines())("two admins changing each other at the same moment on %s", (engine) => {
  useTestDatabase(engine);

  async function activeAdmins(): Promise<number> {
    const rows = await (await getDb()).select({ id: users.id, role: users.role, active: users.active }).from(users);
    return rows.filter((r) => r.role === "admin" && r.active).length;
  }

  it("never leave the newsroom without an active admin, whether they demote or deactivate each other", async () => {
    for (let round = 0; round < 6; round++) {
      const a = (await loadViewer(await createUser({ email: `a${round}@example.org`, name: `A${round}`, role: "admin", password: "correct horse battery" })))!;
      const b = (await loadViewer(await createUser({ email: `b${round}@example.org`, name: `B${round}`, role: "admin", password: "correct horse battery" })))!;
      // Every earlier pair has been reduced to one admin; leave only these two as admins.
      const db = await getDb();
      await db.update(users).set({ role: "editor" }).where(and(ne(users.id, a.id), ne(users.id, b.id)));
      expect(await activeAdmins()).toBe(2);
      // Sent together: on PostgreSQL the two transactions run on two connections at once.
      const results = await Promise.allSettled(
        round % 2 === 0 ? [setUserRole(a, b.id, "editor"), setUserRole(b, a.id, "editor")] : [setUserActive(a, b.id, false), setUserActive(b, a.id, false)],
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(AppError);
      expect((refused.reason as AppError).message).toMatch(/last active admin/);
      expect(await activeAdmins()).toBe(1);
    }
  });
});
