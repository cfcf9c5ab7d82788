/**
 * Invitations and admin-made password-reset links. An invitation is mailed (queued in the
 * outbox in the same transaction as the account) and its link is also shown to the admin;
 * an admin's reset link is shown to the admin only. The token is 32 random bytes (base64url)
 * in the link; only its SHA-256 is stored. A link works once, before it expires (invitations
 * 7 days, admins' reset links 24 hours, self-service ones 1 hour: password-reset.ts), as
 * OWASP's Forgot Password Cheat Sheet asks of reset tokens (single use, expiring, stored
 * hashed).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { auditLog, bylines, bylineRedirects, loginAttempts, sessions, users, userTokens, userRole } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { enqueueMail, nudgeMailWorker } from "@/lib/mail/outbox";
import { getSiteSettings } from "@/lib/site/settings";
import { invitationMail, passwordChangedMail, type MailSite } from "./account-mail";
import { makeSlug } from "@/lib/text/slug";
import type { Viewer } from "@/lib/auth/load-viewer";
import { normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { MAX_FAILURES_PER_IP, retryAfterSeconds, WINDOW_MS } from "@/lib/auth/rate-limit";
import { cleanString, cleanText } from "@/lib/text/clean";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;
export const RESET_TTL_MS = 24 * 3_600_000;

/** The SHA-256 (hex) of a link's token: what `user_tokens.token_hash` holds. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Writes a new one-time link for a user on `db` (pass the caller's transaction). A new link
 * spends every unused one of the same purpose, so only the newest works.
 * @param ttlMs how long it works from `now`.
 * @param createdBy the admin who made it, or null when the user asked for it.
 * @returns the token (only its hash is stored) and its expiry.
 */
export async function issueToken(
  db: Db,
  userId: string,
  purpose: "invite" | "reset",
  createdBy: string | null,
  now: Date,
  ttlMs: number = purpose === "invite" ? INVITE_TTL_MS : RESET_TTL_MS,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  await db.insert(userTokens).values({ userId, purpose, tokenHash: hashToken(token), expiresAt, createdBy, createdAt: now });
  return { token, expiresAt };
}

/**
 * What account mails need to know about the site: its name (site settings), its origin
 * (SITE_URL) and the newsroom's time zone. Reads the database: call it before a
 * transaction, never inside one.
 */
export async function mailSite(): Promise<MailSite> {
  const settings = await getSiteSettings();
  return { siteName: settings.siteName, origin: siteUrl(), timeZone: settings.timeZone };
}

const inviteSchema = z.object({
  email: z
    .string()
    .transform((v) => normalizeEmail(cleanText(v)))
    .pipe(z.email("Enter an e-mail address.").max(320)),
  name: cleanString(120, "name").pipe(z.string().min(1, "Enter the person's name.")),
  role: z.enum(userRole.enumValues, { error: "Pick a role." }),
  /** Create the person's byline with the account. */
  withByline: z.union([z.boolean(), z.enum(["true", "on", "false", ""])]).transform((v) => v === true || v === "true" || v === "on").default(true),
});

/**
 * Creates a user (with no usable password) and a one-time invitation link, and queues the
 * invitation mail (kind "invite": the inviter's name, the site's name, the absolute link and
 * its expiry) in the same transaction: the account, the link and the mail commit together or
 * not at all. The mail worker is nudged after the commit.
 * @returns the new user's id, the link's token (the admin is shown the link too), the
 *   normalised e-mail and the link's expiry.
 * @throws AppError: forbidden (not an admin), bad_request, conflict (e-mail taken).
 */
