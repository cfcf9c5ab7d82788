/**
 * Local validators for the distribution tests:
 * - `xmllint --noout` (libxml2, Debian's libxml2-utils): strict XML well-formedness, and with
 *   `--schema` validity against e2e/schemas/*.xsd;
 * - the W3C Nu HTML Checker (the `vnu-jar` npm package, run with the installed Java).
 * Both are installed by scripts/ensure-tools.mjs before the suite runs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LighthouseResult } from "../bench/lighthouse";

const SCHEMAS = path.resolve(__dirname, "schemas");

/** Runs xmllint on `xml`. @returns ok and xmllint's messages (empty when ok). */
export function xmllint(xml: string, schema?: "sitemap" | "siteindex"): { ok: boolean; messages: string } {
  const args = ["--noout", "--nonet", ...(schema ? ["--schema", path.join(SCHEMAS, `${schema}.xsd`)] : []), "-"];
  const r = spawnSync("xmllint", args, { input: xml, encoding: "utf8" });
  if (r.error) throw new Error(`xmllint could not run (${r.error.message}); install Debian's libxml2-utils`);
  const messages = `${r.stdout}${r.stderr}`.replace(/^- validates\n?$/m, "").trim();
  return { ok: r.status === 0, messages };
}

export interface NuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  extract?: string;
}

/**
 * Checks HTML documents with the Nu HTML Checker in one Java run.
 * @param docs name → HTML text.
 * @returns the messages of type "error" (and fatal "non-document-error"s), with the doc name as url.
 */
export function nuErrors(docs: Record<string, string>): NuMessage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vnu-"));
  const files = Object.entries(docs).map(([name, html], i) => {
    const file = path.join(dir, `${i}.html`);
    fs.writeFileSync(file, html);
    return { file, name };
  });
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  const r = spawnSync("java", ["-jar", jar, "--format", "json", "--exit-zero-always", ...files.map((f) => f.file)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`java could not run (${r.error.message}); install a Java runtime`);
  fs.rmSync(dir, { recursive: true, force: true });
  const { messages } = JSON.parse(r.stderr || r.stdout) as { messages: NuMessage[] };
  const byFile = new Map(files.map((f) => [`file:${f.file}`, f.name]));
  return messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => ({ ...m, url: byFile.get(m.url) ?? m.url }));
}

/**
 * Lighthouse's mobile audit (bench/lighthouse.mjs, in Debian's Chromium) of absolute URLs,
 * narrowed to `categories`.
 * @returns one row per URL, in order: scores 0–100 and the binary audits failed, or `{ error }`
 *   for a page Lighthouse refused.
 * @throws when Chromium or Lighthouse fails.
 */
export function lighthouseAudit(urls: string[], categories: string[]): LighthouseResult[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, "..", "bench", "lighthouse.mjs"), ...urls], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, LIGHTHOUSE_CATEGORIES: categories.join(",") },
  });
  if (r.status !== 0) throw new Error(`Lighthouse failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as LighthouseResult[];
}
