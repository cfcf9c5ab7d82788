/**
 * "Forgot password?": anyone may ask for a reset link for an address, and the answer never
 * tells whether an account uses it (OWASP Forgot Password Cheat Sheet: "return a consistent
 * message for both existent and non-existent accounts", and "ensure that responses return in
 * a consistent amount of time"). The request is taken in two steps:
 *
 * 1. `acceptResetRequest` checks the address's form and the rate limits and records the
 *    request: the same work for every address, known or not; the page answers after this.
 * 2. `issuePasswordReset` (run after the answer is sent) looks the address up and, for an
 *    active account only, writes a single-use reset link that works for one hour, spends the
 *    account's earlier unused reset links, and queues the mail with the link (kind "reset")
 *    in the same transaction (the cheat sheet's "single use and expire after an appropriate
 *    period"). A deactivated or unknown address gets nothing.
 *
 * Requests are counted in `login_attempts` under their own key, `(password reset) <address>`,
 * with success = true so they never count as failed sign-ins (those count failures only).
 */
import "server-only";
import { and, desc, eq, gt, like } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { auditLog, loginAttempts, users } from "@/db/schema";
import { normalizeEmail } from "@/lib/auth/credentials";
import { retryAfterSeconds } from "@/lib/auth/rate-limit";
import { AppError, parseInput } from "@/lib/errors";
import { enqueueMail, nudgeMailWorker } from "@/lib/mail/outbox";
import { cleanText } from "@/lib/text/clean";
import { countOf } from "@/lib/text/count";
import { resetMail } from "./account-mail";
import { issueToken, mailSite } from "./invites";

/** How long a self-service reset link works. */
export const SELF_RESET_TTL_MS = 3_600_000;
/** The window the request limits count over. */
export const RESET_REQUEST_WINDOW_MS = 3_600_000;
/** Requests for one address per window. */
export const MAX_RESET_REQUESTS_PER_ADDRESS = 3;
/** Requests from one client address per window. */
export const MAX_RESET_REQUESTS_PER_IP = 10;

/** The one answer to every accepted request, whether or not an account uses the address. */
export const RESET_REQUEST_ANSWER = "If an account uses that address, we've sent a link to reset its password. It works once, for an hour.";

/** The `login_attempts.email` key of a reset request for `address`. */
const KEY_PREFIX = "(password reset) ";

const requestSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address." })
    .transform((v) => normalizeEmail(cleanText(v)))
    .pipe(z.string().min(1, "Enter your e-mail address.").pipe(z.email("Enter an e-mail address, like name@example.org.").max(320, "That address is too long."))),
});

async function recent(where: ReturnType<typeof and>, now: Date, max: number): Promise<Date[]> {
  const db = await getDb();
  const rows = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(where, gt(loginAttempts.createdAt, new Date(now.getTime() - RESET_REQUEST_WINDOW_MS))))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(max);
  return rows.map((r) => r.at);
}

/**
 * Step 1: validates `raw.email`, applies the limits (MAX_RESET_REQUESTS_PER_ADDRESS per
 * address and MAX_RESET_REQUESTS_PER_IP per client address, per hour) and records the
 * request. Does not look at the users table: its cost is the same for every address.
 * @param raw `{ email }` as typed.
 * @param ip the client's address ("unknown" when none is known).
 * @param now the instant of the request.
 * @returns the normalised address, for `issuePasswordReset`.
 * @throws AppError bad_request with `fields.email` for a missing or malformed address;
 *   rate_limited (with the wait in minutes) when the address or the client is over its limit.
 *   A held request is not recorded.
 */
export async function acceptResetRequest(raw: unknown, ip: string, now = new Date()): Promise<{ email: string }> {
  const { email } = parseInput(requestSchema, raw);
  const key = `${KEY_PREFIX}${email}`;
  const wait = Math.max(
    retryAfterSeconds(await recent(eq(loginAttempts.email, key), now, MAX_RESET_REQUESTS_PER_ADDRESS), MAX_RESET_REQUESTS_PER_ADDRESS, now, RESET_REQUEST_WINDOW_MS),
    retryAfterSeconds(
      await recent(and(eq(loginAttempts.ip, ip), like(loginAttempts.email, `${KEY_PREFIX}%`)), now, MAX_RESET_REQUESTS_PER_IP),
      MAX_RESET_REQUESTS_PER_IP,
      now,
      RESET_REQUEST_WINDOW_MS,
    ),
  );
  if (wait > 0) {
    const minutes = countOf(Math.max(1, Math.ceil(wait / 60)), "minute", "minutes");
    throw new AppError("rate_limited", `Too many reset requests for this address or from your network. Try again in ${minutes}, or ask an admin for a reset link.`);
  }
  const db = await getDb();
  await db.insert(loginAttempts).values({ email: key, ip, success: true, createdAt: now });
  return { email };
}

/**
 * Step 2: for an active account with address `email`, a reset link (1 hour, single use; the
 * account's earlier unused reset links stop working) and its mail, queued in one transaction;
 * the mail worker is nudged after the commit. Unknown and deactivated addresses get nothing.
 * @param email a normalised address from `acceptResetRequest`.
 * @returns whether a mail was queued (never shown to the person asking).
 */
export async function issuePasswordReset(email: string, ip = "unknown", now = new Date()): Promise<boolean> {
  const site = await mailSite();
  const db = await getDb();
  const queued = await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, name: users.name, email: users.email, active: users.active }).from(users).where(eq(users.email, email)).limit(1);
    if (!user || !user.active) return false;
    const link = await issueToken(tx, user.id, "reset", null, now, SELF_RESET_TTL_MS);
    await enqueueMail(tx, { kind: "reset", to: user.email, toUserId: user.id, ...resetMail(site, { name: user.name, ...link }) });
    await tx.insert(auditLog).values({ actorId: user.id, action: "user.reset_requested", entityType: "user", entityId: user.id, details: { ip }, createdAt: now });
    return true;
  });
  if (queued) nudgeMailWorker();
  return queued;
}
