import { describe, expect, it } from "vitest";
import { cutExcerpt } from "./excerpt";

describe("cutExcerpt", () => {
  it("cuts at a word boundary and ends with the ellipsis, as on the seed page", () => {
    const body = "If the United States does not pull out all of its forces, the talks will stall, a spokesman said.";
    expect(cutExcerpt(body, 48)).toBe("If the United States does not pull out all of …");
  });

  it("never cuts inside a word", () => {
    const text = "Kabul council approves new bus routes for the western districts";
    for (let n = 5; n < text.length; n++) {
      const out = cutExcerpt(text, n);
      const kept = out.replace(/ …$/, "");
      expect(text.startsWith(kept)).toBe(true);
      const next = text.charAt(kept.length);
      expect(next === " " || next === "").toBe(true);
      expect(kept.length).toBeLessThanOrEqual(n);
    }
  });

  it("leaves short text alone and collapses whitespace", () => {
    expect(cutExcerpt("  A short\n\nlede.  ", 160)).toBe("A short lede.");
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(cutExcerpt("Prices rose, officials said, and more", 16)).toBe("Prices rose …");
  });

  it("cuts one over-long word at a grapheme, not inside a character", () => {
    const out = cutExcerpt("🌧️🌧️🌧️🌧️🌧️🌧️", 5);
    expect(out.endsWith("…")).toBe(true);
    expect([...new Intl.Segmenter().segment(out.slice(0, -1))].every((s) => s.segment === "🌧️")).toBe(true);
  });

  it("works for Dari text", () => {
    const out = cutExcerpt("شورای شهر کابل امروز نشست خود را برگزار کرد و بودجه را تصویب کرد", 20);
    expect(out).toBe("شورای شهر کابل امروز …");
  });
});
