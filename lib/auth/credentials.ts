/**
 * Checking an e-mail and password, with rate limits stored in the database (so they hold
 * across restarts and instances). Answers never tell whether an account exists: unknown
 * e-mail, wrong password and deactivated account all read "invalid", and an unknown e-mail
 * still costs one argon2 verification.
 */
import "server-only";
import { and, desc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts, users, type UserRole } from "@/db/schema";
import { DUMMY_HASH, verifyPassword } from "./password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, retryAfterSeconds, WINDOW_MS } from "./rate-limit";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  sessionVersion: number;
}

export type CredentialsResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** E-mail addresses are compared trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function recentFailures(column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string, now: Date, max: number) {
  const db = await getDb();
  const rows = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.success, false), gt(loginAttempts.createdAt, new Date(now.getTime() - WINDOW_MS))))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(max);
  return rows.map((r) => r.at);
}

/**
 * Verifies credentials and records the attempt.
 * @param ip the client address as best known ("unknown" when none).
 * @param now the instant of the attempt (tests pass a clock).
 */
export async function verifyCredentials(emailInput: string, password: string, ip: string, now = new Date()): Promise<CredentialsResult> {
  const email = normalizeEmail(emailInput).slice(0, 320);
  const db = await getDb();
  const wait = Math.max(
    retryAfterSeconds(await recentFailures(loginAttempts.email, email, now, MAX_FAILURES_PER_ACCOUNT), MAX_FAILURES_PER_ACCOUNT, now),
    retryAfterSeconds(await recentFailures(loginAttempts.ip, ip, now, MAX_FAILURES_PER_IP), MAX_FAILURES_PER_IP, now),
  );
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };

  const [user] = email ? await db.select().from(users).where(eq(users.email, email)).limit(1) : [];
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const ok = !!user && passwordOk && user.active;
  await db.insert(loginAttempts).values({ email, ip, success: ok, createdAt: now });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  // Old attempts are only needed for the window; trim them on success.
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now.getTime() - 24 * 3_600_000)));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
