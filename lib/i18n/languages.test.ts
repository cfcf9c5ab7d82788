import { describe, expect, it } from "vitest";
import { directionOf, labelsFor } from "./languages";

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
