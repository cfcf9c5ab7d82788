/**
 * The front page's top stories as pure rules: a lead (position 0) and the top stories after
 * it. A pin holds its position while it has not lapsed and its story is public; every other
 * position takes the newest public story not already shown, so the front never has a hole and
 * a story that stops being public leaves its position at once.
 */

/** How many positions editors arrange: the lead and six top stories. */
export const FRONT_POSITIONS = 7;

/** A pin as stored. `pinnedUntil` null: until unpinned. */
export interface FrontPin {
  position: number;
  storyId: string;
  pinnedUntil: Date | null;
}

/** One position of the arranged front. */
export interface FrontSlot<T> {
  position: number;
  story: T;
  /** Held by an editor's pin (false: filled automatically with the newest stories). */
  pinned: boolean;
  pinnedUntil: Date | null;
}

/** Whether a pin holds at `now` (its story's visibility aside). */
export function pinHolds(pin: FrontPin, now: Date): boolean {
  return pin.pinnedUntil === null || pin.pinnedUntil.getTime() > now.getTime();
}

/**
 * Arranges positions 0…count-1.
 * @param pins the stored pins (lapsed ones are ignored)
 * @param publicStories the pinned stories that are public at `now`, by id (others are ignored)
 * @param newest public stories, newest first, to fill the rest
 * @returns the filled positions in order (fewer than `count` when there are too few stories).
 */
export function arrangeFront<T extends { id: string }>(pins: FrontPin[], publicStories: Map<string, T>, newest: T[], count: number, now: Date): FrontSlot<T>[] {
  const held = new Map<number, FrontPin>();
  for (const pin of pins) {
    if (pin.position < 0 || pin.position >= count || !pinHolds(pin, now) || !publicStories.has(pin.storyId)) continue;
    held.set(pin.position, pin);
  }
  const used = new Set([...held.values()].map((p) => p.storyId));
  const fill = newest.filter((s) => !used.has(s.id));
  const slots: FrontSlot<T>[] = [];
  for (let position = 0; position < count; position++) {
    const pin = held.get(position);
    if (pin) {
      slots.push({ position, story: publicStories.get(pin.storyId)!, pinned: true, pinnedUntil: pin.pinnedUntil });
      continue;
    }
    const next = fill.shift();
    if (next) slots.push({ position, story: next, pinned: false, pinnedUntil: null });
  }
  return slots.map((s, i) => ({ ...s, position: i }));
}
