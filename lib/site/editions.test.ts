import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type SiteSettings } from "./settings";
import { editionAt, editionForLanguage, editionScope, editionsOf } from "./editions";

const settings: SiteSettings = {
  ...DEFAULT_SETTINGS,
  siteName: "Kabul Lantern",
  tagline: "News from Kabul",
  aboutText: "An independent newsroom.",
  defaultLanguage: "en",
  editionLanguages: ["fa", "ps", "en", "fa", "xx"],
  translations: { fa: { siteName: "فانوس کابل", aboutText: "یک خبرگزاری مستقل." }, ps: {} },
};

describe("language editions", () => {
  it("lists the default edition first at /, then each other language once under its code", () => {
    expect(editionsOf(settings).map((e) => [e.language, e.prefix, e.direction])).toEqual([
      ["en", "", "ltr"],
      ["fa", "/fa", "rtl"],
      ["ps", "/ps", "rtl"],
    ]);
  });

  it("gives each edition its own texts, falling back field by field to the default language's", () => {
    const fa = editionAt(settings, "fa")!;
    expect(fa).toMatchObject({ siteName: "فانوس کابل", aboutText: "یک خبرگزاری مستقل.", tagline: "News from Kabul" });
    expect(editionAt(settings, "ps")!.siteName).toBe("Kabul Lantern");
  });

  it("has no edition for the default language's code, an unpublished language or an unknown one", () => {
    expect(editionAt(settings, "en")).toBeNull();
    expect(editionAt(settings, "ar")).toBeNull();
    expect(editionAt(settings, "xx")).toBeNull();
  });

  it("puts a story in its language's edition, or the default one", () => {
    expect(editionForLanguage(settings, "ps-AF").prefix).toBe("/ps");
    expect(editionForLanguage(settings, "ur").prefix).toBe("");
  });
});

describe("edition scopes", () => {
  it("lists another edition's language only, and the default edition everything else", () => {
    expect(editionScope(settings, editionAt(settings, "fa")!)).toEqual({ only: "fa" });
    expect(editionScope(settings, editionsOf(settings)[0]!)).toEqual({ except: ["fa", "ps"] });
    const single = { ...settings, editionLanguages: [] };
    expect(editionScope(single, editionsOf(single)[0]!)).toBeUndefined();
  });
});
