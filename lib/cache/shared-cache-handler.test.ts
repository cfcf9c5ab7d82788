import { describe, expect, it } from "vitest";
import { READER_PAGE_EXPIRE_SECONDS, READER_PAGE_REVALIDATE_SECONDS } from "@/lib/site/http-cache";
import { EXPIRE_AFTER_STALE_SECONDS, keyPrefixFor, routeEntryTags } from "./shared-cache-handler.mjs";

describe("shared cache (Redis) settings", () => {
  it("keeps a stale reader page in Redis exactly as long as Next may serve it (expireTime − revalidate)", () => {
    expect(EXPIRE_AFTER_STALE_SECONDS).toBe(READER_PAGE_EXPIRE_SECONDS - READER_PAGE_REVALIDATE_SECONDS);
  });

  it("separates builds and databases in Redis, unless a prefix is given", () => {
    const pg = { DATABASE_URL: "postgres://db-1/news" };
    const other = { DATABASE_URL: "postgres://db-2/news" };
    expect(keyPrefixFor("build-a", pg)).toMatch(/^newsroom:build-a:[0-9a-f]{12}:$/);
    expect(keyPrefixFor("build-a", pg)).toBe(keyPrefixFor("build-a\n", pg));
    expect(keyPrefixFor("build-a", pg)).not.toBe(keyPrefixFor("build-b", pg));
    expect(keyPrefixFor("build-a", pg)).not.toBe(keyPrefixFor("build-a", other));
    expect(keyPrefixFor("build-a", { DATA_DIR: "/srv/a" })).not.toBe(keyPrefixFor("build-a", { DATA_DIR: "/srv/b" }));
    expect(keyPrefixFor("build-a", { ...pg, REDIS_KEY_PREFIX: "site1:" })).toBe("site1:");
  });

  it("stores a cached route response (a reader page) under its path tags and page tags, so revalidatePath and revalidateTag reach it", () => {
    const headers = { "content-type": "text/html", "x-next-cache-tags": "_N_T_/layout,_N_T_/news/a-story,t:123" };
    expect(routeEntryTags({ kind: "APP_ROUTE", status: 404, headers })).toEqual(["_N_T_/layout", "_N_T_/news/a-story", "t:123"]);
    expect(routeEntryTags({ kind: "APP_ROUTE", status: 200, headers: {} })).toEqual([]);
    expect(routeEntryTags({ kind: "APP_PAGE", headers })).toBeUndefined();
    expect(routeEntryTags(null)).toBeUndefined();
  });
});
