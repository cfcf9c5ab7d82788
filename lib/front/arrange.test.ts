import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  arrangeFront,
  checkBlockOrder,
  FRONT_RULE_LABELS,
  FRONT_RULES,
  isFrontRule,
  MAX_SECTION_BLOCKS,
  orderSectionBlocks,
  parseFrontProposal,
  proposePins,
  resolveSectionLead,
  type FrontPin,
  type SectionPin,
} from "./arrange";

const now = new Date("2026-05-04T10:00:00Z");
const story = (id: string) => ({ id });
const newest = ["n1", "n2", "n3", "n4", "n5"].map(story);
const ids = (slots: { story: { id: string } }[]) => slots.map((s) => s.story.id);

describe("arranging the front page", () => {
  it("fills every position with the newest stories when nothing is pinned", () => {
    expect(ids(arrangeFront([], new Map(), newest, 3, now))).toEqual(["n1", "n2", "n3"]);
  });

  it("keeps a pinned lead and fills the rest with the newest, never showing a story twice", () => {
    const pins: FrontPin[] = [{ position: 0, storyId: "n4", pinnedUntil: null }];
    const slots = arrangeFront(pins, new Map([["n4", story("n4")]]), newest, 4, now);
    expect(ids(slots)).toEqual(["n4", "n1", "n2", "n3"]);
    expect(slots.map((s) => s.pinned)).toEqual([true, false, false, false]);
  });

  it("drops a pin at its instant and a pin whose story is no longer public", () => {
    const pins: FrontPin[] = [
      { position: 0, storyId: "old", pinnedUntil: new Date(now.getTime() + 1) },
      { position: 1, storyId: "gone", pinnedUntil: null },
    ];
    const stories = new Map([["old", story("old")]]);
    expect(ids(arrangeFront(pins, stories, newest, 3, new Date(now.getTime())))).toEqual(["old", "n1", "n2"]);
    expect(ids(arrangeFront(pins, stories, newest, 3, new Date(now.getTime() + 1)))).toEqual(["n1", "n2", "n3"]);
  });

  it("closes up when there are fewer stories than positions, leaving no hole", () => {
    const pins: FrontPin[] = [{ position: 2, storyId: "p", pinnedUntil: null }];
    const slots = arrangeFront(pins, new Map([["p", story("p")]]), [story("n1")], 5, now);
    expect(ids(slots)).toEqual(["n1", "p"]);
    expect(slots.map((s) => s.position)).toEqual([0, 1]);
  });
});

describe("the automatic rules", () => {
  const card = (id: string, o: { breaking?: boolean; photo?: string } = {}) => ({ id, breaking: o.breaking ?? false, photo: o.photo ?? null });
  const pool = [card("n1"), card("n2", { photo: "p2" }), card("n3", { breaking: true }), card("n4", { photo: "p4", breaking: true }), card("n5")];
  const fills = (slots: { story: { id: string }; fill: string }[]) => slots.map((s) => `${s.story.id}:${s.fill}`);

  it("'newest' fills in order and says so", () => {
    expect(fills(arrangeFront([], new Map(), pool, 3, now, "newest"))).toEqual(["n1:newest", "n2:newest", "n3:newest"]);
  });

  it("'breaking first' puts the stories showing as breaking first, newest first, then the rest", () => {
    expect(fills(arrangeFront([], new Map(), pool, 4, now, "breaking_first"))).toEqual(["n3:breaking", "n4:breaking", "n1:newest", "n2:newest"]);
  });

  it("'breaking first' is plain newest when nothing is breaking", () => {
    const calm = pool.map((s) => ({ ...s, breaking: false }));
    expect(ids(arrangeFront([], new Map(), calm, 3, now, "breaking_first"))).toEqual(["n1", "n2", "n3"]);
  });

  it("'breaking first' keeps a pinned story in its position and fills around it", () => {
    const pins: FrontPin[] = [{ position: 0, storyId: "n5", pinnedUntil: null }];
    const slots = arrangeFront(pins, new Map([["n5", pool[4]!]]), pool, 3, now, "breaking_first");
    expect(fills(slots)).toEqual(["n5:pinned", "n3:breaking", "n4:breaking"]);
  });

  it("'photo lead' leads with the newest story with a photo, the rest newest first", () => {
    expect(fills(arrangeFront([], new Map(), pool, 4, now, "photo_lead"))).toEqual(["n2:photo", "n1:newest", "n3:newest", "n4:newest"]);
  });

  it("'photo lead' falls back to the newest story when none has a photo", () => {
    const bare = pool.map((s) => ({ ...s, photo: null }));
    expect(fills(arrangeFront([], new Map(), bare, 2, now, "photo_lead"))).toEqual(["n1:newest", "n2:newest"]);
  });

  it("'photo lead' leaves a pinned lead alone and does not apply to the top stories", () => {
    const pins: FrontPin[] = [{ position: 0, storyId: "n5", pinnedUntil: null }];
    expect(fills(arrangeFront(pins, new Map([["n5", pool[4]!]]), pool, 3, now, "photo_lead"))).toEqual(["n5:pinned", "n1:newest", "n2:newest"]);
  });

  it("never shows a story twice when the pool lists it twice", () => {
    expect(ids(arrangeFront([], new Map(), [...pool, pool[0]!], 6, now))).toEqual(["n1", "n2", "n3", "n4", "n5"]);
  });

  it("knows its rules by name only", () => {
    expect(FRONT_RULES.filter(isFrontRule)).toEqual(["newest", "breaking_first", "photo_lead"]);
    expect(isFrontRule("oldest")).toBe(false);
    expect(Object.keys(FRONT_RULE_LABELS)).toEqual([...FRONT_RULES]);
  });
});

