import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { mailOutbox, userTokens, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { isSessionOpen, startSession } from "@/lib/auth/sessions";
import { siteUrl } from "@/lib/env";
import { engines, useTestDatabase } from "@/test/db";
import { refusal, refusalText } from "@/test/refusal";
import { setUserActive } from "./admin";
import { checkToken, INVITE_TTL_MS, inviteUser, redeemToken, resendInvitation } from "./invites";
import {
  acceptResetRequest,
  issuePasswordReset,
  MAX_RESET_REQUESTS_PER_ADDRESS,
  MAX_RESET_REQUESTS_PER_IP,
  RESET_REQUEST_WINDOW_MS,
  SELF_RESET_TTL_MS,
} from "./password-reset";
import { changeOwnPassword } from "./profile";
import { createUser } from "./store";

// Lets a test make the transaction fail right after its mail was queued (a fault later in
// the same transaction), to check that the mail and the link go with it.
const fault = vi.hoisted(() => ({ afterQueue: false }));
vi.mock("@/lib/mail/outbox", async (original) => {
  const real = await original<typeof import("@/lib/mail/outbox")>();
  return {
    ...real,
    enqueueMail: vi.fn(async (...args: Parameters<typeof real.enqueueMail>) => {
      const id = await real.enqueueMail(...args);
      if (fault.afterQueue) throw new Error("the disk is full");
      return id;
    }),
  };
});

const LINK = /\/signup\/([A-Za-z0-9_-]{43})/;

describe.each(engines())("account mail on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const mailTo = (address: string) => handle().db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)).orderBy(mailOutbox.createdAt);
  const tokenOf = (text: string) => LINK.exec(text)?.[1] ?? "";
  let laila: Viewer;

  it("an invitation queues one mail, with the absolute link in both parts, the inviter, the site and the expiry", async () => {
    laila = (await loadViewer(await createUser({ email: "laila@example.org", name: "Laila Ahmadi", role: "admin", password: "correct horse battery" })))!;
    const now = new Date("2025-03-30T04:30:00Z");
    const { token, userId, expiresAt } = await inviteUser(laila, { email: "Farid@Example.org", name: "Farid Noori", role: "editor" }, now);
    expect(expiresAt).toEqual(new Date(now.getTime() + INVITE_TTL_MS));
    const mails = await mailTo("farid@example.org");
    expect(mails).toHaveLength(1);
    const [m] = mails;
    expect(m).toMatchObject({ kind: "invite", toUserId: userId, status: "pending", subject: "Laila Ahmadi invited you to Newsroom" });
    const link = `${siteUrl()}/signup/${token}`;
    expect(m!.textBody).toContain(link);
    expect(m!.htmlBody).toContain(`href="${link}"`);
    expect(m!.textBody).toContain("Laila Ahmadi invited you to the Newsroom newsroom as an editor.");
    // The expiry in the newsroom's zone (the default settings: UTC).
    expect(m!.textBody).toContain("It works once, until April 6, 2025 at 4:30 AM (UTC).");
    expect(await checkToken(token, now)).toMatchObject({ purpose: "invite" });
    // Setting the first password through an invitation sends no "password changed" mail.
    await redeemToken(token, "farid's long password", now);
    expect(await mailTo("farid@example.org")).toHaveLength(1);
  });

  it("sending an invitation again queues a new mail with a new link; the older link stops working", async () => {
    const { token: first, userId } = await inviteUser(laila, { email: "sahar@example.org", name: "Sahar", role: "writer" });
    const again = await resendInvitation(laila, userId);
    const mails = await mailTo("sahar@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["invite", "invite"]);
    expect(tokenOf(mails[1]!.textBody)).toBe(again.token);
    expect(await checkToken(first)).toBeNull();
    expect(await checkToken(again.token)).toMatchObject({ email: "sahar@example.org" });
    const farid = (await handle().db.select().from(users).where(eq(users.email, "farid@example.org")))[0]!;
    expect(await refusalText(resendInvitation(laila, farid.id))).toMatch(/^bad_request: Farid Noori has already joined/);
    expect((await refusal(resendInvitation((await loadViewer(farid.id))!, userId))).code).toBe("forbidden");
  });

  it("forgot password: the same answer for known, unknown and deactivated addresses; only the active account gets a link and a mail", async () => {
    await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" });
    const gone = await createUser({ email: "gone@example.org", name: "Gone", role: "writer", password: "correct horse battery" });
    await setUserActive(laila, gone, false);
    const now = new Date("2025-04-01T08:00:00Z");
    const answers = [];
    for (const email of [" MINA@example.org ", "nobody@example.org", "gone@example.org"]) {
      answers.push(await acceptResetRequest({ email }, "10.0.0.1", now));
    }
    // The answer carries nothing but the address as typed, normalised.
    expect(answers).toEqual([{ email: "mina@example.org" }, { email: "nobody@example.org" }, { email: "gone@example.org" }]);
    const issued = [];
    for (const a of answers) issued.push(await issuePasswordReset(a.email, "10.0.0.1", now));
    expect(issued).toEqual([true, false, false]);
    expect(await mailTo("nobody@example.org")).toHaveLength(0);
    expect(await mailTo("gone@example.org")).toHaveLength(0);
    expect(await handle().db.select().from(userTokens).where(eq(userTokens.userId, gone))).toHaveLength(0);
    const [m] = await mailTo("mina@example.org");
    expect(m).toMatchObject({ kind: "reset", subject: "Reset your Newsroom password" });
    const token = tokenOf(m!.textBody);
    expect(m!.textBody).toContain(`${siteUrl()}/signup/${token}`);
    expect(m!.htmlBody).toContain(`href="${siteUrl()}/signup/${token}"`);
    expect(m!.textBody).toContain("until April 1, 2025 at 9:00 AM (UTC)");
    const [row] = await handle().db.select().from(userTokens).where(eq(userTokens.tokenHash, (await import("./invites")).hashToken(token)));
    expect(row).toMatchObject({ purpose: "reset", createdBy: null, usedAt: null });
    expect(row!.expiresAt).toEqual(new Date(now.getTime() + SELF_RESET_TTL_MS));
  });

  it("a malformed address is refused with a field error, before anything is counted", async () => {
    for (const email of ["not-an-email", "", "   ", "a@b"]) {
      const e = await refusal(acceptResetRequest({ email }, "10.0.0.9"));
      expect(e.code).toBe("bad_request");
      expect(e.fields?.email).toMatch(/Enter (an|your) e-mail address/);
    }
    expect((await refusal(acceptResetRequest({}, "10.0.0.9"))).fields?.email).toBeTruthy();
  });

  it("a reset link works once, for an hour; a new request voids the older link", async () => {
    const t0 = new Date("2025-04-02T08:00:00Z");
    await issuePasswordReset("mina@example.org", "10.0.0.2", t0);
    const older = tokenOf((await mailTo("mina@example.org")).at(-1)!.textBody);
    const t1 = new Date(t0.getTime() + 60_000);
    await issuePasswordReset("mina@example.org", "10.0.0.2", t1);
    const newer = tokenOf((await mailTo("mina@example.org")).at(-1)!.textBody);
    expect(newer).not.toBe(older);
    expect(await checkToken(older, t1)).toBeNull();
    expect(await refusalText(redeemToken(older, "a long new password", t1))).toMatch(/^bad_request: This link has expired or was already used/);
    // An hour after it was made, it no longer works; a minute before, it does.
    expect(await checkToken(newer, new Date(t1.getTime() + SELF_RESET_TTL_MS))).toBeNull();
    expect((await refusal(redeemToken(newer, "a long new password", new Date(t1.getTime() + SELF_RESET_TTL_MS)))).code).toBe("bad_request");
    const inTime = new Date(t1.getTime() + SELF_RESET_TTL_MS - 60_000);
    expect(await checkToken(newer, inTime)).toMatchObject({ purpose: "reset", email: "mina@example.org" });
    expect(await redeemToken(newer, "minas new long password", inTime)).toBe("mina@example.org");
    expect(await refusalText(redeemToken(newer, "another long password", inTime))).toMatch(/already used/);
    expect((await verifyCredentials("mina@example.org", "minas new long password", "10.0.0.2", inTime)).ok).toBe(true);
  });

  it("a reset ends every session of the account and queues the 'password changed' mail", async () => {
    const mina = (await handle().db.select().from(users).where(eq(users.email, "mina@example.org")))[0]!;
    const phone = await startSession(mina.id);
    const laptop = await startSession(mina.id);
    const now = new Date("2025-04-03T08:00:00Z");
    await issuePasswordReset("mina@example.org", "10.0.0.3", now);
    const token = tokenOf((await mailTo("mina@example.org")).at(-1)!.textBody);
    await redeemToken(token, "minas third long password", now);
    expect([await isSessionOpen(phone, mina.id), await isSessionOpen(laptop, mina.id)]).toEqual([false, false]);
    expect(await loadViewer(mina.id, mina.sessionVersion)).toBeNull();
    const last = (await mailTo("mina@example.org")).at(-1)!;
    expect(last).toMatchObject({ kind: "password_changed", subject: "Your Newsroom password was changed", toUserId: mina.id });
    expect(last.textBody).toContain("was changed through a reset link on April 3, 2025 at 8:00 AM (UTC)");
    expect(last.textBody).toContain("If this wasn't you");
    expect(last.textBody).toContain(`${siteUrl()}/login/forgot`);
  });

  it("changing one's own password ends every session and queues the 'password changed' mail", async () => {
    const id = await createUser({ email: "omid@example.org", name: "Omid", role: "writer", password: "correct horse battery" });
    const omid = (await loadViewer(id))!;
    const other = await startSession(id);
    const before = (await handle().db.select().from(users).where(eq(users.id, id)))[0]!.sessionVersion;
    expect(await refusalText(changeOwnPassword(omid, "wrong password", "a brand new password"))).toBe("bad_request: The current password is not right.");
    expect(await mailTo("omid@example.org")).toHaveLength(0);
    await changeOwnPassword(omid, "correct horse battery", "a brand new password");
    expect(await isSessionOpen(other, id)).toBe(false);
    expect(await loadViewer(id, before)).toBeNull();
    const mails = await mailTo("omid@example.org");
    expect(mails.map((m) => m.kind)).toEqual(["password_changed"]);
    expect(mails[0]!.textBody).toContain("was changed on your profile page");
  });

  it("limits requests per address (3 an hour) and per client address (10 an hour), without touching sign-in", async () => {
    const t0 = new Date("2025-04-05T08:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_ADDRESS; i++) await acceptResetRequest({ email: "mina@example.org" }, `192.0.2.${i}`, at(i));
    const held = await refusal(acceptResetRequest({ email: "MINA@example.org" }, "192.0.2.50", at(10)));
    expect(held.code).toBe("rate_limited");
    expect(held.message).toBe("Too many reset requests for this address or from your network. Try again in 60 minutes, or ask an admin for a reset link.");
    // An unknown address is held the same way (the limit tells nothing about accounts).
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_ADDRESS; i++) await acceptResetRequest({ email: "ghost@example.org" }, `192.0.2.${i}`, at(i));
    expect((await refusal(acceptResetRequest({ email: "ghost@example.org" }, "192.0.2.50", at(10)))).code).toBe("rate_limited");
    // Once the hour has passed since the oldest, the address may ask again.
    expect(await acceptResetRequest({ email: "mina@example.org" }, "192.0.2.50", new Date(at(0).getTime() + RESET_REQUEST_WINDOW_MS + 1000))).toEqual({ email: "mina@example.org" });

    const ip = "203.0.113.77";
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_IP; i++) await acceptResetRequest({ email: `person${i}@example.org` }, ip, at(100 + i));
    const byIp = await refusal(acceptResetRequest({ email: "fresh@example.org" }, ip, at(200)));
    expect(byIp.code).toBe("rate_limited");
    expect(byIp.message).toMatch(/Try again in 59 minutes/);
    expect(await acceptResetRequest({ email: "fresh@example.org" }, "203.0.113.78", at(201))).toEqual({ email: "fresh@example.org" });
    // Reset requests are not failed sign-ins: the same address still signs in.
    expect((await verifyCredentials("mina@example.org", "minas third long password", ip, at(202))).ok).toBe(true);
  });

  it("when the transaction fails, no mail, no link and no account are left behind", async () => {
    const countMail = async () => (await handle().db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const mails = await countMail();
    fault.afterQueue = true;
    try {
      await expect(inviteUser(laila, { email: "broken@example.org", name: "Broken", role: "writer" })).rejects.toThrow("the disk is full");
      expect(await handle().db.select().from(users).where(eq(users.email, "broken@example.org"))).toHaveLength(0);

      const mina = (await handle().db.select().from(users).where(eq(users.email, "mina@example.org")))[0]!;
      const openBefore = await handle().db.select().from(userTokens).where(and(eq(userTokens.userId, mina.id), isNull(userTokens.usedAt)));
      await expect(issuePasswordReset("mina@example.org", "10.0.0.4")).rejects.toThrow("the disk is full");
      const openAfter = await handle().db.select().from(userTokens).where(and(eq(userTokens.userId, mina.id), isNull(userTokens.usedAt)));
      expect(openAfter).toEqual(openBefore);

      // A reset whose "password changed" mail fails leaves the password and the link as they were.
      fault.afterQueue = false;
      await issuePasswordReset("mina@example.org", "10.0.0.4");
      const token = tokenOf((await mailTo("mina@example.org")).at(-1)!.textBody);
      const afterIssue = await countMail();
      fault.afterQueue = true;
      await expect(redeemToken(token, "a password that never lands")).rejects.toThrow("the disk is full");
      expect(await checkToken(token)).toMatchObject({ purpose: "reset" });
      expect((await verifyCredentials("mina@example.org", "a password that never lands", "10.0.0.5")).ok).toBe(false);
      expect(await countMail()).toBe(afterIssue);
      expect(afterIssue).toBe(mails + 1);
    } finally {
      fault.afterQueue = false;
    }
  });
});
