/**
 * The front page's arrangement on the database: editors (the `story:publish` right) pin public
 * stories to the lead and top-story positions, with an optional end in the newsroom's zone,
 * choose the automatic rule for the positions no pin holds and the section blocks below, and
 * pin one lead per section page. The reader pages resolve all of it at each render with the
 * reader rule (lib/front/arrange.ts), so an unpublished, trashed, scheduled-off (or, on a
 * section page, untagged) story leaves its position on the next request and a lapsed pin falls
 * back at its instant (the scheduler expires cached pages then). Every change is in the audit
 * log. A proposal (not saved) can be laid over the stored arrangement, for the desk's preview.
 */
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog, frontSectionBlocks, frontSectionPins, frontSettings, frontSlots, stories, storyTags, tags, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { formatDateAtTime } from "@/lib/dates/format";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { cardColumns, inLanguageScope, listNavSections, listPublicStories, listSectionBlocks, toCards, type LanguageScope, type StoryCard, type TagRef } from "@/lib/stories/queries";
import { isPublic } from "@/lib/stories/visibility";
import {
  arrangeFront,
  checkBlockOrder,
  FRONT_POSITIONS,
  FRONT_RULE_LABELS,
  FRONT_RULES,
  isFrontRule,
  isId,
  orderSectionBlocks,
  pinHolds,
  proposePins,
  resolveSectionLead,
  type FrontPin,
  type FrontProposal,
  type FrontRule,
  type FrontSlot,
} from "./arrange";

/** The pins that hold at `now` (lapsed ones stay stored until replaced; they are ignored). */
async function activePins(now: Date): Promise<FrontPin[]> {
  const db = await getDb();
  return db
    .select({ position: frontSlots.position, storyId: frontSlots.storyId, pinnedUntil: frontSlots.pinnedUntil })
    .from(frontSlots)
    .where(or(isNull(frontSlots.pinnedUntil), gt(frontSlots.pinnedUntil, now)))
    .orderBy(asc(frontSlots.position));
}

/** The front page's stored settings. */
export interface FrontSettings {
  /** The automatic rule for positions no pin holds ("newest" until an editor chooses). */
  rule: FrontRule;
  /** The section blocks editors chose (tag ids, in order), or null: the navigation's pick. */
  blocks: string[] | null;
}

/** The front page's settings (the defaults until an editor changes one). */
export async function getFrontSettings(): Promise<FrontSettings> {
  return readFrontSettings(await getDb());
}

async function readFrontSettings(db: Db): Promise<FrontSettings> {
  const [row] = await db.select({ rule: frontSettings.rule, blocksChosen: frontSettings.blocksChosen }).from(frontSettings).where(eq(frontSettings.id, 1)).limit(1);
  const rule = isFrontRule(row?.rule) ? row.rule : "newest";
  if (!row?.blocksChosen) return { rule, blocks: null };
  const blocks = await db.select({ tagId: frontSectionBlocks.tagId }).from(frontSectionBlocks).orderBy(asc(frontSectionBlocks.position));
  return { rule, blocks: blocks.map((b) => b.tagId) };
}

const newestFirst = (a: StoryCard, b: StoryCard) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The lead and top stories readers see at `now`, as stored, or with `proposal` (not saved)
 * laid over the stored pins and rule, for the desk's preview.
 * @param edition another language edition's front (lib/site/editions.ts): its stories only, by
 *   the editors' rule; the pins are the default edition's, which is the one editors arrange.
 * @returns the arranged positions (lead first), each story public at `now`, each saying how it
 *   got there (`fill`).
 */
