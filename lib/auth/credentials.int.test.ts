import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginAttempts, users } from "@/db/schema";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { loadViewer } from "./load-viewer";
import { verifyCredentials } from "./credentials";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, WINDOW_MS } from "./rate-limit";

describe.each(engines())("sign-in checks on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const t0 = new Date("2025-03-30T04:30:00Z");
  const at = (s: number) => new Date(t0.getTime() + s * 1000);
  let userId = "";

  it("accepts the right password, case-insensitive e-mail, and stores an argon2id hash", async () => {
    userId = await createUser({ email: "Mina@Example.org", name: "Mina", role: "editor", password: "correct horse battery" });
    const [u] = await handle().db.select().from(users).where(eq(users.id, userId));
    expect(u!.email).toBe("mina@example.org");
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    const r = await verifyCredentials("  MINA@example.org ", "correct horse battery", "10.0.0.1", at(0));
    expect(r.ok).toBe(true);
  });

  it("answers the same for an unknown e-mail and a wrong password (no enumeration)", async () => {
    expect(await verifyCredentials("mina@example.org", "wrong", "10.0.0.2", at(1))).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials("nobody@example.org", "wrong", "10.0.0.2", at(2))).toEqual({ ok: false, reason: "invalid" });
  });

  it("holds an account after repeated failures, even with the right password, then lets it in again", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      expect((await verifyCredentials("mina@example.org", `wrong${i}`, `10.1.0.${i}`, at(10 + i))).ok).toBe(false);
    }
    const held = await verifyCredentials("mina@example.org", "correct horse battery", "10.9.9.9", at(30));
    expect(held).toMatchObject({ ok: false, reason: "rate_limited" });
    if (!held.ok && held.reason === "rate_limited") expect(held.retryAfterSeconds).toBeGreaterThan(800);
    const later = await verifyCredentials("mina@example.org", "correct horse battery", "10.9.9.9", new Date(at(30).getTime() + WINDOW_MS));
    expect(later.ok).toBe(true);
  });

  it("strangers cannot lock the owner out: a known device keeps its own limit", async () => {
    const base = new Date(t0.getTime() + 6 * WINDOW_MS);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await verifyCredentials("mina@example.org", `guess${i}`, `198.51.100.${i}`, new Date(base.getTime() + i * 1000));
    }
    const stranger = await verifyCredentials("mina@example.org", "correct horse battery", "198.51.100.99", new Date(base.getTime() + 10_000));
    expect(stranger).toMatchObject({ ok: false, reason: "rate_limited" });
    const owner = await verifyCredentials("mina@example.org", "correct horse battery", "192.0.2.1", new Date(base.getTime() + 11_000), { knownDevice: true });
    expect(owner.ok).toBe(true);
  });

  it("holds an address that tries many accounts", async () => {
    const base = new Date(t0.getTime() + 8 * WINDOW_MS);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await verifyCredentials(`user${i}@example.org`, "guess", "203.0.113.7", new Date(base.getTime() + i * 1000));
    }
    const r = await verifyCredentials("fresh@example.org", "guess", "203.0.113.7", new Date(base.getTime() + 60_000));
    expect(r).toMatchObject({ ok: false, reason: "rate_limited" });
    const count = await handle().db.select().from(loginAttempts).where(eq(loginAttempts.ip, "203.0.113.7"));
    expect(count.length).toBe(MAX_FAILURES_PER_IP); // held attempts are not even recorded
  });

  it("a deactivated account cannot sign in and has no viewer; a new session version ends old sessions", async () => {
    const base = new Date(t0.getTime() + 10 * WINDOW_MS);
    expect(await loadViewer(userId, 1)).not.toBeNull();
    await handle().db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, userId));
    expect(await loadViewer(userId, 1)).toBeNull();
    expect(await loadViewer(userId, 2)).not.toBeNull();
    await handle().db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await loadViewer(userId, 2)).toBeNull();
    expect(await verifyCredentials("mina@example.org", "correct horse battery", "10.3.3.3", base)).toEqual({ ok: false, reason: "invalid" });
  });
});
