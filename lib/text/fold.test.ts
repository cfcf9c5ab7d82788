/**
 * Letter folding per language, with the look-alike letters that Arabic, Persian and Pashto
 * keyboard layouts type for the same letter — and the Pashto letters that must stay apart.
 */
import { describe, expect, it } from "vitest";
import { foldForLanguage, foldRuleOf, matchKey } from "./fold";

const ZWNJ = "\u200C";

describe("fold rules by language", () => {
  it("gives Pashto its own rule and every other language the default one", () => {
    expect(foldRuleOf("ps")).toBe("ps");
    expect(foldRuleOf("ps-AF")).toBe("ps");
    expect(foldRuleOf("PS")).toBe("ps");
    expect(foldRuleOf("fa")).toBe("default");
    expect(foldRuleOf("fa-AF")).toBe("default");
    expect(foldRuleOf("en")).toBe("default");
  });
});

describe("Dari", () => {
  const same = (a: string, b: string) => expect(matchKey(a, "fa")).toBe(matchKey(b, "fa"));

  it("folds Arabic-keyboard Kaf, Yeh and Alef Maksura into the Persian letters", () => {
    same("كابل", "کابل"); // U+0643 on the Arabic layout, U+06A9 on the Persian/Dari one
    same("علي", "علی"); // U+064A vs U+06CC
    same("موسى", "موسی"); // U+0649 vs U+06CC
  });

  it("folds the ezafe (Heh with Yeh above, precomposed or as Heh + hamza mark) into Heh", () => {
    same("خانۀ", "خانه");
    same("خانهٔ", "خانه");
  });

  it("drops the zero-width non-joiner, tatweel, harakat and bidi marks", () => {
    same(`می${ZWNJ}شود`, "میشود");
    same("کـــابل", "کابل");
    same("کِتاب", "کتاب");
    same("\u200Fکابل\u200E", "کابل");
  });

  it("folds Persian, Arabic-Indic and ASCII digits together", () => {
    same("۱۴۰۵", "1405");
    same("١٤٠٥", "1405");
  });

  it("keeps different Dari words apart", () => {
    expect(matchKey("کار", "fa")).not.toBe(matchKey("کاز", "fa"));
    expect(matchKey("آب", "fa")).not.toBe(matchKey("اب", "fa")); // alef madda is a letter of its own
  });
});

describe("Pashto", () => {
  const same = (a: string, b: string) => expect(matchKey(a, "ps")).toBe(matchKey(b, "ps"));
  const apart = (a: string, b: string) => expect(matchKey(a, "ps")).not.toBe(matchKey(b, "ps"));

  it("folds the Persian-keyboard Gaf into Pashto's, and the Arabic Kaf and Alef Maksura", () => {
    same("ګټه", "گټه"); // U+06AB (Pashto layout) vs U+06AF (Persian layout)
    same("كور", "کور");
    same("موسى", "موسی");
  });

  it("never folds Pashto's five yehs into one another", () => {
    const yehs = ["\u06CC", "\u064A", "\u06D0", "\u06CD", "\u0626"]; // ی ي ې ۍ ئ
    const words = yehs.map((y) => `ستړ${y}`);
    expect(new Set(words.map((w) => matchKey(w, "ps"))).size).toBe(5);
    apart("سړی", "سړي"); // man / men
    apart("ښځې", "ښځی");
  });

  it("keeps ۀ apart from ه, precomposed or written as Heh with the hamza mark", () => {
    apart("زړۀ", "زړه");
    apart("زړهٔ", "زړه");
  });

  it("still drops the zero-width non-joiner, harakat and tatweel, and folds digits", () => {
    same(`پښتو${ZWNJ}ژبه`, "پښتوژبه");
    same("ښَار", "ښار");
    same("۲۰۲۶", "2026");
  });

  it("keeps Pashto's own letters apart from the Dari letters they resemble", () => {
    apart("ږمی", "ژمی");
    apart("ښار", "شار");
    apart("ټول", "تول");
    apart("ځای", "جای");
  });
});

describe("English", () => {
  it("matches names without regard to case, spaces or Unicode form", () => {
    expect(matchKey("  Kabul   Province ", "en")).toBe(matchKey("kabul province", "en"));
    expect(matchKey("Cafe\u0301", "en")).toBe(matchKey("Café", "en"));
    expect(matchKey("Kabul", "en")).not.toBe(matchKey("Kabal", "en"));
  });

  it("folds Arabic-script names in English stories by the default rule", () => {
    expect(foldForLanguage("علي", "en")).toBe("علی");
  });
});
