/**
 * Finds a Chromium for Playwright: $CHROMIUM_PATH, else /usr/bin/chromium. When missing and
 * we are root on Debian, installs Debian's `chromium` package (Playwright's own browser
 * download cannot work on machines without general internet access). Otherwise stops with
 * the one command that installs it.
 */
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const wanted = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log("Chromium not found: installing Debian's chromium package (apt-get) ...");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } catch {
    /* reported below */
  }
  if (fs.existsSync(wanted)) process.exit(0);
}
console.error(
  `\nNo Chromium at ${wanted}. Install one with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n` +
    "or point CHROMIUM_PATH at a Chromium/Chrome binary, then run the tests again.\n",
);
process.exit(1);
