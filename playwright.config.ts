import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against `next start` (never `next dev`) with a fresh
 * embedded database prepared by e2e/start-server.mjs.
 *
 * One free port is picked in the main process and handed to workers through the
 * environment (the config is evaluated again in each worker).
 */
if (!process.env.E2E_PORT) {
  process.env.E2E_PORT = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    // Signs in once per role and saves each session (e2e/auth.setup.ts).
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    // Screenshots compared with committed ones (e2e/visual.spec.ts), taken before any other
    // test changes the prepared newsroom.
    { name: "visual", testMatch: /visual\.spec\.ts/, use: { browserName: "chromium" }, dependencies: ["setup"] },
    { name: "chromium", testIgnore: /visual\.spec\.ts/, use: { browserName: "chromium" }, dependencies: ["setup", "visual"] },
  ],
  webServer: {
    command: "node e2e/start-server.mjs",
    url: `${baseURL}/about`,
    // The WordPress import test serves its old site's photos from 127.0.0.1.
    env: { PORT: String(port), SITE_URL: baseURL, IMPORT_ALLOW_PRIVATE_MEDIA: "1", WEBHOOK_ALLOW_PRIVATE: "1" },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
