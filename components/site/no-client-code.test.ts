import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Reader pages ship no client components of our own (fast, cacheable, readable without
// JavaScript): nothing under
// the reader routes or the reader components may opt into client rendering, and reader code
// may not import from the desk's client components.
const root = path.resolve(__dirname, "../..");
const readerDirs = ["app/(site)", "components/site"];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(tsx?|jsx?)$/.test(e.name) ? [p] : [];
  });
}

describe("reader pages", () => {
  const sources = readerDirs.flatMap((d) => files(path.join(root, d)));

  it("have source files to check", () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources.map((f) => path.relative(root, f)))("%s is server-only code", (rel) => {
    const text = fs.readFileSync(path.join(root, rel), "utf8");
    expect(text).not.toMatch(/^\s*["']use client["']/m);
    expect(text).not.toMatch(/from ["']@\/components\/(dashboard|editor)\//);
  });
});
