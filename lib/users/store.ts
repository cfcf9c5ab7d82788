/**
 * System-level user writes for the seed and the `user:create` command. The admin screens
 * (issue: people admin) wrap these with permission checks. Never call from a page or action.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { bylines, users, type UserRole } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword, passwordProblem } from "@/lib/auth/password";

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
  /** Link this existing byline (by slug) to the user. */
  bylineSlug?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a user (argon2id password hash), optionally linked to a byline.
 * @returns the new user's id.
 * @throws AppError(bad_request) for a bad e-mail or weak password; AppError(conflict) when
 *   the e-mail is taken.
 */
export async function createUser(input: NewUser, db?: Db): Promise<string> {
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw new AppError("bad_request", `"${input.email}" is not an e-mail address`, { email: "Invalid" });
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("bad_request", problem, { password: problem });
  const name = input.name.trim() || email.split("@")[0]!;
  const d = db ?? (await getDb());
  const passwordHash = await hashPassword(input.password);
  return d.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (taken) throw new AppError("conflict", `A user with the e-mail ${email} exists`, { email: "Taken" });
    const [row] = await tx.insert(users).values({ email, name, role: input.role, passwordHash, joinedAt: new Date() }).returning({ id: users.id });
    if (input.bylineSlug) {
      await tx.update(bylines).set({ userId: row!.id, updatedAt: new Date() }).where(eq(bylines.slug, input.bylineSlug));
    }
    return row!.id;
  });
}

/** The user with this e-mail, or null. */
export async function findUserByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return row ?? null;
}
