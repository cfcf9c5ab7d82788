import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { READER_PAGE_EXPIRE_SECONDS, READER_PAGE_REVALIDATE_SECONDS } from "./http-cache";

/** Next reads `revalidate` as a literal, so each reader page repeats the number: keep them equal. */
describe("reader page cache lifetimes", () => {
  const root = path.resolve(__dirname, "../../app/(site)");
  const pages = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("page.tsx"));

  it("every cached reader page revalidates after READER_PAGE_REVALIDATE_SECONDS", () => {
    const cached = pages.filter((f) => /export const revalidate = /.test(fs.readFileSync(path.join(root, f), "utf8")));
    expect(cached.length).toBeGreaterThanOrEqual(5);
    for (const f of cached) {
      const value = /export const revalidate = (\d+);/.exec(fs.readFileSync(path.join(root, f), "utf8"))?.[1];
      expect(Number(value), f).toBe(READER_PAGE_REVALIDATE_SECONDS);
    }
  });

  it("keeps a CDN copy only a few seconds past its freshness", () => {
    expect(READER_PAGE_REVALIDATE_SECONDS).toBeLessThanOrEqual(10);
    expect(READER_PAGE_EXPIRE_SECONDS).toBeGreaterThan(READER_PAGE_REVALIDATE_SECONDS);
    expect(READER_PAGE_EXPIRE_SECONDS).toBeLessThanOrEqual(30);
  });
});