describe("a section page's lead", () => {
  const pin: SectionPin = { tagId: "t", storyId: "s", pinnedUntil: new Date(now.getTime() + 60_000) };

  it("is the pinned story while the pin holds and the story is public and tagged", () => {
    expect(resolveSectionLead(pin, story("s"), now)).toEqual({ story: story("s"), pinnedUntil: pin.pinnedUntil });
    expect(resolveSectionLead({ ...pin, pinnedUntil: null }, story("s"), now)?.story).toEqual(story("s"));
  });

  it("falls back at the pin's end, when the story is not public or tagged, and without a pin", () => {
    expect(resolveSectionLead(pin, story("s"), pin.pinnedUntil!)).toBeNull();
    expect(resolveSectionLead(pin, null, now)).toBeNull();
    expect(resolveSectionLead(pin, story("other"), now)).toBeNull();
    expect(resolveSectionLead(null, story("s"), now)).toBeNull();
  });
});

describe("the section blocks' order", () => {
  const a = "00000000-0000-4000-8000-00000000000a";
  const b = "00000000-0000-4000-8000-00000000000b";
  const c = "00000000-0000-4000-8000-00000000000c";
  const available = new Map([a, b].map((id) => [id, id]));

  it("follows the editors' order, leaving out sections with nothing to show, and the navigation's pick when never chosen", () => {
    expect(orderSectionBlocks([b, c, a], available, ["fallback"])).toEqual([b, a]);
    expect(orderSectionBlocks([], available, ["fallback"])).toEqual([]);
    expect(orderSectionBlocks(null, available, ["fallback"])).toEqual(["fallback"]);
  });

  it("refuses a malformed, repeated or too long order with a clear message", () => {
    expect(checkBlockOrder([a.toUpperCase(), b])).toEqual([a, b]);
    expect(() => checkBlockOrder("a,b")).toThrow("Send the section blocks as a list.");
    expect(() => checkBlockOrder([a, "politics"])).toThrow("One of the sections is not a section of this site.");
    expect(() => checkBlockOrder([a, b, a])).toThrow("A section can appear only once on the front page.");
    const many = Array.from({ length: MAX_SECTION_BLOCKS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(() => checkBlockOrder(many)).toThrow(`at most ${MAX_SECTION_BLOCKS} section blocks`);
    expect(() => checkBlockOrder([a, "politics"])).toThrow(AppError);
  });
});

describe("a proposal to preview", () => {
  const id = "00000000-0000-4000-8000-000000000001";
  const q = (s: string) => parseFrontProposal(new URLSearchParams(s));

  it("reads a pin, an unpin, a rule and a block order from the preview's address", () => {
    expect(q(`pin=0&story=${id}`)).toEqual({ pin: { position: 0, storyId: id } });
    expect(q("unpin=3&rule=breaking_first")).toEqual({ unpin: 3, rule: "breaking_first" });
    expect(q(`blocks=${id}`)).toEqual({ blocks: [id] });
    expect(q("blocks=auto")).toEqual({ blocks: null });
    expect(q("blocks=")).toEqual({ blocks: [] });
    expect(q("")).toEqual({});
  });

  it("refuses what it cannot read, naming the part", () => {
    expect(() => q("pin=0&story=nope")).toThrow("Choose a published story to preview.");
    expect(() => q(`pin=7&story=${id}`)).toThrow("Choose a position on the front page.");
    expect(() => q("unpin=")).toThrow("Choose a position on the front page.");
    expect(() => q("rule=oldest")).toThrow("Choose one of the automatic rules.");
    expect(() => q("blocks=x,y")).toThrow("One of the sections is not a section of this site.");
  });

  it("lays a proposed pin over the stored ones the way saving would: replacing the position, moving the story", () => {
    const stored: FrontPin[] = [
      { position: 0, storyId: "a", pinnedUntil: null },
      { position: 2, storyId: "b", pinnedUntil: new Date(now.getTime() + 1000) },
    ];
    expect(proposePins(stored, { pin: { position: 0, storyId: "b" } })).toEqual([{ position: 0, storyId: "b", pinnedUntil: null }]);
    expect(proposePins(stored, { pin: { position: 1, storyId: "c" } }).map((p) => p.storyId)).toEqual(["a", "b", "c"]);
    expect(proposePins(stored, { unpin: 2 })).toEqual([stored[0]]);
    expect(proposePins(stored, { rule: "photo_lead" })).toBe(stored);
  });
});
