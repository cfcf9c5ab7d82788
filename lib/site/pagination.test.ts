import { describe, expect, it } from "vitest";
import { pageCount, parsePageSegment } from "./pagination";
import { pageFromRest } from "./list-route";

describe("page numbers in URLs", () => {
  it("accepts 2..500 written canonically", () => {
    expect(parsePageSegment("2")).toBe(2);
    expect(parsePageSegment("500")).toBe(500);
  });
  it.each(["1", "0", "-1", "02", "1e3", "abc", "2.5", "501", "99999999999999999999", "", " 2"])("rejects %j", (s) => {
    expect(parsePageSegment(s)).toBeNull();
  });
  it("reads the optional [[...page]] segment", () => {
    expect(pageFromRest(undefined)).toBe(1);
    expect(pageFromRest([])).toBe(1);
    expect(pageFromRest(["page", "3"])).toBe(3);
    expect(pageFromRest(["page"])).toBeNull();
    expect(pageFromRest(["page", "1"])).toBeNull();
    expect(pageFromRest(["other", "3"])).toBeNull();
    expect(pageFromRest(["page", "3", "x"])).toBeNull();
  });
  it("counts pages", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});
