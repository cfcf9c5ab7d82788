/**
 * Playwright's web server: prepares a fresh embedded database (migrations, the demo seed,
 * and the e2e fixtures from e2e/prepare-data.ts), then serves the *built* site with
 * scripts/serve.mjs (`npm start`'s server) on $PORT. The database lives in a temporary directory removed on exit.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-e2e-"));
const env = {
  ...process.env,
  DATA_DIR: path.join(dataDir, "db"),
  DATABASE_URL: "",
  AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  DEMO_PASSWORD: process.env.DEMO_PASSWORD || "newsroom-demo",
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (npm run test:e2e does).");
  process.exit(1);
}

const prep = spawnSync(bin("tsx"), ["--conditions=react-server", "e2e/prepare-data.ts"], { cwd: root, env, stdio: "inherit" });
if (prep.status !== 0) process.exit(prep.status ?? 1);

const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", process.env.PORT ?? "3000", "-H", "127.0.0.1"], { cwd: root, env, stdio: "inherit" });
const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
