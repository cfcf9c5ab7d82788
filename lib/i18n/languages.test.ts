import { describe, expect, it } from "vitest";
import { directionOf, labelsFor, STORY_LANGUAGES } from "./languages";
import { STORY_LANGUAGE_CODES } from "./language-codes";

describe("story languages", () => {
  it("reads Dari, Pashto and Arabic right to left, by primary subtag", () => {
    for (const l of ["fa", "fa-AF", "ps", "PS-af", "ar", "ur"]) expect(directionOf(l)).toBe("rtl");
    for (const l of ["en", "en-US", "de", ""]) expect(directionOf(l)).toBe("ltr");
  });
  it("labels the page furniture in the story's language, English otherwise", () => {
    expect(labelsFor("en").lastUpdatedOn).toBe("Last Updated On");
    expect(labelsFor("en").about("Ariana News")).toBe("About Ariana News");
    expect(labelsFor("fa-AF").checkAlso).toBe("همچنین ببینید");
    expect(labelsFor("xx").breaking).toBe("Breaking News");
  });
});

describe("story language codes", () => {
  it("lists the same codes as STORY_LANGUAGES (next.config.ts routes editions by them)", () => {
    expect([...STORY_LANGUAGE_CODES]).toEqual(STORY_LANGUAGES.map((l) => l.code));
  });
});
