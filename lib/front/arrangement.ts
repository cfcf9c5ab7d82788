/**
 * The front page's arrangement on the database: editors (the `story:publish` right) pin public
 * stories to the lead and top-story positions, with an optional end in the newsroom's zone; the
 * reader's front page resolves the pins at each render with the reader rule
 * (lib/front/arrange.ts), so an unpublished, trashed or scheduled-off story leaves its position
 * on the next request and a lapsed pin falls back at its instant (the scheduler expires cached
 * pages then). Every change is in the audit log.
 */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, frontSlots, stories, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { formatDateAtTime } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { cardColumns, listPublicStories, toCards, type StoryCard } from "@/lib/stories/queries";
import { isPublic } from "@/lib/stories/visibility";
import { arrangeFront, FRONT_POSITIONS, type FrontPin, type FrontSlot } from "./arrange";

/** The pins that hold at `now` (lapsed ones stay stored until replaced; they are ignored). */
async function activePins(now: Date): Promise<FrontPin[]> {
  const db = await getDb();
  return db
    .select({ position: frontSlots.position, storyId: frontSlots.storyId, pinnedUntil: frontSlots.pinnedUntil })
    .from(frontSlots)
    .where(or(isNull(frontSlots.pinnedUntil), gt(frontSlots.pinnedUntil, now)))
    .orderBy(asc(frontSlots.position));
}

/**
 * The lead and top stories readers see at `now`.
 * @returns the arranged positions (lead first), each story public at `now`.
 */
export async function loadFrontStories(now: Date, count = FRONT_POSITIONS): Promise<FrontSlot<StoryCard>[]> {
  const pins = await activePins(now);
  const db = await getDb();
  const [pinnedRows, newest] = await Promise.all([
    pins.length ? db.select(cardColumns).from(stories).where(and(inArray(stories.id, pins.map((p) => p.storyId)), isPublic(now))) : [],
    listPublicStories({ now, limit: count + pins.length }),
  ]);
  const pinned = new Map((await toCards(pinnedRows, now)).map((c) => [c.id, c]));
  return arrangeFront(pins, pinned, newest.items, count, now);
}

/** The arrangement as the desk's Front page screen shows it. */
export interface FrontDesk {
  slots: (FrontSlot<StoryCard> & { setByName: string | null })[];
  /** Public stories to pin, newest first. */
  candidates: { id: string; title: string }[];
}

function requireEditor(viewer: Viewer): void {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors arrange the front page.");
}

/** The front page's positions now, with who pinned what, and stories to pin. @throws AppError forbidden */
export async function getFrontDesk(viewer: Viewer, now = new Date()): Promise<FrontDesk> {
  requireEditor(viewer);
  const db = await getDb();
  const [slots, setters, candidates] = await Promise.all([
    loadFrontStories(now),
    db.select({ position: frontSlots.position, name: users.name }).from(frontSlots).leftJoin(users, eq(users.id, frontSlots.setBy)),
    db.select({ id: stories.id, title: stories.title }).from(stories).where(isPublic(now)).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(60),
  ]);
  return {
    slots: slots.map((s) => ({ ...s, setByName: s.pinned ? (setters.find((x) => x.position === s.position)?.name ?? null) : null })),
    candidates,
  };
}

/**
 * Pins a public story to a position (0: the lead), until `untilLocal` (newsroom wall-clock
 * time; "" for no end). A story pinned elsewhere moves; a story pinned at that position is
 * replaced.
 * @throws AppError: forbidden, bad_request (position, a story that is not public, an unreadable
 *   or past end).
 */
export async function pinFrontStory(viewer: Viewer, input: { position: number; storyId: string; untilLocal: string }, now = new Date()): Promise<void> {
  requireEditor(viewer);
  const position = Number(input.position);
  if (!Number.isInteger(position) || position < 0 || position >= FRONT_POSITIONS) throw new AppError("bad_request", "Choose a position on the front page.");
  const { timeZone, locale } = await getSiteSettings();
  let until: Date | null = null;
  if (input.untilLocal.trim()) {
    try {
      until = zonedLocalToInstant(input.untilLocal.trim(), timeZone);
    } catch (e) {
      if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { until: e.message });
      throw e;
    }
    if (until <= now) throw new AppError("bad_request", "That time has already passed: pin without an end, or pick a later time.", { until: "In the past" });
  }
  const db = await getDb();
  const [story] = /^[0-9a-f-]{36}$/i.test(input.storyId) ? await db.select({ id: stories.id, title: stories.title }).from(stories).where(and(eq(stories.id, input.storyId), isPublic(now))).limit(1) : [];
  if (!story) throw new AppError("bad_request", "Only a story readers can see can be pinned to the front page.", { storyId: "Not public" });
  await db.transaction(async (tx) => {
    await tx.delete(frontSlots).where(or(eq(frontSlots.position, position), eq(frontSlots.storyId, story.id)));
    await tx.insert(frontSlots).values({ position, storyId: story.id, pinnedUntil: until, setBy: viewer.id, setAt: now });
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "front.pin",
      entityType: "story",
      entityId: story.id,
      details: { title: story.title, position: position === 0 ? "lead" : `top story ${position}`, ...(until ? { until: `${formatDateAtTime(until, timeZone, locale)} (${timeZone})` } : {}) },
      createdAt: now,
    });
  });
}

/** Unpins a position (it fills with the newest stories again). @throws AppError forbidden */
export async function unpinFront(viewer: Viewer, position: number, now = new Date()): Promise<void> {
  requireEditor(viewer);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const gone = await tx.delete(frontSlots).where(eq(frontSlots.position, Number(position))).returning({ storyId: frontSlots.storyId });
    if (gone[0]) await tx.insert(auditLog).values({ actorId: viewer.id, action: "front.unpin", entityType: "story", entityId: gone[0].storyId, details: { position: Number(position) === 0 ? "lead" : `top story ${position}` }, createdAt: now });
  });
}

/**
 * Moves a pinned story one position up or down (swapping with a pin there, if any).
 * @throws AppError: forbidden, bad_request (nothing pinned there, or no position beyond).
 */
export async function moveFrontPin(viewer: Viewer, position: number, direction: "up" | "down", now = new Date()): Promise<void> {
  requireEditor(viewer);
  const from = Number(position);
  const to = direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= FRONT_POSITIONS) throw new AppError("bad_request", "There is no position beyond that one.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [moving] = await tx.select().from(frontSlots).where(eq(frontSlots.position, from)).limit(1).for("update");
    if (!moving) throw new AppError("bad_request", "Nothing is pinned there: pin a story first.");
    const [other] = await tx.select().from(frontSlots).where(eq(frontSlots.position, to)).limit(1).for("update");
    // The other pin steps out and back in, so the position key never collides mid-swap.
    if (other) await tx.delete(frontSlots).where(eq(frontSlots.position, to));
    await tx.update(frontSlots).set({ position: to }).where(eq(frontSlots.position, from));
    if (other) await tx.insert(frontSlots).values({ ...other, position: from });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "front.move", entityType: "story", entityId: moving.storyId, details: { from, to }, createdAt: now });
  });
}
