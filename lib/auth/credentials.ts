/**
 * Checking an e-mail and password, with rate limits stored in the database (so they hold
 * across restarts and instances). Answers never tell whether an account exists: unknown
 * e-mail, wrong password and deactivated account all read "invalid", and an unknown e-mail
 * still costs one argon2 verification.
 */
import "server-only";
import { and, desc, eq, gt, lt, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, loginAttempts, users, type UserRole } from "@/db/schema";
import { DUMMY_HASH, verifyPassword } from "./password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, MAX_FAILURES_PER_KNOWN_DEVICE, retryAfterSeconds, WINDOW_MS } from "./rate-limit";

/** The `ip` recorded for attempts from a known device (they have their own limit). */
const KNOWN_DEVICE = "known-device";

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

async function recentFailures(where: ReturnType<typeof and>, now: Date, max: number) {
  const db = await getDb();
  const rows = await db
    .select({ at: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.success, false), gt(loginAttempts.createdAt, new Date(now.getTime() - WINDOW_MS))))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(max);
  return rows.map((r) => r.at);
}

/**
 * Verifies credentials and records the attempt.
 * @param ip the client address as best known ("unknown" when none).
 * @param now the instant of the attempt (tests pass a clock).
 * @param knownDevice the browser proved it signed in to this account before (device cookie).
 */
export async function verifyCredentials(
  emailInput: string,
  password: string,
  ip: string,
  now = new Date(),
  { knownDevice = false }: { knownDevice?: boolean } = {},
): Promise<CredentialsResult> {
  const email = normalizeEmail(emailInput).slice(0, 320);
  const db = await getDb();
  const wait = knownDevice
    ? retryAfterSeconds(
        await recentFailures(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, KNOWN_DEVICE)), now, MAX_FAILURES_PER_KNOWN_DEVICE),
        MAX_FAILURES_PER_KNOWN_DEVICE,
        now,
      )
    : Math.max(
        retryAfterSeconds(
          await recentFailures(and(eq(loginAttempts.email, email), ne(loginAttempts.ip, KNOWN_DEVICE)), now, MAX_FAILURES_PER_ACCOUNT),
          MAX_FAILURES_PER_ACCOUNT,
          now,
        ),
        retryAfterSeconds(await recentFailures(and(eq(loginAttempts.ip, ip)), now, MAX_FAILURES_PER_IP), MAX_FAILURES_PER_IP, now),
      );
  if (wait > 0) {
    await db.insert(auditLog).values({ action: "auth.sign_in_held", entityType: "user", entityId: email, details: { ip }, createdAt: now });
    return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };
  }

  const [user] = email ? await db.select().from(users).where(eq(users.email, email)).limit(1) : [];
  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  const ok = !!user && passwordOk && user.active;
  await db.insert(loginAttempts).values({ email, ip: knownDevice ? KNOWN_DEVICE : ip, success: ok, createdAt: now });
  await db.insert(auditLog).values({
    actorId: ok && user ? user.id : null,
    action: ok ? "auth.sign_in" : "auth.sign_in_failed",
    entityType: "user",
    entityId: email,
    details: { ip, knownDevice },
    createdAt: now,
  });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  // Old attempts are only needed for the window; trim them on success.
  await db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now.getTime() - 24 * 3_600_000)));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}
