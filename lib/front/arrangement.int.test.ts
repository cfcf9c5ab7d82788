/**
 * The front page's arrangement on a real database (PGlite; PostgreSQL too with
 * TEST_DATABASE_URL), with the clock passed in: pins hold their positions, lapse at their
 * instant, and let go of a story that stops being public; a section page's lead pin, the
 * automatic rule and the section blocks' order, and a proposal previewed without saving.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, frontSlots, media } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { nextScheduledInstant } from "@/lib/publishing/scheduler";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { saveSiteSettings, upsertTag } from "@/lib/stories/store";
import { trashStory } from "@/lib/stories/trash";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { refusal, kabulLocal } from "@/test/refusal";
import type { FrontProposal } from "./arrange";
import {
  getFrontDesk,
  getFrontSettings,
  loadFrontBlocks,
  loadFrontStories,
  loadSectionLead,
  moveFrontPin,
  pinFrontStory,
  pinSectionLead,
  setFrontRule,
  setSectionBlocks,
  unpinFront,
  unpinSectionLead,
} from "./arrangement";

const body = JSON.stringify(bodyFromParagraphs(["A paragraph."]));


describe.each(engines())("the front page's arrangement on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  const ids: Record<string, string> = {};
  const titles = async (now: Date) => (await loadFrontStories(now, 4)).map((s) => `${s.story.title}${s.pinned ? " (pinned)" : ""}`);

  it("sets up an editor, a writer and four stories published a minute apart", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    for (const [i, name] of ["Breaking flood warning", "Council budget", "Football result", "Weather"].entries()) {
      ids[name] = (await saveStory(mina, { title: name, body, intent: "publish" }, new Date(T0.getTime() + i * 60_000))).id;
    }
  });

  it("fills every position with the newest stories until an editor pins one", async () => {
    const now = new Date(T0.getTime() + 600_000);
    expect(await titles(now)).toEqual(["Weather", "Football result", "Council budget", "Breaking flood warning"]);
    expect((await refusal(pinFrontStory(sahar, { position: 0, storyId: ids["Breaking flood warning"]!, untilLocal: "" }, now))).code).toBe("forbidden");
    await pinFrontStory(mina, { position: 0, storyId: ids["Breaking flood warning"]!, untilLocal: "" }, now);
    expect(await titles(now)).toEqual(["Breaking flood warning (pinned)", "Weather", "Football result", "Council budget"]);
    const log = await handle().db.select().from(auditLog).where(and(eq(auditLog.action, "front.pin"), eq(auditLog.entityId, ids["Breaking flood warning"]!)));
    expect(log[0]?.details).toMatchObject({ position: "lead" });
    expect((await getFrontDesk(mina, now)).slots[0]).toMatchObject({ pinned: true, setByName: "Mina" });
  });

  it("moves a pin, lapses it at its instant, and lets go of a story that leaves the site", async () => {
    const now = new Date(T0.getTime() + 700_000);
    await moveFrontPin(mina, 0, "down", now);
    expect(await titles(now)).toEqual(["Weather", "Breaking flood warning (pinned)", "Football result", "Council budget"]);
    const end = new Date(now.getTime() + 3_600_000);
    await pinFrontStory(mina, { position: 0, storyId: ids["Council budget"]!, untilLocal: kabulLocal(end) }, now);
    expect(await nextScheduledInstant(now)).toEqual(end);
    expect((await titles(new Date(end.getTime() - 1)))[0]).toBe("Council budget (pinned)");
    expect((await titles(end))[0]).toBe("Weather");
    // Trashed: out of its position at once; the position fills with the newest.
    await trashStory(mina, ids["Breaking flood warning"]!, now);
    expect(await titles(now)).toEqual(["Council budget (pinned)", "Weather", "Football result"]);
    await unpinFront(mina, 0, now);
    expect(await titles(now)).toEqual(["Weather", "Football result", "Council budget"]);
  });

  it("pins only a story readers can see, and no end in the past", async () => {
    const now = new Date(T0.getTime() + 800_000);
    const draft = await saveStory(mina, { title: "Draft", body }, now);
    expect((await refusal(pinFrontStory(mina, { position: 1, storyId: draft.id, untilLocal: "" }, now))).fields).toEqual({ storyId: "Not public" });
    expect((await refusal(pinFrontStory(mina, { position: 1, storyId: ids.Weather!, untilLocal: kabulLocal(new Date(now.getTime() - 60_000)) }, now))).fields).toEqual({ until: "In the past" });
    const desk = await getDeskStory(mina, ids.Weather!, now);
    expect(desk.status).toBe("published");
  });
});

describe.each(engines())("section leads, the automatic rule and the section blocks on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;
  const T0 = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  const ids: Record<string, string> = {};
  const tagIds: Record<string, string> = {};
  const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
  const leadOf = async (section: string, now: Date) => (await loadSectionLead(tagIds[section]!, now))?.story.title ?? null;
  const front = async (now: Date, proposal?: FrontProposal) => (await loadFrontStories(now, 3, proposal)).map((s) => `${s.story.title} (${s.fill})`);
  const blocks = async (now: Date, proposal?: FrontProposal) => (await loadFrontBlocks(now, { perSection: 3 }, proposal)).map((b) => b.section.name);
  const audits = async (action: string) => handle().db.select().from(auditLog).where(eq(auditLog.action, action));

  it("sets up three sections (and a tag that is not one), and five stories a minute apart, one breaking, one with a photo", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    for (const [i, name] of ["Politics", "Sport", "Health"].entries()) tagIds[name] = await upsertTag({ slug: name.toLowerCase(), name, sectionOrder: i });
    tagIds.Water = await upsertTag({ slug: "water", name: "Water" });
    const [photo] = await handle()
      .db.insert(media)
      .values({ storageKey: "0123456789abcdef0123456789abcdef.jpg", contentHash: "0123456789abcdef".repeat(4), mimeType: "image/jpeg", width: 1200, height: 800, bytes: 1000, altText: "The new clinic's door" })
      .returning({ id: media.id });
    const plan: [string, Record<string, unknown>][] = [
      ["Clinic opens in Bamyan", { tags: ["Health"], featuredMediaId: photo!.id }],
      ["Vote count begins", { tags: ["Politics", "Water"] }],
      ["Floods hit the north", { tags: ["Politics"], isBreaking: true }],
      ["Cup final tonight", { tags: ["Sport"] }],
      ["Cabinet reshuffle", { tags: ["Politics"] }],
    ];
    for (const [i, [title, extra]] of plan.entries()) ids[title] = (await saveStory(mina, { title, body, intent: "publish", ...extra }, at(i))).id;
    ids.Draft = (await saveStory(mina, { title: "Draft", body, tags: ["Politics"] }, at(5))).id;
  });

  it("pins a section page's lead for editors only, and only a public story carrying the tag, with a clear refusal otherwise", async () => {
    const now = at(10);
    expect(await leadOf("Politics", now)).toBeNull();
    expect((await refusal(pinSectionLead(sahar, { tagId: tagIds.Politics!, storyId: ids["Vote count begins"]!, untilLocal: "" }, now))).code).toBe("forbidden");
    expect((await refusal(pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Cup final tonight"]!, untilLocal: "" }, now))).fields).toEqual({ storyId: "Not in this section" });
    expect((await refusal(pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids.Draft!, untilLocal: "" }, now))).fields).toEqual({ storyId: "Not public" });
    expect((await refusal(pinSectionLead(mina, { tagId: "politics", storyId: ids["Vote count begins"]!, untilLocal: "" }, now))).fields).toEqual({ tagId: "Unknown section" });
    expect((await refusal(pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Vote count begins"]!, untilLocal: kabulLocal(at(9)) }, now))).fields).toEqual({ until: "In the past" });
    expect((await refusal(pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Vote count begins"]!, untilLocal: "tomorrow" }, now))).code).toBe("bad_request");

    await pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Vote count begins"]!, untilLocal: "" }, now);
    expect(await leadOf("Politics", now)).toBe("Vote count begins");
    // Any tag has a page: a pin on a tag that is not in the navigation works the same way.
    await pinSectionLead(mina, { tagId: tagIds.Water!, storyId: ids["Vote count begins"]!, untilLocal: "" }, now);
    expect(await leadOf("Water", now)).toBe("Vote count begins");
    expect((await audits("front.section_pin"))[0]?.details).toMatchObject({ title: "Vote count begins", section: "Politics" });
    const desk = await getFrontDesk(mina, now);
    expect(desk.sectionLeads.map((s) => `${s.section.name}: ${s.lead?.title} (${s.lead?.pinned ? `pinned by ${s.lead.setByName}` : "newest"})`)).toEqual([
      "Politics: Vote count begins (pinned by Mina)",
      "Sport: Cup final tonight (newest)",
      "Health: Clinic opens in Bamyan (newest)",
      "Water: Vote count begins (pinned by Mina)",
    ]);
    expect(desk.sectionLeads[0]!.candidates.map((c) => c.title)).toEqual(["Cabinet reshuffle", "Floods hit the north", "Vote count begins"]);
  });

  it("ends a section lead at its instant (on the scheduler's timer), and lets go when the story loses the tag or leaves the site", async () => {
    const now = at(11);
    const end = at(41);
    await pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Floods hit the north"]!, untilLocal: kabulLocal(end) }, now);
    expect(await nextScheduledInstant(now)).toEqual(end);
    expect(await leadOf("Politics", new Date(end.getTime() - 1))).toBe("Floods hit the north");
    expect(await leadOf("Politics", end)).toBeNull();

    // Untagged "Water": out of that page's lead at once.
    const s = await getDeskStory(mina, ids["Vote count begins"]!, now);
    await saveStory(mina, { id: s.id, version: s.version, title: s.title, body, tags: ["Politics"], bylineIds: s.bylineIds }, now);
    expect(await leadOf("Water", now)).toBeNull();

    // Unpublished: out of the Politics lead at once.
    await pinSectionLead(mina, { tagId: tagIds.Politics!, storyId: ids["Vote count begins"]!, untilLocal: "" }, now);
    const v = await getDeskStory(mina, ids["Vote count begins"]!, now);
    await saveStory(mina, { id: v.id, version: v.version, title: v.title, body, tags: v.tags, bylineIds: v.bylineIds, intent: "unpublish" }, now);
    expect(await leadOf("Politics", now)).toBeNull();

    expect((await refusal(unpinSectionLead(sahar, tagIds.Politics!, now))).code).toBe("forbidden");
    await unpinSectionLead(mina, tagIds.Politics!, now);
    expect((await audits("front.section_unpin")).map((a) => a.details)).toEqual([{ section: "Politics" }]);
    expect(await leadOf("Politics", now)).toBeNull();
  });

  it("fills the unpinned positions by the rule editors choose: newest, breaking news first, or a lead with a photo", async () => {
    const now = at(12);
    expect(await front(now)).toEqual(["Cabinet reshuffle (newest)", "Cup final tonight (newest)", "Floods hit the north (newest)"]);
    expect((await refusal(setFrontRule(sahar, "breaking_first", now))).code).toBe("forbidden");
    expect((await refusal(setFrontRule(mina, "oldest", now))).fields).toEqual({ rule: "Unknown rule" });

    await setFrontRule(mina, "breaking_first", now);
    expect(await front(now)).toEqual(["Floods hit the north (breaking)", "Cabinet reshuffle (newest)", "Cup final tonight (newest)"]);
    expect((await getFrontDesk(mina, now)).rule).toBe("breaking_first");

    await setFrontRule(mina, "photo_lead", now);
    expect(await front(now)).toEqual(["Clinic opens in Bamyan (photo)", "Cabinet reshuffle (newest)", "Cup final tonight (newest)"]);
    // A pinned lead stays; the rule only fills what no pin holds.
    await pinFrontStory(mina, { position: 0, storyId: ids["Cup final tonight"]!, untilLocal: "" }, now);
    expect(await front(now)).toEqual(["Cup final tonight (pinned)", "Cabinet reshuffle (newest)", "Floods hit the north (newest)"]);
    await unpinFront(mina, 0, now);

    // Choosing the rule in force writes nothing; each change is in the audit log, in words.
    await setFrontRule(mina, "photo_lead", now);
    expect((await audits("front.rule")).map((a) => (a.details as { changes: { rule: unknown } }).changes.rule)).toEqual([
      { from: "Newest stories", to: "Newest, breaking news first" },
      { from: "Newest, breaking news first", to: "Newest with a photo for the lead" },
    ]);
    expect((await getFrontSettings()).rule).toBe("photo_lead");
    await setFrontRule(mina, "newest", now);
  });

  it("keeps the section blocks in the order editors chose, and goes back to the navigation's pick", async () => {
    const now = at(13);
    expect(await blocks(now)).toEqual(["Politics", "Sport", "Health"]);
    expect((await refusal(setSectionBlocks(sahar, [tagIds.Health!], now))).code).toBe("forbidden");
    expect((await refusal(setSectionBlocks(mina, [tagIds.Health!, tagIds.Water!], now))).fields).toEqual({ sections: "Not a section" });
    expect((await refusal(setSectionBlocks(mina, [tagIds.Health!, tagIds.Health!], now))).fields).toEqual({ sections: "Twice" });
    expect((await refusal(setSectionBlocks(mina, ["health"], now))).fields).toEqual({ sections: "Unknown section" });
    expect((await refusal(setSectionBlocks(mina, "health" as unknown as string[], now))).fields).toEqual({ sections: "Not a list" });

    await setSectionBlocks(mina, [tagIds.Health!, tagIds.Politics!], now);
    expect(await blocks(now)).toEqual(["Health", "Politics"]);
    expect((await getFrontSettings()).blocks).toEqual([tagIds.Health, tagIds.Politics]);
    expect((await getFrontDesk(mina, now)).blocks).toMatchObject({ chosen: true, sections: [{ name: "Health" }, { name: "Politics" }] });
    // A block whose stories are all shown above is left out, not shown empty.
    expect((await loadFrontBlocks(now, { excludeIds: [ids["Clinic opens in Bamyan"]!] })).map((b) => b.section.name)).toEqual(["Politics"]);
    await setSectionBlocks(mina, [], now);
    expect(await blocks(now)).toEqual([]);
    await setSectionBlocks(mina, null, now);
    expect(await blocks(now)).toEqual(["Politics", "Sport", "Health"]);
    expect((await getFrontDesk(mina, now)).blocks.chosen).toBe(false);
    expect((await audits("front.sections")).map((a) => (a.details as { changes: { sections: unknown } }).changes.sections)).toEqual([
      { from: "the first sections of the navigation", to: "Health, Politics" },
      { from: "Health, Politics", to: "(none)" },
      { from: "(none)", to: "the first sections of the navigation" },
    ]);
  });

  it("shows a proposal laid over the saved arrangement without saving it", async () => {
    const now = at(14);
    const proposal: FrontProposal = { pin: { position: 0, storyId: ids["Clinic opens in Bamyan"]! }, rule: "breaking_first", blocks: [tagIds.Sport!] };
    expect(await front(now, proposal)).toEqual(["Clinic opens in Bamyan (pinned)", "Floods hit the north (breaking)", "Cabinet reshuffle (newest)"]);
    expect(await blocks(now, proposal)).toEqual(["Sport"]);
    expect(await blocks(now, { blocks: null })).toEqual(["Politics", "Sport", "Health"]);
    // Nothing was saved.
    expect(await front(now)).toEqual(["Cabinet reshuffle (newest)", "Cup final tonight (newest)", "Floods hit the north (newest)"]);
    expect(await handle().db.select().from(frontSlots)).toEqual([]);
  });
});
