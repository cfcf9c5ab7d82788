import { describe, expect, it } from "vitest";
import { isBreakingAt, isPubliclyVisible, isScheduled } from "./visibility";

const now = new Date("2025-03-30T04:30:00.000Z");
const at = (iso: string) => new Date(iso);

describe("the visibility rule", () => {
  it("shows a published story from its publication instant on", () => {
    expect(isPubliclyVisible({ status: "published", publishedAt: now }, now)).toBe(true);
    expect(isPubliclyVisible({ status: "published", publishedAt: at("2025-03-30T04:29:59.999Z") }, now)).toBe(true);
  });

  it("hides a scheduled story until its instant, to the millisecond", () => {
    const s = { status: "published" as const, publishedAt: at("2025-03-30T04:30:00.001Z") };
    expect(isPubliclyVisible(s, now)).toBe(false);
    expect(isScheduled(s, now)).toBe(true);
    expect(isPubliclyVisible(s, at("2025-03-30T04:30:00.001Z"))).toBe(true);
    expect(isScheduled(s, at("2025-03-30T04:30:00.001Z"))).toBe(false);
  });

  it("never shows drafts, stories in review or unpublished stories, whatever their dates", () => {
    for (const status of ["draft", "in_review", "unpublished"] as const) {
      expect(isPubliclyVisible({ status, publishedAt: at("2020-01-01T00:00:00Z") }, now)).toBe(false);
      expect(isPubliclyVisible({ status, publishedAt: null }, now)).toBe(false);
    }
  });

  it("never shows a published story without a publication time", () => {
    expect(isPubliclyVisible({ status: "published", publishedAt: null }, now)).toBe(false);
  });
});

describe("breaking label", () => {
  it("shows while flagged and before its expiry; a flag without an expiry shows nothing (breaking news ends)", () => {
    expect(isBreakingAt({ isBreaking: true, breakingUntil: null }, now)).toBe(false);
    expect(isBreakingAt({ isBreaking: true, breakingUntil: at("2025-03-30T05:00:00Z") }, now)).toBe(true);
    expect(isBreakingAt({ isBreaking: true, breakingUntil: now }, now)).toBe(false);
    expect(isBreakingAt({ isBreaking: false, breakingUntil: null }, now)).toBe(false);
  });
});
