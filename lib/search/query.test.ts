import { describe, expect, it } from "vitest";
import { foldSearchTexts } from "./normalize";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, parseSearchQuery, prefixTsQuery, SEARCH_MAX_QUERY_CHARS, splitHighlights, FRAGMENT_DELIMITER, joinFragments } from "./query";

describe("parseSearchQuery", () => {
  it("treats missing, blank and non-string input as an empty search", () => {
    for (const raw of [undefined, null, "", "   ", 42, {}, []]) expect(parseSearchQuery(raw)).toEqual({ kind: "empty" });
  });

  it("takes the first of repeated parameters and collapses whitespace", () => {
    expect(parseSearchQuery(["  aid\n\tbudget ", "other"])).toEqual({ kind: "ok", text: "aid budget", display: "aid budget", truncated: false });
  });

  it("answers symbol-only queries without sending them to the database", () => {
    for (const raw of ["!!!", "*&^%$#@", "\"\" -- ||", "؟،؛"]) expect(parseSearchQuery(raw).kind).toBe("no-terms");
  });

  it("cuts a 5,000-character query at a word, under the limit", () => {
    const q = parseSearchQuery("budget ".repeat(715));
    expect(q.kind).toBe("ok");
    if (q.kind !== "ok") return;
    expect(q.truncated).toBe(true);
    expect(q.display.length).toBeLessThanOrEqual(SEARCH_MAX_QUERY_CHARS);
    expect(q.display.endsWith("budget")).toBe(true);
  });

  it("removes control characters (NUL would make PostgreSQL refuse the query)", () => {
    expect(parseSearchQuery("aid\u0000\u0007 budget")).toMatchObject({ kind: "ok", display: "aid budget" });
  });

  it("hands the search functions the typed text in NFC, folded by each language's rule", () => {
    // Arabic Yeh and Kaf, an ezafe mark and a zero-width non-joiner.
    const query = parseSearchQuery("كابل بودجهٔ مي\u200Cشود");
    expect(query).toMatchObject({ kind: "ok", text: "كابل بودجهٔ مي\u200Cشود".normalize("NFC") });
    const folded = foldSearchTexts(query.kind === "ok" ? query.text : "");
    expect(folded.default).toBe("کابل بودجه میشود");
    // Pashto keeps Arabic Yeh (a letter of its own there) and the Heh with Yeh above.
    expect(folded.ps).toBe("کابل بودجهٔ ميشود".normalize("NFC"));
  });
});

describe("prefixTsQuery", () => {
  it("makes every word a prefix and drops tsquery syntax", () => {
    expect(prefixTsQuery("Budg hear")).toBe("budg:* & hear:*");
    expect(prefixTsQuery("a' | b:* & !c")).toBe("a:* & b:* & c:*");
    expect(prefixTsQuery("!!!")).toBeNull();
  });
});

describe("splitHighlights", () => {
  it("splits ts_headline output into text and marked parts", () => {
    expect(splitHighlights(`The ${S}budget${E} was ${S}cut${E}.`)).toEqual([
      { text: "The ", mark: false },
      { text: "budget", mark: true },
      { text: " was ", mark: false },
      { text: "cut", mark: true },
      { text: ".", mark: false },
    ]);
    expect(splitHighlights("no match")).toEqual([{ text: "no match", mark: false }]);
  });

  it("keeps markup-looking text as text (React escapes it)", () => {
    expect(splitHighlights(`<script>${S}x${E}`)).toEqual([
      { text: "<script>", mark: false },
      { text: "x", mark: true },
    ]);
  });
});

describe("joinFragments", () => {
  const source = "The council met on Sunday. After a long debate, members approved the budget for schools and clinics in the province.";

  it("marks text left out before, between and after fragments with …", () => {
    const mid = `members approved the ${S}budget${E} for schools`;
    expect(joinFragments(mid, source)).toBe(`… members approved the ${S}budget${E} for schools …`);
    const two = [`The ${S}council${E} met`, `the ${S}budget${E} for schools`].join(FRAGMENT_DELIMITER);
    expect(joinFragments(two, source)).toBe(`The ${S}council${E} met … the ${S}budget${E} for schools …`);
  });

  it("adds nothing where a fragment opens or closes the text", () => {
    expect(joinFragments(`The ${S}council${E} met on Sunday.`, source)).toBe(`The ${S}council${E} met on Sunday. …`);
    expect(joinFragments(`clinics in the ${S}province${E}.`, source)).toBe(`… clinics in the ${S}province${E}.`);
    expect(joinFragments(source, source)).toBe(source);
  });

  it("starts at a word, not at the punctuation the cut left behind", () => {
    expect(joinFragments(`, members approved the ${S}budget${E}`, source)).toBe(`… members approved the ${S}budget${E} …`);
    expect(joinFragments("، بودجه", "گزارش، بودجه")).toBe("… بودجه");
  });

  it("gives nothing for an empty headline", () => {
    expect(joinFragments("", source)).toBe("");
    expect(joinFragments(FRAGMENT_DELIMITER, source)).toBe("");
  });
});
