import { describe, expect, it } from "vitest";
import { arabicPunctuation, countWords, readingMinutes, smartQuote } from "./typography";

describe("smart quotes per language", () => {
  it("English: curly quotes that open after a space and close after a word; apostrophes inside words", () => {
    expect(smartQuote("en", "", "double")).toBe("“");
    expect(smartQuote("en", " ", "double")).toBe("“");
    expect(smartQuote("en", "d", "double")).toBe("”");
    expect(smartQuote("en", "n", "single")).toBe("’");
    expect(smartQuote("en", " ", "single")).toBe("‘");
  });

  it("Dari and Pashto: guillemets « »; Arabic and Urdu: their CLDR marks", () => {
    expect([smartQuote("fa", "", "double"), smartQuote("fa", "م", "double")]).toEqual(["«", "»"]);
    expect([smartQuote("ps", " ", "double"), smartQuote("ps", "ه", "double")]).toEqual(["«", "»"]);
    expect([smartQuote("ar", " ", "double"), smartQuote("ar", "ب", "double")]).toEqual(["”", "“"]);
  });
});

describe("Arabic-script punctuation", () => {
  it("takes ، ؛ ؟ after an Arabic-script letter in Dari, Pashto, Arabic and Urdu", () => {
    expect(arabicPunctuation("fa", "ل", ",")).toBe("،");
    expect(arabicPunctuation("ps", "ه", "?")).toBe("؟");
    expect(arabicPunctuation("ar", "ي", ";")).toBe("؛");
  });

  it("keeps the ASCII mark after a digit or a Latin letter, and in English", () => {
    expect(arabicPunctuation("fa", "3", ",")).toBeNull();
    expect(arabicPunctuation("fa", "C", "?")).toBeNull();
    expect(arabicPunctuation("en", "ل", ",")).toBeNull();
  });
});

describe("word count and reading time", () => {
  it("counts words, not punctuation, in English and Dari", () => {
    expect(countWords("The council met on Monday — again.", "en")).toBe(6);
    expect(countWords("شورای شهر کابل امروز نشست خود را برگزار کرد.", "fa")).toBe(9);
    expect(countWords("", "en")).toBe(0);
  });

  it("reads at the language's rate, at least a minute", () => {
    expect(readingMinutes(0, "en")).toBe(0);
    expect(readingMinutes(40, "en")).toBe(1);
    expect(readingMinutes(1140, "en")).toBe(5);
    expect(readingMinutes(690, "fa")).toBe(5);
  });
});
