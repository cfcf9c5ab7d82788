/** The content API's rate limit: counts per key in fixed one-minute windows. */
import { afterEach, describe, expect, it } from "vitest";
import { resetRateLimits, takeRequest, WINDOW_MS } from "./rate-limit";

describe("the API rate limit", () => {
  afterEach(() => resetRateLimits());
  const start = 1_800_000_000_000 - (1_800_000_000_000 % WINDOW_MS);

  it("allows `limit` requests a window, then refuses with the seconds left until the next", () => {
    for (let i = 0; i < 3; i++) expect(takeRequest("k", 3, start + 1000 * i)).toMatchObject({ allowed: true, remaining: 2 - i });
    expect(takeRequest("k", 3, start + 20_000)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 40 });
    expect(takeRequest("k", 3, start + 59_999).resetSeconds).toBe(1);
    expect(takeRequest("k", 3, start + WINDOW_MS)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("counts each key on its own", () => {
    expect(takeRequest("a", 1, start).allowed).toBe(true);
    expect(takeRequest("a", 1, start).allowed).toBe(false);
    expect(takeRequest("b", 1, start).allowed).toBe(true);
  });
});
