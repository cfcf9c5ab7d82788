/**
 * The front page's top stories as pure rules: a lead (position 0) and the top stories after
 * it. A pin holds its position while it has not lapsed and its story is public; every other
 * position is filled by the automatic rule editors chose (newest first; breaking news first;
 * or a lead with a photo), from public stories not already shown, so the front never has a
 * hole and a story that stops being public leaves its position at once. A section page's lead
 * follows the same pin rule, and the section blocks below the top stories follow the order
 * editors chose.
 */
import { FRONT_RULES } from "@/db/schema";
import { AppError } from "@/lib/errors";

export { FRONT_RULES };

/** An automatic rule for the positions no pin holds. */
export type FrontRule = (typeof FRONT_RULES)[number];

/** Each rule in the desk's words. */
export const FRONT_RULE_LABELS: Record<FrontRule, string> = {
  newest: "Newest stories",
  breaking_first: "Newest, breaking news first",
  photo_lead: "Newest with a photo for the lead",
};

/** Whether `value` names a rule. */
export function isFrontRule(value: unknown): value is FrontRule {
  return typeof value === "string" && (FRONT_RULES as readonly string[]).includes(value);
}

/** How many section blocks the front page shows at most. */
export const MAX_SECTION_BLOCKS = 8;

/** How many positions editors arrange: the lead and six top stories. */
export const FRONT_POSITIONS = 7;

/** A pin as stored. `pinnedUntil` null: until unpinned. */
export interface FrontPin {
  position: number;
  storyId: string;
  pinnedUntil: Date | null;
}

/**
 * Why a story holds its position: an editor's pin, or the automatic rule, as "the newest
 * story", "breaking news" (breaking first) or "the newest story with a photo" (photo lead).
 */
export type FrontFill = "pinned" | "newest" | "breaking" | "photo";

/** One position of the arranged front. */
export interface FrontSlot<T> {
  position: number;
  story: T;
  /** Held by an editor's pin (false: filled by the automatic rule). */
  pinned: boolean;
  pinnedUntil: Date | null;
  fill: FrontFill;
}

/** What the rules read of a story: its id, whether it shows as breaking news now, its photo. */
export interface FrontStory {
  id: string;
  /** The breaking label shows at the arrangement's instant. */
  breaking?: boolean;
  /** The featured photo (any non-null value counts). */
  photo?: unknown;
}

/** Whether a pin holds at `now` (its story's visibility aside). */
export function pinHolds(pin: FrontPin, now: Date): boolean {
  return pin.pinnedUntil === null || pin.pinnedUntil.getTime() > now.getTime();
}

/**
 * Arranges positions 0…count-1.
 * @param pins the stored pins (lapsed ones are ignored)
 * @param publicStories the pinned stories that are public at `now`, by id (others are ignored)
 * @param newest public stories, newest first, to fill the rest (for "breaking_first" it must
 *   include the breaking ones, for "photo_lead" the newest with a photo)
 * @param rule the automatic rule: "newest" fills in order; "breaking_first" puts the stories
 *   showing as breaking (`breaking: true`) first, newest first, then the rest; "photo_lead"
 *   gives an automatic lead to the newest story with a photo (the newest story when none has
 *   one), and the rest in order.
 * @returns the filled positions in order (fewer than `count` when there are too few stories).
 */
export function arrangeFront<T extends FrontStory>(pins: FrontPin[], publicStories: Map<string, T>, newest: T[], count: number, now: Date, rule: FrontRule = "newest"): FrontSlot<T>[] {
  const held = new Map<number, FrontPin>();
  for (const pin of pins) {
    if (pin.position < 0 || pin.position >= count || !pinHolds(pin, now) || !publicStories.has(pin.storyId)) continue;
    held.set(pin.position, pin);
  }
  const used = new Set([...held.values()].map((p) => p.storyId));
  const seen = new Set<string>();
  const pool = newest.filter((s) => !used.has(s.id) && !seen.has(s.id) && seen.add(s.id));
  const fill: { story: T; fill: FrontFill }[] =
    rule === "breaking_first"
      ? [...pool.filter((s) => s.breaking).map((story) => ({ story, fill: "breaking" as const })), ...pool.filter((s) => !s.breaking).map((story) => ({ story, fill: "newest" as const }))]
      : pool.map((story) => ({ story, fill: "newest" as const }));
  const slots: FrontSlot<T>[] = [];
  for (let position = 0; position < count; position++) {
    const pin = held.get(position);
    if (pin) {
      slots.push({ position, story: publicStories.get(pin.storyId)!, pinned: true, pinnedUntil: pin.pinnedUntil, fill: "pinned" });
      continue;
    }
    let next: { story: T; fill: FrontFill } | undefined;
    if (rule === "photo_lead" && slots.length === 0) {
      const withPhoto = fill.findIndex((f) => f.story.photo != null);
      if (withPhoto >= 0) next = { story: fill.splice(withPhoto, 1)[0]!.story, fill: "photo" };
    }
    next ??= fill.shift();
    if (next) slots.push({ position, story: next.story, pinned: false, pinnedUntil: null, fill: next.fill });
  }
  return slots.map((s, i) => ({ ...s, position: i }));
}

