import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import * as password from "@/lib/auth/password";
import { bylines, bylineRedirects, users } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { verifyCredentials } from "@/lib/auth/credentials";
import { AppError } from "@/lib/errors";
import { engines, useTestDatabase } from "@/test/db";
import { listUsers } from "./admin";
import { checkToken, createResetLink, INVITE_TTL_MS, inviteUser, redeemToken } from "./invites";
import { createUser } from "./store";
import { setUserActive } from "./admin";

// Counts password hashes (each costs tens of milliseconds of CPU) without changing them.
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

async function err(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
}

describe.each(engines())("invitations and resets on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let laila: Viewer;
  let mina: Viewer;

  it("admins invite; the account has a byline and no usable password until the link is used", async () => {
    laila = (await loadViewer(await createUser({ email: "laila@example.org", name: "Laila", role: "admin", password: "correct horse battery" })))!;
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    expect((await err(inviteUser(mina, { email: "x@example.org", name: "X", role: "writer" })))?.code).toBe("forbidden");
    const now = new Date();
    const { userId, token } = await inviteUser(laila, { email: "Farid@Example.org", name: "Farid Noori", role: "editor" }, now);
    const [u] = await handle().db.select().from(users).where(eq(users.id, userId));
    expect(u!.email).toBe("farid@example.org");
    expect(u!.role).toBe("editor");
    const [b] = await handle().db.select().from(bylines).where(eq(bylines.userId, userId));
    expect(b!.name).toBe("Farid Noori");
    expect(await checkToken(token, now)).toEqual({ email: "farid@example.org", name: "Farid Noori", purpose: "invite" });
    expect((await verifyCredentials("farid@example.org", "", "10.0.0.1")).ok).toBe(false);
    // Invited is not joined: the people list must not call the account active yet.
    const listed = async () => (await listUsers(laila)).find((x) => x.id === userId)!;
    expect((await listed()).joinedAt).toBeNull();

    expect((await err(inviteUser(laila, { email: "farid@example.org", name: "Again", role: "writer" })))?.fields?.email).toBe("Already has an account.");
    expect((await err(inviteUser(laila, { email: "not-an-email", name: "", role: "boss" })))?.fields).toMatchObject({
      email: expect.any(String),
      name: expect.any(String),
      role: expect.any(String),
    });

    // The link sets the password once.
    expect((await err(redeemToken(token, "short")))?.fields?.password).toBeTruthy();
    expect(await redeemToken(token, "a long new password", now)).toBe("farid@example.org");
    expect((await listed()).joinedAt).toEqual(now);
    expect((await verifyCredentials("farid@example.org", "a long new password", "10.0.0.1")).ok).toBe(true);
    expect((await err(redeemToken(token, "another long password", now)))?.message).toMatch(/already used/);
    expect(await checkToken(token, now)).toBeNull();
  });

  it("links expire, and a reset link ends the user's other sessions", async () => {
    const now = new Date();
    const { token } = await inviteUser(laila, { email: "late@example.org", name: "Late", role: "writer" }, now);
    const later = new Date(now.getTime() + INVITE_TTL_MS + 1);
    expect(await checkToken(token, later)).toBeNull();
    expect((await err(redeemToken(token, "a long new password", later)))?.code).toBe("bad_request");

    const before = (await handle().db.select().from(users).where(eq(users.id, mina.id)))[0]!.sessionVersion;
    const reset = await createResetLink(laila, mina.id);
    expect((await err(createResetLink(mina, laila.id)))?.code).toBe("forbidden");
    await redeemToken(reset, "minas brand new password");
    const after = (await handle().db.select().from(users).where(eq(users.id, mina.id)))[0]!.sessionVersion;
    expect(after).toBe(before + 1);
    expect(await loadViewer(mina.id, before)).toBeNull();
  });

  it("setting a password spends every other open link; deactivation spends them too", async () => {
    const { userId, token: invite } = await inviteUser(laila, { email: "inv1@example.org", name: "Inv One", role: "writer" });
    const reset = await createResetLink(laila, userId);
    await redeemToken(reset, "first long password");
    expect(await checkToken(invite)).toBeNull();
    expect((await err(redeemToken(invite, "second long password")))?.code).toBe("bad_request");

    const { userId: other, token } = await inviteUser(laila, { email: "inv2@example.org", name: "Inv Two", role: "writer" });
    await setUserActive(laila, other, false);
    await setUserActive(laila, other, true);
    expect(await checkToken(token)).toBeNull();
  });

  it("an invited user's byline never takes a slug an old byline page redirects from", async () => {
    const first = await inviteUser(laila, { email: "chain@example.org", name: "Chain Bee", role: "writer" });
    const [b1] = await handle().db.select().from(bylines).where(eq(bylines.userId, first.userId));
    await handle().db.insert(bylineRedirects).values({ oldSlug: "chain-bee-2", bylineId: b1!.id });
    const second = await inviteUser(laila, { email: "chain2@example.org", name: "Chain Bee", role: "writer" });
    const [b2] = await handle().db.select().from(bylines).where(eq(bylines.userId, second.userId));
    expect(b2!.slug).toBe("chain-bee-3");
  });

  it("rejects malformed tokens without a query", async () => {
    expect(await checkToken("../../etc/passwd")).toBeNull();
    expect((await err(redeemToken("x", "a long new password")))?.code).toBe("bad_request");
  });

  it("looks a link up before hashing the password: a bogus or spent link costs no hash", async () => {
    const hashes = vi.mocked(password.hashPassword);
    hashes.mockClear();
    const bogus = "A".repeat(43);
    expect((await err(redeemToken(bogus, "a long new password")))?.message).toMatch(/expired or was already used/);
    expect(hashes).not.toHaveBeenCalled();
    const token = await createResetLink(laila, laila.id);
    await redeemToken(token, "a long new password");
    expect(hashes).toHaveBeenCalledTimes(1);
    expect((await err(redeemToken(token, "another long password")))?.message).toMatch(/expired or was already used/);
    expect(hashes).toHaveBeenCalledTimes(1);
  });

  it("holds an address that keeps trying links that do not work, as sign-in does, and counts no good link against it", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const guesser = "203.0.113.9";
    for (let i = 0; i < 20; i++) expect((await err(redeemToken(`${"B".repeat(42)}${i % 10}`, "a long new password", at, guesser)))?.code).toBe("bad_request");
    // The 21st try is held, even with a link that works; another address is not.
    const token = await createResetLink(laila, laila.id, at);
    const held = await err(redeemToken(token, "a long new password", at, guesser));
    expect(held?.code).toBe("rate_limited");
    expect(held?.message).toMatch(/Too many tries with links that do not work from your address\. Try again in 15 minutes/);
    expect(await redeemToken(token, "a long new password", at, "198.51.100.4")).toBe("laila@example.org");
    // Once the window has passed, the address may try again.
    const later = new Date(at.getTime() + 16 * 60_000);
    expect((await err(redeemToken("C".repeat(43), "a long new password", later, guesser)))?.code).toBe("bad_request");
  });
});
