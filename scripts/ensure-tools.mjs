/**
 * Finds the system tools the browser and validator tests need, and installs Debian's packages
 * for the missing ones when we are root on Debian:
 * - Chromium for Playwright ($CHROMIUM_PATH, else /usr/bin/chromium; package `chromium`) —
 *   Playwright's own browser download cannot work on machines without general internet access;
 * - xmllint for strict XML and schema checks of feeds and sitemaps (package `libxml2-utils`);
 * - Java for the W3C Nu HTML Checker (vnu-jar) (package `default-jre-headless`).
 * Otherwise stops with the one command that installs what is missing.
 */
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const onPath = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

const tools = [
  { name: "Chromium", pkg: "chromium", present: () => fs.existsSync(chromium) },
  { name: "xmllint", pkg: "libxml2-utils", present: () => onPath("xmllint") },
  { name: "Java", pkg: "default-jre-headless", present: () => onPath("java") },
];

let missing = tools.filter((t) => !t.present());
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && onPath("apt-get")) {
  const pkgs = missing.map((t) => t.pkg).join(" ");
  console.log(`Missing ${missing.map((t) => t.name).join(", ")}: installing Debian's ${pkgs} (apt-get) ...`);
  try {
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`, { stdio: "inherit" });
  } catch {
    /* reported below */
  }
  missing = tools.filter((t) => !t.present());
  if (missing.length === 0) process.exit(0);
}
console.error(
  `\nMissing: ${missing.map((t) => t.name).join(", ")}. Install with:\n\n    sudo apt-get update && sudo apt-get install -y ${missing.map((t) => t.pkg).join(" ")}\n\n` +
    (missing.some((t) => t.pkg === "chromium") ? `or point CHROMIUM_PATH at a Chromium/Chrome binary (looked for ${chromium}), ` : "") +
    "then run the tests again.\n",
);
process.exit(1);
