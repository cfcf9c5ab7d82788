import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { DOCUMENT_CACHE_CONTROL, READER_PAGE_EXPIRE_SECONDS, READER_PAGE_REVALIDATE_SECONDS } from "./http-cache";

const appRoot = path.resolve(__dirname, "../../app");

/** Every `export const revalidate = …` in app/, with the file it is in. */
function revalidateExports(): { file: string; value: string }[] {
  const files = fs.readdirSync(appRoot, { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|tsx)$/.test(f));
  return files.flatMap((file) => {
    const text = fs.readFileSync(path.join(appRoot, file), "utf8");
    return [...text.matchAll(/export const revalidate\s*=\s*([^;\n]+)/g)].map((m) => ({ file, value: m[1]!.trim() }));
  });
}

/** Next reads `revalidate` as a literal, so each cached page repeats the number: keep them equal. */
describe("reader cache lifetimes", () => {
  it("every `export const revalidate` in app/ is READER_PAGE_REVALIDATE_SECONDS, as a literal", () => {
    const found = revalidateExports();
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const { file, value } of found) expect(value, file).toBe(String(READER_PAGE_REVALIDATE_SECONDS));
  });

  it("next.config's expireTime is READER_PAGE_EXPIRE_SECONDS", () => {
    expect(nextConfig.expireTime).toBe(READER_PAGE_EXPIRE_SECONDS);
  });

  it("documents are kept by shared caches exactly as long as reader pages", () => {
    expect(DOCUMENT_CACHE_CONTROL).toBe(`public, max-age=0, s-maxage=${READER_PAGE_REVALIDATE_SECONDS}, must-revalidate`);
  });

  it("keeps a CDN copy only a few seconds past its freshness", () => {
    expect(READER_PAGE_REVALIDATE_SECONDS).toBeLessThanOrEqual(10);
    expect(READER_PAGE_EXPIRE_SECONDS).toBeGreaterThan(READER_PAGE_REVALIDATE_SECONDS);
    expect(READER_PAGE_EXPIRE_SECONDS).toBeLessThanOrEqual(30);
  });
});
