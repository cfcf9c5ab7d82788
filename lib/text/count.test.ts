import { describe, expect, it } from "vitest";
import { countOf } from "./count";

describe("countOf", () => {
  it("says one story, and any other count of stories, with grouped digits", () => {
    expect(countOf(1, "story", "stories")).toBe("1 story");
    expect(countOf(0, "story", "stories")).toBe("0 stories");
    expect(countOf(2, "word", "words")).toBe("2 words");
    expect(countOf(1200, "item", "items")).toBe("1,200 items");
  });
});
