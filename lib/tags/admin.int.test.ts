import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stories, storyTags, tags } from "@/db/schema";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { getTagBySlug, getTagRedirect, listNavSections } from "@/lib/stories/queries";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { createTag, listTags, mergeTags, normalizeTagName, updateTag } from "./admin";

async function err(p: Promise<unknown>) {
  return p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
}
const body = JSON.stringify(bodyFromParagraphs(["x"]));

describe("tag name normalisation", () => {
  it("folds Unicode forms and spaces", () => {
    expect(normalizeTagName("  Cafe\u0301   society ")).toBe("Café society");
    expect(normalizeTagName("Cafe\u0301")).toBe(normalizeTagName("Caf\u00e9"));
  });
});

describe.each(engines())("tags and sections on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let mina: Viewer;
  let sahar: Viewer;

  it("one name never becomes two tags (NFC, case, spaces), from the editor or the admin screen", async () => {
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    sahar = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
    await saveStory(mina, { title: "One", body, tags: ["Café society"], intent: "publish" });
    await saveStory(mina, { title: "Two", body, tags: ["cafe\u0301  SOCIETY"], intent: "publish" });
    const all = await handle().db.select().from(tags);
    expect(all).toHaveLength(1);
    expect((await err(createTag(mina, { name: "CAFÉ Society" })))?.fields?.name).toBe("A tag with this name exists.");
    expect((await err(createTag(sahar, { name: "Anything" })))?.code).toBe("forbidden");
  });

  it("renaming a slug redirects the old tag page; merging moves stories and sections", async () => {
    const [cafe] = await handle().db.select().from(tags);
    await updateTag(mina, cafe!.id, { name: "Café society", slug: "cafes" });
    expect(await getTagRedirect("cafe-society", new Date(Date.now() + 1000))).toBe("cafes");
    const markets = await createTag(mina, { name: "Markets" });
    const s = await saveStory(mina, { title: "Three", body, tags: ["Markets", "Café society"], intent: "publish" });
    await mergeTags(mina, markets, cafe!.id);
    expect(await getTagRedirect("markets", new Date(Date.now() + 1000))).toBe("cafes");
    // Typing the merged-away name on a story files it under the survivor, never a new tag.
    const again = await saveStory(mina, { title: "Four", body, tags: ["Markets"] });
    expect((await getDeskStory(mina, again.id)).tags).toEqual(["Café society"]);
    const [story] = await handle().db.select().from(stories).where(eq(stories.id, s.id));
    expect(story!.primaryTagId).toBe(cafe!.id);
    const links = await handle().db.select().from(storyTags).where(eq(storyTags.storyId, s.id));
    expect(links.map((l) => l.tagId)).toEqual([cafe!.id]);
    expect((await getDeskStory(mina, s.id)).tags).toEqual(["Café society"]);
    expect(await getTagBySlug("cafes", new Date(Date.now() + 1000))).not.toBeNull();
  });

  it("a draft-only tag's new slug does not leak through its old one", async () => {
    await saveStory(mina, { title: "Secret draft", body, tags: ["Secret section"] });
    const t = (await listTags(mina)).find((r) => r.name === "Secret section")!;
    await updateTag(mina, t.id, { name: "Secret section", slug: "acme-takeover-scoop" });
    expect(await getTagRedirect("secret-section", new Date(Date.now() + 1000))).toBeNull();
  });

  it("two Pashto words that differ by one of Pashto's own letters stay two tags, each with its own address", async () => {
    // سړی (man) and سړي (men): Farsi Yeh and Arabic Yeh are different letters in Pashto, and
    // both words transliterate to the same Latin letters.
    const man = await saveStory(mina, { title: "سړی", body, language: "ps", tags: ["سړی"] });
    const men = await saveStory(mina, { title: "سړي", body, language: "ps", tags: ["سړي"] });
    expect((await getDeskStory(mina, man.id)).tags).toEqual(["سړی"]);
    expect((await getDeskStory(mina, men.id)).tags).toEqual(["سړي"]);
    const rows = (await listTags(mina)).filter((t) => t.name === "سړی" || t.name === "سړي");
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(2);
    // The Persian-keyboard Gaf is Pashto's Gaf: one tag.
    const a = await saveStory(mina, { title: "ګټه", body, language: "ps", tags: ["ګټه"] });
    const b = await saveStory(mina, { title: "گټه", body, language: "ps", tags: ["گټه"] });
    expect((await getDeskStory(mina, b.id)).tags).toEqual((await getDeskStory(mina, a.id)).tags);
  });

  it("Dari typed on an Arabic keyboard finds the tag typed on a Dari one", async () => {
    const first = await saveStory(mina, { title: "کابل", body, language: "fa", tags: ["کابل"] });
    const second = await saveStory(mina, { title: "كابل", body, language: "fa", tags: ["كابل"] });
    expect((await getDeskStory(mina, second.id)).tags).toEqual((await getDeskStory(mina, first.id)).tags);
    expect((await listTags(mina)).filter((t) => t.name === "کابل" || t.name === "كابل")).toHaveLength(1);
  });

  it("keeps a tag's name in other languages: stories tagged with it in that language find the one tag", async () => {
    const id = await createTag(mina, { name: "Elections" });
    await updateTag(mina, id, { name: "Elections", "name:ps": "ټاکنې", "name:fa": "انتخابات", "description:fa": "" });
    const row = (await listTags(mina)).find((t) => t.id === id)!;
    expect(row.translations).toEqual({ ps: { name: "ټاکنې" }, fa: { name: "انتخابات" } });
    const s = await saveStory(mina, { title: "ټاکنې", body, language: "ps", tags: ["ټاکنې"] });
    expect((await getDeskStory(mina, s.id)).tags).toEqual(["Elections"]);
    // A save without per-language fields keeps them.
    await updateTag(mina, id, { name: "Elections", description: "Votes and counts" });
    expect((await listTags(mina)).find((t) => t.id === id)!.translations.ps?.name).toBe("ټاکنې");
  });

  it("names with no Latin transliteration get distinct, stable slugs", async () => {
    const a = await createTag(mina, { name: "🔥🔥" });
    const b = await createTag(mina, { name: "🎉🎉" });
    const rows = (await listTags(mina)).filter((t) => t.id === a || t.id === b);
    expect(new Set(rows.map((r) => r.slug)).size).toBe(2);
    for (const r of rows) expect(r.slug).toMatch(/^tag-[0-9a-f]{8}$/);
    const s = await saveStory(mina, { title: "Emoji", body, tags: ["🔥🔥"] });
    expect((await getDeskStory(mina, s.id)).tags).toEqual(["🔥🔥"]);
  });

  it("only sections an editor marked make the navigation, in their order; none is inferred from recent stories", async () => {
    const now = new Date(Date.now() + 1000);
    await saveStory(mina, { title: "Sport story", body, tags: ["Sport"], intent: "publish" });
    expect(await listNavSections(now)).toEqual([]);
    const rows = await listTags(mina);
    const sport = rows.find((t) => t.name === "Sport")!;
    const cafe = rows.find((t) => t.name === "Café society")!;
    await updateTag(mina, sport.id, { name: "Sport", isSection: true, sectionOrder: 1 });
    await updateTag(mina, cafe.id, { name: "Café society", slug: "cafes", isSection: true, sectionOrder: 2 });
    expect((await listNavSections(now)).map((t) => t.name)).toEqual(["Sport", "Café society"]);
    await updateTag(mina, sport.id, { name: "Sport", isSection: true, sectionOrder: 3 });
    expect((await listNavSections(now)).map((t) => t.name)).toEqual(["Café society", "Sport"]);
  });
});
