/**
 * `npm run go`: from a fresh clone to a running newsroom in one command. Installs the npm
 * packages (npm ci) when they are missing or stale, builds the site when the build is
 * missing or older than the code, then starts it (migrations and the demo seed run on the
 * way; see scripts/start.mjs). Uses the embedded database unless DATABASE_URL is set.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit" });
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : mtime(p));
  }
  return newest;
}

const installed = path.join(root, "node_modules", ".package-lock.json");
if (mtime(installed) < mtime(path.join(root, "package-lock.json"))) {
  console.log("Installing packages (npm ci) ...");
  run("npm ci");
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "public"].map((d) => path.join(root, d)).filter(fs.existsSync);
const rootFiles = ["next.config.ts", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
const codeChanged = Math.max(...sources.map(newestSource), ...rootFiles.map((f) => mtime(path.join(root, f)))) > mtime(buildId);
if (!fs.existsSync(buildId) || codeChanged) {
  console.log("Building the site (npm run build) ...");
  run("npm run build");
}

await import("./start.mjs");