export async function loadFrontStories(now: Date, count = FRONT_POSITIONS, proposal?: FrontProposal, edition?: { scope?: LanguageScope; pins: boolean }): Promise<FrontSlot<StoryCard>[]> {
  const db = await getDb();
  const [stored, settings] = await Promise.all([edition && !edition.pins ? [] : activePins(now), readFrontSettings(db)]);
  const pins = proposal ? proposePins(stored, proposal) : stored;
  const scope = edition?.scope;
  const rule = proposal?.rule ?? settings.rule;
  const enough = count + pins.length;
  const newestFirstOrder = [desc(stories.publishedAt), desc(stories.id)];
  const [pinnedRows, newest, breakingRows, photoRows] = await Promise.all([
    pins.length ? db.select(cardColumns).from(stories).where(and(inArray(stories.id, pins.map((p) => p.storyId)), isPublic(now))) : [],
    listPublicStories({ now, limit: enough, scope }),
    // The rules' own candidates, which need not be among the newest few.
    rule === "breaking_first"
      ? db.select(cardColumns).from(stories).where(and(isPublic(now), eq(stories.isBreaking, true), gt(stories.breakingUntil, now), inLanguageScope(scope))).orderBy(...newestFirstOrder).limit(enough)
      : [],
    rule === "photo_lead" ? db.select(cardColumns).from(stories).where(and(isPublic(now), isNotNull(stories.featuredMediaId), inLanguageScope(scope))).orderBy(...newestFirstOrder).limit(pins.length + 3) : [],
  ]);
  const known = new Set(newest.items.map((s) => s.id));
  const extraRows = [...breakingRows, ...photoRows].filter((r) => !known.has(r.id) && known.add(r.id));
  const [pinnedCards, extraCards] = await Promise.all([toCards(pinnedRows, now), toCards(extraRows, now)]);
  const pool = [...newest.items, ...extraCards].sort(newestFirst);
  return arrangeFront(pins, new Map(pinnedCards.map((c) => [c.id, c])), pool, count, now, rule);
}

/** A section block of the front page: the section and its newest stories. */
export interface FrontBlock {
  section: TagRef;
  stories: StoryCard[];
}

/**
 * The section blocks below the top stories at `now`: those editors chose, in their order, or,
 * never chosen, the first `sections` sections of the navigation (listSectionBlocks); with
 * `proposal.blocks`, the proposed choice instead (not saved). A section with no story of its
 * own left to show is left out.
 * @param o `perSection` stories each, none of `excludeIds` (the stories shown above).
 */
export async function loadFrontBlocks(
  now: Date,
  o: { sections?: number; perSection?: number; excludeIds?: string[]; scope?: LanguageScope; language?: string } = {},
  proposal?: FrontProposal,
): Promise<FrontBlock[]> {
  const { sections = 4, perSection = 3, excludeIds = [], scope, language } = o;
  const db = await getDb();
  const chosen = proposal?.blocks !== undefined ? proposal.blocks : (await readFrontSettings(db)).blocks;
  if (chosen === null) return listSectionBlocks(now, { sections, perSection, excludeIds, scope, language });
  if (chosen.length === 0) return [];
  const sectionRows = await db.select({ id: tags.id, slug: tags.slug, name: tags.name, translations: tags.translations }).from(tags).where(inArray(tags.id, chosen));
  const blocks = await Promise.all(
    sectionRows.map(async ({ translations, ...section }) => ({
      section: { ...section, name: (language && translations[language]?.name) || section.name },
      stories: (await listPublicStories({ now, limit: perSection, sectionId: section.id, excludeIds, scope })).items,
    })),
  );
  return orderSectionBlocks(chosen, new Map(blocks.filter((b) => b.stories.length > 0).map((b) => [b.section.id, b])), []);
}

/** Stories carrying the tag (in any position). */
const taggedWith = (tagId: string) => sql`exists (select 1 from ${storyTags} where ${storyTags.storyId} = ${stories.id} and ${storyTags.tagId} = ${tagId})`;

/**
 * The pinned lead of a section (tag) page at `now`: the story an editor pinned, while the pin
 * holds, the story is public and it still carries the tag.
 * @returns the story's card and the pin's end, or null (the page is newest first).
 */
