/**
 * API keys against a real migrated database: a key's "last used" is never written after the
 * key was revoked, even when the revocation commits while a request with it is being checked.
 * The interleaving needs two connections, so the race runs on PostgreSQL only.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiKeys } from "@/db/schema";
import { engines, useTestDatabase } from "@/test/db";
import { createApiKey, verifyApiKey } from "./keys";

describe.each(engines())("API keys on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it.runIf(engine === "postgres")("a revocation that commits during a request's check leaves last used empty", async () => {
    const db = handle().db;
    const { id, key } = await createApiKey(db, { name: "Racing app", actorId: null });
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    let revoke!: () => void;
    const mayRevoke = new Promise<void>((r) => (revoke = r));
    // An admin's revocation holds the key's row while the request reads it.
    const revocation = db.transaction(async (tx) => {
      await tx.execute(sql`select id from ${apiKeys} where id = ${id} for update`);
      locked();
      await mayRevoke;
      await tx.execute(sql`update ${apiKeys} set revoked_at = now() where id = ${id}`);
    });
    await isLocked;
    // The request's select sees the key unrevoked; its "last used" update waits for the row.
    const checking = verifyApiKey(`Bearer ${key}`);
    await new Promise((r) => setTimeout(r, 300));
    revoke();
    await Promise.all([revocation, checking]);
    const [row] = await db.select({ lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.revokedAt).not.toBeNull();
    expect(row!.lastUsedAt).toBeNull();
    expect(await verifyApiKey(`Bearer ${key}`)).toBeNull();
  });

  it("records a key's use, at most once a minute", async () => {
    const db = handle().db;
    const { id, key } = await createApiKey(db, { name: "Steady app", actorId: null });
    const t0 = new Date("2026-12-07T10:00:00Z");
    expect(await verifyApiKey(`bearer  ${key} `, t0)).toEqual({ id, name: "Steady app" });
    await verifyApiKey(`Bearer ${key}`, new Date(t0.getTime() + 30_000));
    const [a] = await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(a!.at!.toISOString()).toBe(t0.toISOString());
    await verifyApiKey(`Bearer ${key}`, new Date(t0.getTime() + 60_000));
    const [b] = await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(b!.at!.toISOString()).toBe(new Date(t0.getTime() + 60_000).toISOString());
    for (const bad of [`Bearer ${key}, Bearer ${key}`, `Bearer ${key}x`, `Bearer ${key.slice(0, -1)}`, `Token ${key}`, key]) expect(await verifyApiKey(bad), bad).toBeNull();
  });
});