export async function inviteUser(viewer: Viewer, raw: unknown, now = new Date()): Promise<{ userId: string; token: string; email: string; expiresAt: Date }> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can invite people.");
  const input = parseInput(inviteSchema, raw);
  const site = await mailSite();
  const db = await getDb();
  const invited = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken) throw new AppError("conflict", "Someone with that e-mail already has an account.", { email: "Already has an account." });
    // Nobody knows this password: the account opens only through the invitation link.
    const unusable = await hashPassword(randomBytes(32).toString("base64url"));
    const [row] = await tx.insert(users).values({ email: input.email, name: input.name, role: input.role, passwordHash: unusable }).returning({ id: users.id });
    if (input.withByline) {
      // A slug that no byline and no byline redirect uses (an old page must keep pointing
      // where it points).
      const taken = async (slug: string) =>
        (await tx.select({ id: bylines.id }).from(bylines).where(eq(bylines.slug, slug)).limit(1)).length > 0 ||
        (await tx.select({ s: bylineRedirects.oldSlug }).from(bylineRedirects).where(eq(bylineRedirects.oldSlug, slug)).limit(1)).length > 0;
      let slug = makeSlug(input.name, `byline-${row!.id.slice(0, 8)}`);
      for (let i = 2; await taken(slug); i++) slug = makeSlug(`${input.name} ${i}`, `byline-${row!.id.slice(0, 8)}-${i}`);
      await tx.insert(bylines).values({ slug, name: input.name, userId: row!.id });
    }
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "user.invite", entityType: "user", entityId: row!.id, details: { email: input.email, role: input.role } });
    const link = await issueToken(tx, row!.id, "invite", viewer.id, now);
    await enqueueMail(tx, {
      kind: "invite",
      to: input.email,
      toUserId: row!.id,
      ...invitationMail(site, { name: input.name, inviterName: viewer.name, role: input.role, token: link.token, expiresAt: link.expiresAt }),
    });
    return { userId: row!.id, ...link };
  });
  nudgeMailWorker();
  return { ...invited, email: input.email };
}

/**
 * Sends an invitation again to someone who has not joined yet: a new link (the older one
 * stops working) and a new invitation mail, queued in the same transaction.
 * @returns the new token, the address it was sent to and the link's expiry.
 * @throws AppError: forbidden (not an admin), not_found, bad_request (already joined, or
 *   deactivated).
 */
export async function resendInvitation(viewer: Viewer, userId: string, now = new Date()): Promise<{ token: string; email: string; expiresAt: Date }> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can invite people.");
  if (!z.uuid().safeParse(userId).success) throw new AppError("not_found", "No such user.");
  const site = await mailSite();
  const db = await getDb();
  const sent = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!user) throw new AppError("not_found", "No such user.");
    if (user.joinedAt) throw new AppError("bad_request", `${user.name} has already joined: send a reset link if they cannot sign in.`);
    if (!user.active) throw new AppError("bad_request", "This account is deactivated: reactivate it first.");
    const link = await issueToken(tx, user.id, "invite", viewer.id, now);
    await enqueueMail(tx, {
      kind: "invite",
      to: user.email,
      toUserId: user.id,
      ...invitationMail(site, { name: user.name, inviterName: viewer.name, role: user.role, token: link.token, expiresAt: link.expiresAt }),
    });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "user.invite_resent", entityType: "user", entityId: user.id, details: { email: user.email }, createdAt: now });
    return { ...link, email: user.email };
  });
  nudgeMailWorker();
  return sent;
}

/**
 * A one-time password-reset token for a user (admins), shown to the admin, not mailed; it
 * works for 24 hours and spends the user's earlier unused reset links.
 * @throws AppError(forbidden | not_found)
 */
export async function createResetLink(viewer: Viewer, userId: string, now = new Date()): Promise<string> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can reset passwords.");
  if (!z.uuid().safeParse(userId).success) throw new AppError("not_found", "No such user.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw new AppError("not_found", "No such user.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "user.reset_link", entityType: "user", entityId: userId });
    return (await issueToken(tx, userId, "reset", viewer.id, now)).token;
  });
}

/** What a link is for, if it is still valid: the account's e-mail and name. */
export async function checkToken(token: string, now = new Date()): Promise<{ email: string; name: string; purpose: "invite" | "reset" } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, name: users.name, purpose: userTokens.purpose, expiresAt: userTokens.expiresAt, usedAt: userTokens.usedAt, active: users.active })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !row.active) return null;
  return { email: row.email, name: row.name, purpose: row.purpose };
}

