/**
 * Password hashing with argon2id (@node-rs/argon2, its defaults: m=19456 KiB, t=2, p=1 —
 * the OWASP Password Storage Cheat Sheet's first recommended argon2id setting).
 */
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password. @returns a PHC string ("$argon2id$v=19$..."). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored hash; false (never throws) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so both paths take as long. */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$KllcJsmMi9/D2tfqqvHWow$uPCJyrKmpDQv3cVBpBeKFEZzXfzUvkfYk3HoCfILxUk";

/** Reasons a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 512) return "Use at most 512 characters.";
  return null;
}
