import { describe, expect, it } from "vitest";
import { isValidSlug, makeSlug, MAX_SLUG_LENGTH } from "./slug";

// Every title gives a safe, non-empty slug: Dari with a zero-width non-joiner, Pashto, a title
// starting with Ain, Alef only, emoji only, CJK, a very long Latin title, markup characters.
const titles = [
  "آب‌رسانی در شهر هرات",
  "د کندهار عیني شاهدان",
  "عید و بازار کابل",
  "ا آ أ",
  "🌧️🌧️",
  "东京天气预报",
  "Parliament session ".repeat(16).trim(),
  "Afghanistan Considers Russia Key Regional Ally: Atmar",
  "Aid & Budget: \"Q1\" <update>",
];

describe("makeSlug", () => {
  it.each(titles)("gives a safe slug for %j", (title) => {
    const slug = makeSlug(title, "story-42");
    expect(slug.length).toBeGreaterThan(0);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(isValidSlug(slug)).toBe(true);
    expect(decodeURIComponent(encodeURIComponent(slug))).toBe(slug);
  });

  it("transliterates Dari and treats the zero-width non-joiner as nothing", () => {
    expect(makeSlug("آب‌رسانی در شهر هرات")).toBe(makeSlug("آبرسانی در شهر هرات"));
    expect(makeSlug("عید و بازار کابل")).not.toContain("`");
  });

  it("falls back for titles with no letters or digits", () => {
    expect(makeSlug("🌧️🌧️", "story-42")).toBe("story-42");
    expect(makeSlug("东京天气预报", "story-42")).toBe("story-42");
    expect(makeSlug("🌧️", "")).toBe("story");
  });

  it("cuts long titles at a hyphen", () => {
    const slug = makeSlug("Parliament session ".repeat(16));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug.split("-").every((w) => w === "parliament" || w === "session")).toBe(true);
  });

  it("keeps the seed article's slug readable", () => {
    expect(makeSlug("Afghanistan Considers Russia Key Regional Ally: Atmar")).toBe(
      "afghanistan-considers-russia-key-regional-ally-atmar",
    );
  });
});
