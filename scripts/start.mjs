/**
 * `npm start`: serves the built site on $PORT (default 3000). With the embedded database
 * (no DATABASE_URL), migrations run and an empty database gets the demo newsroom first.
 * Generates AUTH_SECRET into .env.local when missing. Prints the URL and the demo logins.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureAuthSecret } from "./ensure-secret.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT || "3000";

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build yet: run `npm run build` first (or `npm run go`, which does everything).");
  process.exit(1);
}

ensureAuthSecret(root);

const seedArgs = ["--conditions=react-server", "scripts/cli/seed.ts", "--if-empty"];
const seeded = spawnSync(bin("tsx"), seedArgs, { cwd: root, stdio: "inherit" });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", port], { cwd: root, stdio: ["inherit", "pipe", "inherit"] });
let announced = false;
server.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready/.test(String(chunk))) {
    announced = true;
    console.log(`\n  Newsroom is running: open http://localhost:${port}/\n`);
  }
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
