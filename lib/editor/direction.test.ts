import { describe, expect, it } from "vitest";
import { alignBodyDirections, blockDirection } from "./direction";
import { renderBody } from "./render";

const pasted = {
  type: "doc",
  content: [
    { type: "paragraph", attrs: { dir: "ltr" }, content: [{ type: "text", text: "BBC ۲۰۲۶ گزارش داد که" }] },
    { type: "paragraph", attrs: { dir: "auto" }, content: [{ type: "text", text: "۱۲ نفر" }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Kabul" }] }] }] },
  ],
};

describe("blockDirection", () => {
  it("makes every block of a right-to-left story with a right-to-left letter, or no letter yet, rtl, whatever it carried", () => {
    for (const dir of ["ltr", "auto", "rtl", undefined, null, "sideways"]) {
      expect(blockDirection("rtl", dir)).toBe("rtl");
      expect(blockDirection("rtl", dir, "BBC ۲۰۲۶ گزارش داد")).toBe("rtl");
      expect(blockDirection("rtl", dir, "۱۲ نفر")).toBe("rtl");
      expect(blockDirection("rtl", dir, "2026")).toBe("rtl");
    }
  });

  it("lets a block wholly in another script of a right-to-left story take its own direction (auto)", () => {
    expect(blockDirection("rtl", "rtl", "The meeting ended at 3 pm.")).toBe("auto");
    expect(blockDirection("rtl", "ltr", "Встреча окончена.")).toBe("auto");
  });

  it("keeps auto and an explicit ltr in a left-to-right story, and turns a leftover rtl into auto", () => {
    expect(blockDirection("ltr", "ltr")).toBe("ltr");
    expect(blockDirection("ltr", "auto")).toBe("auto");
    expect(blockDirection("ltr", undefined)).toBe("auto");
    expect(blockDirection("ltr", "rtl")).toBe("auto");
  });
});

describe("alignBodyDirections", () => {
  it("sets the Dari blocks of a Dari body rtl, so a paragraph opening with a Latin word renders right to left; a block wholly in English keeps auto", () => {
    const aligned = alignBodyDirections(pasted, "rtl");
    expect(aligned.content?.map((n) => n.attrs?.dir)).toEqual(["rtl", "rtl", "auto"]);
    expect(aligned.content?.[2]?.content?.[0]?.content?.[0]?.attrs?.dir).toBe("auto");
    expect(aligned.attrs).toBeUndefined();
    const { html } = renderBody(aligned);
    expect(html).toContain('<p dir="rtl">BBC ۲۰۲۶ گزارش داد که</p>');
    expect(html).not.toMatch(/dir="ltr"/);
  });

  it("leaves the input unchanged and keeps an English body's directions", () => {
    const copy = JSON.parse(JSON.stringify(pasted));
    const aligned = alignBodyDirections(pasted, "ltr");
    expect(pasted).toEqual(copy);
    expect(aligned.content?.map((n) => n.attrs?.dir)).toEqual(["ltr", "auto", "auto"]);
  });

  it("passes a malformed body through for the schema check to refuse", () => {
    expect(alignBodyDirections({ type: "doc", content: "x" as never }, "rtl")).toEqual({ type: "doc", content: "x" });
  });
});
