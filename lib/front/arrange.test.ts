import { describe, expect, it } from "vitest";
import { arrangeFront, type FrontPin } from "./arrange";

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
