/**
 * `npm run user:create -- --email you@example.org --role admin [--name "Your Name"] [--password …]`
 * Creates a real user for a production install. Without --password it asks for one on a
 * terminal, or generates a strong one and prints it once when there is no terminal.
 */
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { closeDatabase, getDatabase } from "@/db/handle";
import { runMigrations } from "@/db/migrate";
import { createUser } from "@/lib/users/store";
import type { UserRole } from "@/db/schema";

loadEnvConfig(process.cwd());

const ROLES: UserRole[] = ["writer", "editor", "admin"];

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question("Password (at least 10 characters; empty to generate one): ");
    return answer.trim() ? answer : null;
  } finally {
    rl.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  if (!values.email || !values.role || !ROLES.includes(values.role as UserRole)) {
    console.error('Usage: npm run user:create -- --email you@example.org --role admin|editor|writer [--name "Name"] [--password …]');
    process.exit(2);
  }
  let password = values.password ?? (await askPassword());
  const generated = !password;
  password ??= randomBytes(18).toString("base64url");
  await runMigrations(await getDatabase());
  try {
    await createUser({ email: values.email, name: values.name ?? "", role: values.role as UserRole, password });
    console.log(`Created ${values.role} ${values.email.trim().toLowerCase()}.`);
    if (generated) console.log(`Generated password (shown once, change it after signing in): ${password}`);
  } finally {
    await closeDatabase();
  }
}

main().catch((e: unknown) => {
  console.error(`user:create failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