export async function loadSectionLead(tagId: string, now: Date): Promise<{ story: StoryCard; pinnedUntil: Date | null } | null> {
  const db = await getDb();
  const [pin] = await db.select({ tagId: frontSectionPins.tagId, storyId: frontSectionPins.storyId, pinnedUntil: frontSectionPins.pinnedUntil }).from(frontSectionPins).where(eq(frontSectionPins.tagId, tagId)).limit(1);
  if (!pin || !pinHolds({ position: 0, ...pin }, now)) return null;
  const rows = await db.select(cardColumns).from(stories).where(and(eq(stories.id, pin.storyId), isPublic(now), taggedWith(tagId))).limit(1);
  const [card] = await toCards(rows, now);
  return resolveSectionLead(pin, card ?? null, now);
}

/** A section on the desk's Front page screen, with its page's lead. */
export interface SectionLeadDesk {
  section: TagRef;
  /** The lead now: pinned (with its end and who pinned it) or, unpinned, the newest story. */
  lead: { id: string; title: string; pinned: boolean; pinnedUntil: Date | null; setByName: string | null } | null;
  /** Public stories carrying the tag, newest first, to pin. */
  candidates: { id: string; title: string }[];
}

/** The arrangement as the desk's Front page screen shows it. */
export interface FrontDesk {
  slots: (FrontSlot<StoryCard> & { setByName: string | null })[];
  /** Public stories to pin, newest first. */
  candidates: { id: string; title: string }[];
  rule: FrontRule;
  rules: { value: FrontRule; label: string }[];
  /** The section blocks: chosen by editors (in their order), or the navigation's pick. */
  blocks: { chosen: boolean; sections: TagRef[] };
  /** The sections marked for the navigation (the blocks and section leads to choose from). */
  sections: TagRef[];
  sectionLeads: SectionLeadDesk[];
}

function requireEditor(viewer: Viewer): void {
  if (!can(viewer.role, "story:publish")) throw new AppError("forbidden", "Only editors arrange the front page.");
}

/** The desk's view of one section page's lead at `now`. */
async function sectionLeadDesk(db: Db, section: TagRef, now: Date): Promise<SectionLeadDesk> {
  const [lead, [pin], candidates] = await Promise.all([
    loadSectionLead(section.id, now),
    db.select({ name: users.name }).from(frontSectionPins).leftJoin(users, eq(users.id, frontSectionPins.setBy)).where(eq(frontSectionPins.tagId, section.id)).limit(1),
    db.select({ id: stories.id, title: stories.title }).from(stories).where(and(isPublic(now), taggedWith(section.id))).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(40),
  ]);
  return {
    section,
    lead: lead
      ? { id: lead.story.id, title: lead.story.title, pinned: true, pinnedUntil: lead.pinnedUntil, setByName: pin?.name ?? null }
      : candidates[0]
        ? { ...candidates[0], pinned: false, pinnedUntil: null, setByName: null }
        : null,
    candidates,
  };
}

/** The front page's positions now, with who pinned what, stories to pin, the rule, the section blocks and the section pages' leads. @throws AppError forbidden */
export async function getFrontDesk(viewer: Viewer, now = new Date()): Promise<FrontDesk> {
  requireEditor(viewer);
  const db = await getDb();
  const [slots, setters, candidates, settings, marked, pinnedTags] = await Promise.all([
    loadFrontStories(now),
    db.select({ position: frontSlots.position, name: users.name }).from(frontSlots).leftJoin(users, eq(users.id, frontSlots.setBy)),
    db.select({ id: stories.id, title: stories.title }).from(stories).where(isPublic(now)).orderBy(desc(stories.publishedAt), desc(stories.id)).limit(60),
    readFrontSettings(db),
    db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.isSection, true)).orderBy(asc(tags.sectionOrder), asc(tags.name)),
    db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(frontSectionPins).innerJoin(tags, eq(tags.id, frontSectionPins.tagId)).orderBy(asc(tags.name)),
  ]);
  const chosen = settings.blocks?.length ? await db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(inArray(tags.id, settings.blocks)) : [];
  const blockSections = settings.blocks === null ? await listNavSections(now, 4) : orderSectionBlocks(settings.blocks, new Map(chosen.map((t) => [t.id, t])), []);
  const leadSections = [...marked, ...pinnedTags.filter((t) => !marked.some((m) => m.id === t.id))];
  return {
    slots: slots.map((s) => ({ ...s, setByName: s.pinned ? (setters.find((x) => x.position === s.position)?.name ?? null) : null })),
    candidates,
    rule: settings.rule,
    rules: FRONT_RULES.map((value) => ({ value, label: FRONT_RULE_LABELS[value] })),
    blocks: { chosen: settings.blocks !== null, sections: blockSections },
    sections: marked,
    sectionLeads: await Promise.all(leadSections.map((section) => sectionLeadDesk(db, section, now))),
  };
}

