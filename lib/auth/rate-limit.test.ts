import { describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT, retryAfterSeconds, WINDOW_MS } from "./rate-limit";
import { safeReturnPath } from "./paths";

const now = new Date("2025-03-30T04:30:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("sign-in rate limit", () => {
  it("allows attempts below the limit", () => {
    expect(retryAfterSeconds([ago(1000), ago(2000), ago(3000), ago(4000)], 5, now)).toBe(0);
  });

  it("holds after the limit until the oldest counted failure leaves the window", () => {
    const failures = [ago(60_000), ago(50_000), ago(40_000), ago(30_000), ago(20_000)];
    expect(retryAfterSeconds(failures, MAX_FAILURES_PER_ACCOUNT, now)).toBe((WINDOW_MS - 60_000) / 1000);
  });

  it("ignores failures older than the window", () => {
    const old = Array.from({ length: 10 }, (_, i) => ago(WINDOW_MS + 1000 * (i + 1)));
    expect(retryAfterSeconds(old, 5, now)).toBe(0);
  });

  it("counts only the most recent failures", () => {
    const failures = [ago(WINDOW_MS - 1000), ...Array.from({ length: 5 }, (_, i) => ago(1000 * (i + 1)))];
    // The five most recent are 1–5 s old: the hold ends when the 5-s-old one expires.
    expect(retryAfterSeconds(failures, 5, now)).toBe(WINDOW_MS / 1000 - 5);
  });
});

describe("return path after sign-in", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/dashboard/stories/abc", "/dashboard/stories/abc"],
    ["/dashboard?status=draft", "/dashboard?status=draft"],
    ["https://evil.example/dashboard", "/dashboard"],
    ["//evil.example/dashboard", "/dashboard"],
    ["/dashboard//evil.example", "/dashboard"],
    ["/dashboardx", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/news/x", "/dashboard"],
    [null, "/dashboard"],
  ])("%j → %j", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
