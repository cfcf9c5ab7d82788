/**
 * The application's database access point (server-only). See db/handle.ts for why there is
 * exactly one handle per process.
 */
import "server-only";
import type { Db } from "./client";
import { getDatabase } from "./handle";

export type { Db } from "./client";
export { getDatabase } from "./handle";

/** The Drizzle database of this process. @throws on connection or lock failure. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