/**
 * An end typed on the desk as an instant.
 * @param untilLocal newsroom wall-clock time "YYYY-MM-DDTHH:mm[:ss]", or "" for no end
 * @returns the instant, or null for no end.
 * @throws AppError bad_request (an unreadable or past time; field `until`).
 */
function parseUntil(untilLocal: string, timeZone: string, now: Date): Date | null {
  const local = String(untilLocal ?? "").trim();
  if (!local) return null;
  let until: Date;
  try {
    until = zonedLocalToInstant(local, timeZone);
  } catch (e) {
    if (e instanceof LocalTimeError) throw new AppError("bad_request", e.message, { until: e.message });
    throw e;
  }
  if (until <= now) throw new AppError("bad_request", "That time has already passed: pin without an end, or pick a later time.", { until: "In the past" });
  return until;
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
  const until = parseUntil(input.untilLocal, timeZone, now);
  const db = await getDb();
  const [story] = isId(input.storyId) ? await db.select({ id: stories.id, title: stories.title }).from(stories).where(and(eq(stories.id, input.storyId), isPublic(now))).limit(1) : [];
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

/** Unpins a position (it fills by the automatic rule again). @throws AppError forbidden */
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

/** The tag a section id names, or a refusal. */
async function requireTag(db: Db, tagId: unknown): Promise<TagRef> {
  const [tag] = isId(tagId) ? await db.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, tagId)).limit(1) : [];
  if (!tag) throw new AppError("bad_request", "Choose a section of this site.", { tagId: "Unknown section" });
  return tag;
}

/**
 * Pins a public story carrying the section's tag as the lead of that section's page
 * (`/tag/<slug>`), until `untilLocal` (newsroom wall-clock time; "" for no end), replacing the
 * section's pin if it had one.
 * @throws AppError: forbidden, bad_request (an unknown section; a story that is not public
 *   (field storyId "Not public") or does not carry the tag ("Not in this section"); an
 *   unreadable or past end).
 */
export async function pinSectionLead(viewer: Viewer, input: { tagId: string; storyId: string; untilLocal: string }, now = new Date()): Promise<void> {
  requireEditor(viewer);
  const db = await getDb();
  const tag = await requireTag(db, input.tagId);
  const { timeZone, locale } = await getSiteSettings();
  const until = parseUntil(input.untilLocal, timeZone, now);
  const [story] = isId(input.storyId)
    ? await db.select({ id: stories.id, title: stories.title, tagged: sql<boolean>`${taggedWith(tag.id)}` }).from(stories).where(and(eq(stories.id, input.storyId), isPublic(now))).limit(1)
    : [];
  if (!story) throw new AppError("bad_request", "Only a story readers can see can lead a section page.", { storyId: "Not public" });
  if (!story.tagged) throw new AppError("bad_request", `That story is not tagged “${tag.name}”: tag it first, or choose one of the section's stories.`, { storyId: "Not in this section" });
  await db.transaction(async (tx) => {
    await tx.delete(frontSectionPins).where(eq(frontSectionPins.tagId, tag.id));
    await tx.insert(frontSectionPins).values({ tagId: tag.id, storyId: story.id, pinnedUntil: until, setBy: viewer.id, setAt: now });
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "front.section_pin",
      entityType: "story",
      entityId: story.id,
      details: { title: story.title, section: tag.name, ...(until ? { until: `${formatDateAtTime(until, timeZone, locale)} (${timeZone})` } : {}) },
      createdAt: now,
    });
  });
}

