/**
 * `npm test`: everything the README promises, in order — type check, lint, Vitest (unit and
 * data-layer; also on PostgreSQL when TEST_DATABASE_URL is set), a production build, and the
 * Playwright suite in Debian's Chromium. Stops at the first failing step and exits non-zero.
 * Ends with one line "N passed, N failed" counting Vitest and Playwright tests.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const vitestJson = path.join(results, "vitest.json");
const playwrightJson = path.join(results, "playwright.json");
fs.rmSync(vitestJson, { force: true });
fs.rmSync(playwrightJson, { force: true });

const steps = [
  ["type check", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", ".", "--max-warnings=0"]],
  ["unit and data-layer tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]],
  ["system tools (Chromium, xmllint, Java)", "node", ["scripts/ensure-tools.mjs"]],
  ["production build", "npm", ["run", "build"]],
  ["end-to-end tests", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
  // A small run of `npm run bench` (300 stories, 1 s per URL) so the benchmark keeps working;
  // on PostgreSQL when TEST_DATABASE_URL is set, which adds the publish-under-load check.
  [
    "benchmark smoke run",
    "npx",
    ["tsx", "--conditions=react-server", "bench/site.ts", "--no-build", "--stories", "300", "--duration", "1", "--connections", "2", "--no-lighthouse", ...(process.env.TEST_DATABASE_URL ? ["--pg", process.env.TEST_DATABASE_URL] : [])],
  ],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(vitestJson)) {
    const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
  }
  if (fs.existsSync(playwrightJson)) {
    const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8"));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
  }
  return { passed, failed };
}

const started = Date.now();
for (const [name, cmd, args, extraEnv] of steps) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    const { passed, failed } = counts();
    console.log(`\nnpm test stopped at "${name}" after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(r.status ?? 1);
  }
}
const { passed, failed } = counts();
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
