import { describe, expect, it } from "vitest";
import { hreflangAlternates } from "./alternates";

const en = { language: "en", url: "https://news.example/news/flood", original: true };
const fa = { language: "fa", url: "https://news.example/news/flood-fa", original: false };
const ps = { language: "ps", url: "https://news.example/news/flood-ps", original: false };

describe("hreflang alternates", () => {
  it("lists every version, itself included, and the default language's as x-default", () => {
    expect(hreflangAlternates([fa, en, ps], "en")).toEqual({ en: en.url, fa: fa.url, ps: ps.url, "x-default": en.url });
  });

  it("falls back to the original for x-default when the default language has no public version", () => {
    expect(hreflangAlternates([{ ...fa, original: true }, { ...ps }], "en")).toEqual({ fa: fa.url, ps: ps.url, "x-default": fa.url });
  });

  it("gives a story without translations its self-reference only", () => {
    expect(hreflangAlternates([en], "en")).toEqual({ en: en.url });
  });
});
