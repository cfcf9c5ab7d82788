/**
 * Lighthouse rows for `npm run bench`: runs bench/lighthouse.mjs (plain Node; see there) on the
 * given absolute URLs and returns its rows in the same order (`{ error }` where Lighthouse
 * refused a page, as it does any page with an error status).
 * @throws when the audit process fails (Chromium missing, a page that does not load).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

/** One page's scores (0–100), timings (ms), layout shift, and the ids of binary audits it failed. */
export type LighthouseResult = LighthouseRow | { error: string };

export interface LighthouseRow {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failedAudits: string[];
}

export function lighthouseRows(urls: string[]): LighthouseResult[] {
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, "lighthouse.mjs"), ...urls], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`Lighthouse failed (exit ${run.status})`);
  return JSON.parse(run.stdout) as LighthouseResult[];
}
