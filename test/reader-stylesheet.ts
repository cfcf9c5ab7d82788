/**
 * For tests that render reader pages: the reader stylesheet is built after `next build`, and
 * the unit tests may run before it. Writes a tiny stand-in for the file while the test file
 * runs, when there is none, and removes it after (a built one is left alone).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Call at the top level of a test file that renders reader pages. */
export function withReaderStylesheet(): void {
  const cssFile = path.join(process.cwd(), ".next", "reader", "site.css");
  let wrote = false;
  beforeAll(() => {
    if (fs.existsSync(cssFile)) return;
    fs.mkdirSync(path.dirname(cssFile), { recursive: true });
    fs.writeFileSync(cssFile, "body{margin:0}");
    wrote = true;
  });
  afterAll(() => {
    if (wrote) fs.rmSync(cssFile);
  });
}
