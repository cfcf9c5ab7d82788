/**
 * Auth.js needs AUTH_SECRET to sign session cookies. When it is neither in the environment
 * nor in .env.local, a random one is generated into .env.local (which git ignores), once.
 * Exported for start.mjs; runnable on its own (`npm run dev` calls it).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function ensureAuthSecret(root = path.resolve(import.meta.dirname, "..")) {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, ".env.local");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (/^AUTH_SECRET=.+/m.test(current)) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  const line = `${current && !current.endsWith("\n") ? "\n" : ""}# Signs session cookies. Generated on first start; keep it secret.\nAUTH_SECRET=${secret}\n`;
  fs.appendFileSync(file, line, { mode: 0o600 });
  console.log("Generated AUTH_SECRET into .env.local");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureAuthSecret();
