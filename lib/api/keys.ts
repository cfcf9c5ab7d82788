/**
 * Keys of the read-only content API: created by admins (desk or CLI), shown once, stored as
 * their SHA-256, revoked (never deleted: the list keeps who had access and when).
 * A key looks like `nr_` + 32 base64url characters (192 random bits from the operating
 * system's CSPRNG); requests send it as `Authorization: Bearer <key>` (RFC 6750 §2.1).
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { apiKeys, auditLog, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { cleanText } from "@/lib/text/clean";

/** How long a key's "last used" may lag behind its real last use, in milliseconds. */
export const LAST_USED_PRECISION_MS = 60_000;

const KEY_PATTERN = /^nr_[A-Za-z0-9_-]{32}$/;

/** SHA-256 (hex) of a key, as stored. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const nameSchema = z.object({
  name: z
    .string()
    .transform((s) => cleanText(s).trim())
    .pipe(z.string().min(1, "Give the key a name (who or what uses it, e.g. “Mobile app”).").max(100, "A key's name is at most 100 characters.")),
});

/**
 * Creates a key. The caller shows `key` once; it cannot be read again.
 * @param actorId the admin creating it (null from the CLI), for the audit log.
 * @throws AppError bad_request for an empty or too long name.
 */
export async function createApiKey(db: Db, input: { name: string; actorId: string | null }): Promise<{ id: string; key: string; prefix: string; name: string }> {
  const { name } = parseInput(nameSchema, { name: input.name });
  const key = `nr_${randomBytes(24).toString("base64url")}`;
  const prefix = key.slice(0, 9);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ name, prefix, keyHash: hashApiKey(key), createdBy: input.actorId }).returning({ id: apiKeys.id });
    await tx.insert(auditLog).values({ actorId: input.actorId, action: "apikey.create", entityType: "api_key", entityId: row!.id, details: { name, prefix } });
    return { id: row!.id, key, prefix, name };
  });
}

/**
 * The key a request presents, if it is valid and not revoked; records its use (at most once
 * per LAST_USED_PRECISION_MS).
 * @param authorization the request's Authorization header (null when absent).
 * @returns the key's id and name, or null.
 */
export async function verifyApiKey(authorization: string | null, now = new Date()): Promise<{ id: string; name: string } | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!m || !KEY_PATTERN.test(m[1]!)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(m[1]!)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    // Re-checked in the update, which sees the row as committed by then: a revocation that
    // commits after the select above leaves "last used" as it was (the key list must not show
    // a use after the revocation), and of concurrent requests only the first writes.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), isNull(apiKeys.revokedAt), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
  }
  return { id: row.id, name: row.name };
}

function requireManager(viewer: Viewer): void {
  if (!can(viewer.role, "api:manage")) throw new AppError("forbidden", "Only admins can manage API keys.");
}

/** All keys, newest first, with who created them. @throws AppError forbidden for non-admins */
export async function listApiKeys(viewer: Viewer): Promise<(ApiKeyRow & { createdByName: string | null })[]> {
  requireManager(viewer);
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt))
    .limit(500);
}

/** Creates a key from the desk. @throws AppError forbidden, bad_request */
export async function createApiKeyFromDesk(viewer: Viewer, name: string): Promise<{ id: string; key: string; prefix: string; name: string }> {
  requireManager(viewer);
  return createApiKey(await getDb(), { name, actorId: viewer.id });
}

/**
 * Revokes a key: requests with it get 401 from the next one on. Audited.
 * @throws AppError forbidden for non-admins, not_found for an unknown or already revoked key
 */
export async function revokeApiKey(viewer: Viewer, id: string): Promise<void> {
  requireManager(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "There is no such API key.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) throw new AppError("not_found", "There is no such API key, or it was revoked already.");
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "apikey.revoke", entityType: "api_key", entityId: id, details: row });
  });
}