/** The `email` of a failed one-time-link attempt in login_attempts (counted per address). */
const LINK_ATTEMPT = "(one-time link)";

/** What a link that no longer works says (the page behind it offers "Forgot password?"). */
export const SPENT_LINK = "This link has expired or was already used. Ask for a new one with “Forgot password?” on the sign-in page, or ask an admin.";

/**
 * Sets a password through a one-time link and uses the link up (single use, as OWASP's
 * Forgot Password Cheat Sheet asks). In one transaction: the password, the link and every
 * other open link of the account spent, every session of the account ended (the session
 * version moves on and the session rows are revoked: the caller signs this browser in
 * afterwards), and, for a reset link, a "your password was changed" mail queued (kind
 * "password_changed"). An invitation's first password sends no such mail.
 * @param ip the client's address (bad links are counted per address and held like sign-ins).
 * @returns the account's e-mail (to sign in with).
 * @throws AppError: bad_request for an invalid, used or expired link, or a weak password;
 *   rate_limited after too many bad links from `ip` (lib/auth/rate-limit.ts).
 */
export async function redeemToken(token: string, password: string, now = new Date(), ip = "unknown"): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("bad_request", problem, { password: problem });
  const db = await getDb();
  // Guessing links from one address is held like guessing passwords: after
  // MAX_FAILURES_PER_IP bad links in the window, until the oldest leaves it.
  const failures = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, LINK_ATTEMPT), eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, new Date(now.getTime() - WINDOW_MS))))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(MAX_FAILURES_PER_IP);
  const wait = retryAfterSeconds(
    failures.map((f) => f.at),
    MAX_FAILURES_PER_IP,
    now,
  );
  if (wait > 0) throw new AppError("rate_limited", `Too many tries with links that do not work from your address. Try again in ${Math.ceil(wait / 60)} minutes, or ask an admin for a new link.`);
  const refuse = async (message: string): Promise<never> => {
    await db.insert(loginAttempts).values({ email: LINK_ATTEMPT, ip, success: false, createdAt: now });
    throw new AppError("bad_request", message);
  };
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return refuse("This link is not valid.");
  // The token is looked up before the password is hashed (tens of milliseconds of CPU): a
  // bogus or spent link costs one indexed read, not a hash. The claim below checks again.
  const [open] = await db
    .select({ id: userTokens.id })
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, hashToken(token)), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .limit(1);
  if (!open) return refuse(SPENT_LINK);
  const passwordHash = await hashPassword(password);
  const site = await mailSite();
  const email = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: userTokens.id, userId: userTokens.userId, purpose: userTokens.purpose, expiresAt: userTokens.expiresAt, usedAt: userTokens.usedAt })
      .from(userTokens)
      .where(eq(userTokens.tokenHash, hashToken(token)))
      .limit(1);
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw new AppError("bad_request", SPENT_LINK);
    }
    // Single use even under parallel requests: only the update that flips used_at wins.
    const claimed = await tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.id, row.id), isNull(userTokens.usedAt))).returning({ id: userTokens.id });
    if (claimed.length !== 1) throw new AppError("bad_request", "This link was already used.");
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).limit(1);
    if (!user || !user.active) throw new AppError("bad_request", "This account is not active.");
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: user.sessionVersion + 1, joinedAt: user.joinedAt ?? now, updatedAt: now })
      .where(eq(users.id, user.id));
    // Setting a password spends every other open link of this account (an old invitation
    // must not outlive a reset).
    await tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, user.id), isNull(userTokens.usedAt)));
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    if (row.purpose === "reset") {
      await enqueueMail(tx, { kind: "password_changed", to: user.email, toUserId: user.id, ...passwordChangedMail(site, { name: user.name, how: "through a reset link", at: now }) });
    }
    await tx.insert(auditLog).values({ actorId: user.id, action: "user.password_set", entityType: "user", entityId: user.id, details: { through: row.purpose } });
    return user.email;
  });
  nudgeMailWorker();
  return email;
}

/** Spends every open link of a user (password changed elsewhere, account deactivated). */
export async function revokeUserTokens(userId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
}
