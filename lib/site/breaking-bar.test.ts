import { describe, expect, it } from "vitest";
import { activeBreakingBar } from "./breaking-bar";

describe("site-wide breaking-news bar", () => {
  const now = new Date("2025-03-30T04:30:00Z");
  it("shows while it has text and has not expired", () => {
    expect(activeBreakingBar({ breakingText: "Polls close at 4 pm", breakingUrl: "/news/x", breakingUntil: null }, now)).toEqual({
      text: "Polls close at 4 pm",
      url: "/news/x",
    });
    expect(activeBreakingBar({ breakingText: "x", breakingUrl: null, breakingUntil: new Date(now.getTime() + 1) }, now)).not.toBeNull();
  });
  it("hides itself at its expiry, to the millisecond, and when it has no text", () => {
    expect(activeBreakingBar({ breakingText: "x", breakingUrl: null, breakingUntil: now }, now)).toBeNull();
    expect(activeBreakingBar({ breakingText: "   ", breakingUrl: null, breakingUntil: null }, now)).toBeNull();
  });
});