/** Unpins a section page's lead (the page is newest first again). @throws AppError: forbidden, bad_request (an unknown section). */
export async function unpinSectionLead(viewer: Viewer, tagId: string, now = new Date()): Promise<void> {
  requireEditor(viewer);
  const db = await getDb();
  const tag = await requireTag(db, tagId);
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(frontSectionPins).where(eq(frontSectionPins.tagId, tag.id)).returning({ storyId: frontSectionPins.storyId });
    if (gone) await tx.insert(auditLog).values({ actorId: viewer.id, action: "front.section_unpin", entityType: "story", entityId: gone.storyId, details: { section: tag.name }, createdAt: now });
  });
}

/** The settings row, created with the defaults when absent; returns what it held. */
async function lockFrontSettings(tx: Db): Promise<FrontSettings> {
  await tx.insert(frontSettings).values({ id: 1 }).onConflictDoNothing();
  await tx.select({ id: frontSettings.id }).from(frontSettings).where(eq(frontSettings.id, 1)).for("update");
  return readFrontSettings(tx);
}

/**
 * Chooses the automatic rule for the front page's unpinned positions. Choosing the rule in
 * force writes nothing.
 * @throws AppError: forbidden, bad_request (not one of FRONT_RULES; field `rule`).
 */
export async function setFrontRule(viewer: Viewer, rule: string, now = new Date()): Promise<void> {
  requireEditor(viewer);
  if (!isFrontRule(rule)) throw new AppError("bad_request", "Choose one of the automatic rules.", { rule: "Unknown rule" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockFrontSettings(tx);
    if (before.rule === rule) return;
    await tx.update(frontSettings).set({ rule, updatedBy: viewer.id, updatedAt: now }).where(eq(frontSettings.id, 1));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "front.rule",
      entityType: "front",
      entityId: "front",
      details: { changes: { rule: { from: FRONT_RULE_LABELS[before.rule], to: FRONT_RULE_LABELS[rule] } } },
      createdAt: now,
    });
  });
}

/**
 * Chooses the section blocks below the front page's top stories, in order (`tagIds`, first
 * block first; an empty list: no blocks), or, with null, goes back to the navigation's own
 * pick. Choosing what is in force writes nothing.
 * @throws AppError: forbidden, bad_request (a malformed or repeated id, too many blocks, a tag
 *   that is not marked as a section; field `sections`).
 */
export async function setSectionBlocks(viewer: Viewer, tagIds: string[] | null, now = new Date()): Promise<void> {
  requireEditor(viewer);
  const ids = tagIds === null ? null : checkBlockOrder(tagIds);
  const db = await getDb();
  const found = ids?.length ? await db.select({ id: tags.id, name: tags.name }).from(tags).where(and(inArray(tags.id, ids), eq(tags.isSection, true))) : [];
  if (ids && found.length !== ids.length) throw new AppError("bad_request", "Only the sections of the navigation can be blocks on the front page.", { sections: "Not a section" });
  const nameOf = (list: string[] | null, rows: { id: string; name: string }[]) => (list === null ? "the first sections of the navigation" : list.length === 0 ? "(none)" : list.map((id) => rows.find((r) => r.id === id)?.name ?? id).join(", "));
  await db.transaction(async (tx) => {
    const before = await lockFrontSettings(tx);
    if (JSON.stringify(before.blocks) === JSON.stringify(ids)) return;
    const beforeRows = before.blocks?.length ? await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.id, before.blocks)) : [];
    await tx.delete(frontSectionBlocks);
    if (ids?.length) await tx.insert(frontSectionBlocks).values(ids.map((tagId, position) => ({ tagId, position })));
    await tx.update(frontSettings).set({ blocksChosen: ids !== null, updatedBy: viewer.id, updatedAt: now }).where(eq(frontSettings.id, 1));
    await tx.insert(auditLog).values({
      actorId: viewer.id,
      action: "front.sections",
      entityType: "front",
      entityId: "front",
      details: { changes: { sections: { from: nameOf(before.blocks, beforeRows), to: nameOf(ids, found) } } },
      createdAt: now,
    });
  });
}
