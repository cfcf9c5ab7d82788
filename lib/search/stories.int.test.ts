/**
 * Full-text search on a real migrated database (PGlite always; PostgreSQL when
 * TEST_DATABASE_URL is set): ranking, stemming, Dari spelling variants, highlights, the one
 * visibility rule, and the desk's prefix search.
 */
import { describe, expect, it } from "vitest";
import { createStory, upsertByline, upsertTag } from "@/lib/stories/store";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { engines, useTestDatabase } from "@/test/db";
import { parseSearchQuery } from "./query";
import { searchPublicStories } from "./stories";

const NOW = new Date("2025-03-30T04:30:00.000Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function search(q: string, { limit = 10, offset = 0 } = {}) {
  const parsed = parseSearchQuery(q);
  if (parsed.kind !== "ok") throw new Error(`not a query: ${q}`);
  return searchPublicStories({ text: parsed.text, now: NOW, limit, offset });
}

describe.each(engines())("story search on %s", (engine) => {
  useTestDatabase(engine);

  it("finds public stories by headline, dek and body, headline matches first", async () => {
    const pub = { status: "published" as const, publishedAt: minutes(-60) };
    await createStory({ ...pub, title: "Water shortage in the city", body: bodyFromParagraphs(["The reservoirs are low; the budget was not mentioned."]) });
    await createStory({ ...pub, publishedAt: minutes(-30), title: "Council budget approved", dek: "Spending rises for schools", body: bodyFromParagraphs(["Members voted late."]) });
    await createStory({ ...pub, title: "Teachers paid late", dek: "A budget gap is blamed", body: bodyFromParagraphs(["Schools wait."]) });
    const r = await search("budget");
    expect(r.total).toBe(3);
    expect(r.items.map((i) => i.title)).toEqual(["Council budget approved", "Teachers paid late", "Water shortage in the city"]);
    expect(r.items[0]?.titleParts).toContainEqual({ text: "budget", mark: true });
    expect(r.items[2]?.snippetParts.some((p) => p.mark && p.text === "budget")).toBe(true);
  });

  it("finds a word however deep in the story, and ranks stories that carry it in their lead above those that carry it only deep down", async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} tells of roads, clinics and the winter ahead in plain words.`);
    const pub = { status: "published" as const };
    await createStory({ ...pub, publishedAt: minutes(-5), title: "Long report on the provinces", body: bodyFromParagraphs([...filler, "At the very end: a quokka was seen."]) });
    await createStory({ ...pub, publishedAt: minutes(-50), title: "Zoo notes", body: bodyFromParagraphs(["A quokka arrived at the zoo this week.", ...filler]) });
    const r = await search("quokka");
    expect(r.items.map((i) => i.title)).toEqual(["Zoo notes", "Long report on the provinces"]);
    expect(r.items[0]?.snippetParts.some((p) => p.mark && p.text === "quokka")).toBe(true);
  });

  it("cuts a snippet at words, with … where text was left out, and none before a match at the very start", async () => {
    const pub = { status: "published" as const, publishedAt: minutes(-7) };
    const before = "Farmers in the valley say the orchards ripened early this year and the roads to market were open for most of the autumn.";
    await createStory({ ...pub, title: "Valley orchards", body: bodyFromParagraphs([before, "Traders paid more for the walnuts than last season, and the cooperative hired two more drivers."]) });
    const deep = (await search("walnuts")).items[0]!.snippetParts.map((p) => p.text).join("");
    expect(deep.startsWith("… ")).toBe(true);
    expect(deep.slice(2)).toMatch(/^\p{L}/u);
    expect(before.includes(deep.slice(2).split(" ")[0]!) || deep.includes("Traders")).toBe(true);
    await createStory({ ...pub, title: "Pomegranates", body: bodyFromParagraphs(["Pomegranates from Kandahar reached the capital on Monday, a week late because of the snow on the pass and a strike by drivers."]) });
    const top = (await search("pomegranates")).items[0]!.snippetParts.map((p) => p.text).join("");
    expect(top.startsWith("Pomegranates from Kandahar")).toBe(true);
  });

  it("stems English words and honours quotes and minus", async () => {
    expect((await search("budgets")).total).toBe(3);
    expect((await search("approving")).items.map((i) => i.title)).toEqual(["Council budget approved"]);
    expect((await search('"budget approved"')).total).toBe(1);
    expect((await search("budget -council")).total).toBe(2);
  });

  it("finds Dari text typed with Arabic-keyboard letters and without the ezafe mark", async () => {
    await createStory({
      status: "published",
      publishedAt: minutes(-10),
      language: "fa",
      title: "گزارش ویژه: بودجهٔ ۱۴۰۴",
      body: bodyFromParagraphs(["وزارت مالیه می‌گوید که بودجهٔ کابل کم است."]),
    });
    for (const q of ["بودجه", "بودجهٔ", "كابل", "میگوید", "۱۴۰۴"]) {
      const r = await search(q);
      expect(r.items.map((i) => i.title), q).toEqual(["گزارش ویژه: بودجهٔ ۱۴۰۴"]);
    }
  });

  it("never finds drafts, stories in review, unpublished or not-yet-due stories", async () => {
    const body = bodyFromParagraphs(["Zebra crossing plans."]);
    await createStory({ title: "Zebra draft", body, status: "draft" });
    await createStory({ title: "Zebra review", body, status: "in_review" });
    await createStory({ title: "Zebra withdrawn", body, status: "unpublished", publishedAt: minutes(-100) });
    await createStory({ title: "Zebra scheduled", body, status: "published", publishedAt: minutes(1) });
    expect((await search("zebra")).total).toBe(0);
    const later = await searchPublicStories({ text: "zebra", now: minutes(2), limit: 10, offset: 0 });
    expect(later.items.map((i) => i.title)).toEqual(["Zebra scheduled"]);
  });

  it("pages results with a stable order", async () => {
    for (let i = 0; i < 12; i++) {
      await createStory({ title: `Harvest report ${i}`, body: bodyFromParagraphs(["Wheat."]), status: "published", publishedAt: minutes(-200 - i) });
    }
    const first = await search("harvest", { limit: 5 });
    const second = await search("harvest", { limit: 5, offset: 5 });
    const third = await search("harvest", { limit: 5, offset: 10 });
    expect(first.total).toBe(12);
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(12);
  });

  it("ranks only the newest matches when a word matches a large part of the archive", async () => {
    const r = await searchPublicStories({ text: "harvest", now: NOW, limit: 10, offset: 0, candidates: 5 });
    expect(r).toMatchObject({ total: 5, capped: true });
    // The newest five "Harvest report" stories (0 is the newest).
    expect(r.items.map((i) => i.title).sort()).toEqual(["Harvest report 0", "Harvest report 1", "Harvest report 2", "Harvest report 3", "Harvest report 4"]);
    expect((await searchPublicStories({ text: "harvest", now: NOW, limit: 10, offset: 0 })).capped).toBe(false);
  });

  it("finds stories by their tags and bylines, and by a tag's new name after a rename", async () => {
    const tagId = await upsertTag({ slug: "water", name: "Water rights" });
    await upsertByline({ slug: "zarghuna", name: "Zarghuna Ahmadzai" });
    await upsertTag({ slug: "helmand", name: "هلمند" });
    await createStory({ title: "Canal opens", body: bodyFromParagraphs(["Farmers gather."]), status: "published", publishedAt: minutes(-3), tagSlugs: ["water", "helmand"], bylineSlugs: ["zarghuna"] });
    for (const q of ["rights", "Ahmadzai", "هلمند"]) expect((await search(q)).items.map((i) => i.title), q).toEqual(["Canal opens"]);
    await upsertTag({ slug: "water", name: "Irrigation" });
    expect((await search("irrigation")).items.map((i) => i.title)).toEqual(["Canal opens"]);
    expect((await search("rights")).total).toBe(0);
    expect(tagId).toBeTruthy();
  });

  it("folds a query by each story's language: Pashto keeps its own letters apart, Dari folds keyboard variants", async () => {
    const pub = { status: "published" as const, publishedAt: minutes(-4) };
    // سړي (men, Arabic Yeh) in a Pashto story; ګټه typed with Pashto's Gaf.
    await createStory({ ...pub, language: "ps", title: "سړي او ګټه", body: bodyFromParagraphs(["پښتو متن."]) });
    await createStory({ ...pub, language: "fa", title: "علی در کابل", body: bodyFromParagraphs(["متن دری."]) });
    // The Persian-keyboard Gaf finds Pashto's Gaf; Farsi Yeh does not find Pashto's Arabic Yeh.
    expect((await search("گټه")).items.map((i) => i.title)).toEqual(["سړي او ګټه"]);
    expect((await search("سړي")).items.map((i) => i.title)).toEqual(["سړي او ګټه"]);
    expect((await search("سړی")).total).toBe(0);
    // In the Dari story, Arabic Yeh and Kaf are keyboard variants.
    expect((await search("علي كابل")).items.map((i) => i.title)).toEqual(["علی در کابل"]);
    const highlighted = (await search("علي")).items[0]!.titleParts;
    expect(highlighted).toContainEqual({ text: "علی", mark: true });
  });

  it("keeps HTML-looking text as text in highlights", async () => {
    await createStory({ title: "Aid & Budget: \"Q1\" <update>", body: bodyFromParagraphs(["<b>quarterly</b> figures"]), status: "published", publishedAt: minutes(-1) });
    const r = await search("quarterly");
    expect(r.items[0]?.title).toBe('Aid & Budget: "Q1" <update>');
    expect(r.items[0]?.snippetParts.map((p) => p.text).join("")).toContain("quarterly</b> figures");
  });
});
