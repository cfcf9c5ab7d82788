/**
 * Invitations and password resets without an e-mail server: an admin gets a one-time link to
 * copy and send. The token is 32 random bytes (base64url) in the link; only its SHA-256 is
 * stored. A link works once, before it expires (invitations 7 days, resets 24 hours).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, bylines, bylineRedirects, loginAttempts, users, userTokens, userRole } from "@/db/schema";
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

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function issueToken(userId: string, purpose: "invite" | "reset", createdBy: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const db = await getDb();
  // A new link replaces any unused one of the same purpose.
  await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  await db.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + (purpose === "invite" ? INVITE_TTL_MS : RESET_TTL_MS)),
    createdBy,
    createdAt: now,
  });
  return token;
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
 * Creates a user (with no usable password) and returns a one-time invitation token.
 * @throws AppError: forbidden (not an admin), bad_request, conflict (e-mail taken).
 */
export async function inviteUser(viewer: Viewer, raw: unknown, now = new Date()): Promise<{ userId: string; token: string; email: string }> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can invite people.");
  const input = parseInput(inviteSchema, raw);
  const db = await getDb();
  const userId = await db.transaction(async (tx) => {
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
    return row!.id;
  });
  return { userId, token: await issueToken(userId, "invite", viewer.id, now), email: input.email };
}

/** A one-time password-reset token for a user (admins). @throws AppError(forbidden | not_found) */
export async function createResetLink(viewer: Viewer, userId: string, now = new Date()): Promise<string> {
  if (!can(viewer.role, "user:manage")) throw new AppError("forbidden", "Only admins can reset passwords.");
  if (!z.uuid().safeParse(userId).success) throw new AppError("not_found", "No such user.");
  const db = await getDb();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("not_found", "No such user.");
  await db.insert(auditLog).values({ actorId: viewer.id, action: "user.reset_link", entityType: "user", entityId: userId });
  return issueToken(userId, "reset", viewer.id, now);
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

/**
 * Sets a password through a one-time link and uses the link up. Ends other sessions.
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
  if (!open) return refuse("This link has expired or was already used. Ask an admin for a new one.");
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: userTokens.id, userId: userTokens.userId, expiresAt: userTokens.expiresAt, usedAt: userTokens.usedAt })
      .from(userTokens)
      .where(eq(userTokens.tokenHash, hashToken(token)))
      .limit(1);
    if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
      throw new AppError("bad_request", "This link has expired or was already used. Ask an admin for a new one.");
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
    await tx.insert(auditLog).values({ actorId: user.id, action: "user.password_set", entityType: "user", entityId: user.id });
    return user.email;
  });
}

/** Spends every open link of a user (password changed elsewhere, account deactivated). */
export async function revokeUserTokens(userId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
}
