import { describe, expect, it } from "vitest";
import { rankRelated, type RelatedCandidate } from "./related";

const day = (n: number) => new Date(Date.UTC(2025, 0, n));
const c = (id: string, sectionId: string | null, tagIds: string[], d: number): RelatedCandidate => ({
  id,
  sectionId,
  tagIds,
  publishedAt: day(d),
});

describe("rankRelated (Check Also)", () => {
  const story = { id: "self", sectionId: "politics", tagIds: ["politics", "kabul", "water"] };

  it("puts the same section first, then shared tags, then recency", () => {
    const ranked = rankRelated(story, [
      c("newest-unrelated", "sport", ["sport"], 30),
      c("other-section-2-tags", "health", ["health", "kabul", "water"], 10),
      c("same-section-old", "politics", ["politics"], 1),
      c("same-section-new", "politics", ["politics"], 5),
      c("same-section-more-tags", "politics", ["politics", "kabul"], 2),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["same-section-more-tags", "same-section-new", "same-section-old"]);
  });

  it("falls back to recency and never returns the story itself or duplicates", () => {
    const ranked = rankRelated(story, [c("self", "politics", ["politics"], 9), c("a", "sport", [], 3), c("b", null, [], 4), c("a", "sport", [], 3)], 3);
    expect(ranked.map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("returns at most the limit", () => {
    const many = Array.from({ length: 10 }, (_, i) => c(`s${i}`, "politics", ["politics"], i + 1));
    expect(rankRelated(story, many, 3)).toHaveLength(3);
    expect(rankRelated(story, many, 0)).toHaveLength(0);
  });

  it("prefers stories in the story's language, and never shows its own translations", () => {
    const dari = { ...story, language: "fa", groupId: "g1" };
    const ranked = rankRelated(dari, [
      { ...c("english-same-section", "politics", ["politics", "kabul"], 20), language: "en" },
      { ...c("dari-other-section", "sport", [], 3), language: "fa" },
      { ...c("dari-same-section", "politics", ["politics"], 2), language: "fa" },
      { ...c("its-pashto-translation", "politics", ["politics", "kabul", "water"], 25), language: "ps", groupId: "g1" },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(["dari-same-section", "dari-other-section", "english-same-section"]);
  });
});
