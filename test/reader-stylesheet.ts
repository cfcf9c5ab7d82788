/**
 * For tests that render reader pages: the reader stylesheet and font are built after `next
 * build`, and the unit tests may run before it. Writes tiny stand-ins for the files while the
 * test file runs, when there are none, and removes them after (built ones are left alone).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Call at the top level of a test file that renders reader pages. */
export function withReaderStylesheet(): void {
  const cssFile = path.join(process.cwd(), ".next", "reader", "site.css");
  const fontDir = path.join(process.cwd(), ".next", "reader", "fonts");
  let wroteCss = false;
  let wroteFont = false;
  beforeAll(() => {
    if (!fs.existsSync(cssFile)) {
      fs.mkdirSync(path.dirname(cssFile), { recursive: true });
      fs.writeFileSync(cssFile, "body{margin:0}");
      wroteCss = true;
    }
    if (!fs.existsSync(fontDir)) {
      fs.mkdirSync(fontDir, { recursive: true });
      fs.writeFileSync(path.join(fontDir, "vazirmatn-arabic-stand-in-000000.woff2"), "");
      wroteFont = true;
    }
  });
  afterAll(() => {
    if (wroteCss) fs.rmSync(cssFile);
    if (wroteFont) fs.rmSync(fontDir, { recursive: true });
  });
}