/** A section page's lead pin as stored. */
export interface SectionPin {
  tagId: string;
  storyId: string;
  pinnedUntil: Date | null;
}

/**
 * A section page's lead at `now`.
 * @param pin the stored pin, or null
 * @param story the pinned story when it is public at `now` and carries the section's tag, else null
 * @returns the story to lead with and its end, or null: the page is newest first.
 */
export function resolveSectionLead<T extends { id: string }>(pin: SectionPin | null, story: T | null, now: Date): { story: T; pinnedUntil: Date | null } | null {
  if (!pin || !story || story.id !== pin.storyId || !pinHolds({ position: 0, storyId: pin.storyId, pinnedUntil: pin.pinnedUntil }, now)) return null;
  return { story, pinnedUntil: pin.pinnedUntil };
}

/**
 * The section blocks of the front page: with `chosen` (tag ids in the editors' order), those
 * sections that still exist and have stories, in that order; with null (never chosen),
 * `fallback`, the navigation's own pick.
 * @param available the blocks that could be shown (with stories), by tag id
 */
export function orderSectionBlocks<B>(chosen: string[] | null, available: Map<string, B>, fallback: B[]): B[] {
  if (chosen === null) return fallback;
  return chosen.flatMap((id) => (available.has(id) ? [available.get(id)!] : []));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a well-formed id (a UUID). */
export function isId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Checks a chosen order of section blocks.
 * @param ids tag ids, first block first (an empty list: no section blocks)
 * @returns the ids, lower-cased.
 * @throws AppError bad_request: not a list, a malformed id, a section twice, more than
 *   MAX_SECTION_BLOCKS.
 */
export function checkBlockOrder(ids: unknown): string[] {
  if (!Array.isArray(ids)) throw new AppError("bad_request", "Send the section blocks as a list.", { sections: "Not a list" });
  if (!ids.every(isId)) throw new AppError("bad_request", "One of the sections is not a section of this site.", { sections: "Unknown section" });
  const lower = ids.map((id) => id.toLowerCase());
  if (new Set(lower).size !== lower.length) throw new AppError("bad_request", "A section can appear only once on the front page.", { sections: "Twice" });
  if (lower.length > MAX_SECTION_BLOCKS) throw new AppError("bad_request", `The front page shows at most ${MAX_SECTION_BLOCKS} section blocks.`, { sections: "Too many" });
  return lower;
}

/**
 * A change to the front page not yet saved, to preview: a story pinned to a position, a
 * position unpinned, another automatic rule, or another order of section blocks (null: back
 * to the navigation's own pick). Each part is optional.
 */
export interface FrontProposal {
  pin?: { position: number; storyId: string };
  unpin?: number;
  rule?: FrontRule;
  blocks?: string[] | null;
}

/**
 * Reads a proposal from a preview address's query: `pin=<position>&story=<id>`, `unpin=<position>`,
 * `rule=<rule>`, `blocks=<id>,<id>…` (`blocks=auto`: the navigation's pick; `blocks=` empty: none).
 * @throws AppError bad_request naming the part that is wrong.
 */
export function parseFrontProposal(query: URLSearchParams): FrontProposal {
  const proposal: FrontProposal = {};
  const position = (raw: string | null) => {
    const n = Number(raw);
    if (raw === null || raw.trim() === "" || !Number.isInteger(n) || n < 0 || n >= FRONT_POSITIONS) throw new AppError("bad_request", "Choose a position on the front page.", { position: "Unknown position" });
    return n;
  };
  if (query.has("pin")) {
    const storyId = query.get("story");
    if (!isId(storyId)) throw new AppError("bad_request", "Choose a published story to preview.", { storyId: "Not a story" });
    proposal.pin = { position: position(query.get("pin")), storyId };
  }
  if (query.has("unpin")) proposal.unpin = position(query.get("unpin"));
  if (query.has("rule")) {
    const rule = query.get("rule");
    if (!isFrontRule(rule)) throw new AppError("bad_request", "Choose one of the automatic rules.", { rule: "Unknown rule" });
    proposal.rule = rule;
  }
  if (query.has("blocks")) {
    const raw = query.get("blocks")!.trim();
    proposal.blocks = raw === "auto" ? null : checkBlockOrder(raw === "" ? [] : raw.split(","));
  }
  return proposal;
}

/**
 * The stored pins with a proposal's pin or unpin applied, the way saving it would apply them:
 * a pinned story replaces the pin at its position and leaves any other position it held; a
 * proposed pin has no end.
 */
export function proposePins(pins: FrontPin[], proposal: FrontProposal): FrontPin[] {
  let out = pins;
  if (proposal.unpin !== undefined) out = out.filter((p) => p.position !== proposal.unpin);
  if (proposal.pin) {
    const { position, storyId } = proposal.pin;
    out = [...out.filter((p) => p.position !== position && p.storyId !== storyId), { position, storyId, pinnedUntil: null }];
  }
  return out;
}
