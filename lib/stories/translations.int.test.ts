/**
 * Translations on a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL): a linked
 * draft per language, one version per language, only public versions shown to readers (page
 * data, hreflang in the sitemap), and the desk's "the source was updated" notice.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stories } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { siteUrl } from "@/lib/env";
import { loadSitemapChild } from "@/lib/seo/sitemaps";
import { engines, useTestDatabase } from "@/test/db";
import { saveWithIntent, seedNewsroom, storyBody } from "@/test/newsroom";
import { refusal } from "@/test/refusal";
import { getDeskStory, saveStory } from "./desk";
import { readerFootprint } from "./footprint";
import { getPublicStory } from "./queries";
import { createTranslation, listTranslations, markTranslationCaughtUp, translationSync } from "./translations";

describe.each(engines())("translations on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let people: Record<string, Viewer>;
  let source: { id: string; slug: string };
  let dari: { id: string; slug: string };
  const t = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 6, minutes));

  it("sets up a newsroom and a published English story", async () => {
    people = await seedNewsroom();
    const saved = await saveStory(
      people.mina!,
      { title: "Flood waters reach Jalalabad", dek: "Families move to higher ground", body: storyBody("The river rose overnight."), tags: ["Weather"], intent: "publish" },
      t(0),
    );
    source = { id: saved.id, slug: saved.slug };
  });

  it("makes a linked right-to-left draft with the headline, dek, body and tags copied for the translator", async () => {
    // A writer translates only the stories they may see: their own.
    expect((await refusal(createTranslation(people.sahar!, source.id, "fa", t(5)))).code).toBe("not_found");
    const saved = await createTranslation(people.farid!, source.id, "fa", t(5));
    dari = { id: saved.id, slug: saved.slug };
    const draft = await getDeskStory(people.farid!, dari.id);
    expect(draft).toMatchObject({ status: "draft", language: "fa", title: "Flood waters reach Jalalabad", dek: "Families move to higher ground", tags: ["Weather"] });
    const [row] = await handle().db.select().from(stories).where(eq(stories.id, dari.id));
    expect(row).toMatchObject({ direction: "rtl", translatedFromId: source.id, translationGroupId: source.id });
    const versions = await listTranslations(people.mina!, source.id, t(6));
    expect(versions.map((v) => [v.language, v.status])).toEqual([
      ["en", "published"],
      ["fa", "draft"],
    ]);
  });

  it("refuses a second version in one language, the story's own language, and an unknown one", async () => {
    expect((await refusal(createTranslation(people.mina!, source.id, "fa", t(7)))).code).toBe("conflict");
    expect((await refusal(createTranslation(people.mina!, dari.id, "fa", t(7)))).code).toBe("bad_request");
    expect((await refusal(createTranslation(people.mina!, source.id, "en", t(7)))).code).toBe("bad_request");
    expect((await refusal(createTranslation(people.mina!, source.id, "xx", t(7)))).code).toBe("bad_request");
    // Nor can a linked version be switched into a language its group has.
    const pashto = await createTranslation(people.mina!, source.id, "ps", t(8));
    const e = await refusal(saveWithIntent(people.mina!, pashto.id, "save", { language: "fa" }, t(9)));
    expect(e.code).toBe("conflict");
    expect((await getDeskStory(people.mina!, pashto.id)).language).toBe("ps");
    const rows = await handle().db.select({ language: stories.language }).from(stories).where(eq(stories.translationGroupId, source.id));
    expect(rows.map((r) => r.language).sort()).toEqual(["en", "fa", "ps"]);
  });

  it("shows readers only public versions: a draft translation is not linked, a published one is, both ways", async () => {
    const before = await getPublicStory(source.slug, t(10));
    expect(before.kind === "story" && before.story.translations).toEqual([]);
    await saveWithIntent(people.mina!, dari.id, "publish", { title: "آب‌های سیلاب به جلال‌آباد رسید", language: "fa" }, t(11));
    const english = await getPublicStory(source.slug, t(12));
    const dariPage = await getPublicStory((await getDeskStory(people.mina!, dari.id)).slug, t(12));
    expect(english.kind === "story" && english.story.translations.map((v) => [v.language, v.direction])).toEqual([["fa", "rtl"]]);
    expect(dariPage.kind === "story" && dariPage.story.translations.map((v) => [v.language, v.slug, v.original])).toEqual([["en", source.slug, true]]);
    expect(dariPage.kind === "story" && dariPage.story.isTranslation).toBe(true);
  });

  it("lists every public version, itself included, with x-default, in the stories sitemap", async () => {
    const doc = await loadSitemapChild({ kind: "stories", page: 1 }, t(13));
    const xml = doc!.body;
    const dariSlug = (await getDeskStory(people.mina!, dari.id)).slug;
    const entry = (slug: string) => {
      const start = xml.indexOf(`/news/${slug}</loc>`);
      return xml.slice(start, xml.indexOf("</url>", start));
    };
    for (const slug of [source.slug, dariSlug]) {
      expect(entry(slug)).toContain(`hreflang="en" href="${siteUrl()}/news/${source.slug}"`);
      expect(entry(slug)).toMatch(/hreflang="fa"/);
      expect(entry(slug)).toMatch(/hreflang="x-default"/);
      // The Pashto draft is no reader's business.
      expect(entry(slug)).not.toMatch(/hreflang="ps"/);
    }
  });

  it("tells the translator when the source was updated after the translation, until it is marked caught up", async () => {
    expect(await translationSync(people.mina!, dari.id)).toMatchObject({ behind: false, source: { id: source.id, language: "en" } });
    await saveWithIntent(people.mina!, source.id, "update", { note: "Adds the evacuation figures.", body: storyBody("The river rose overnight. 300 families moved.") }, t(20));
    const sync = await translationSync(people.mina!, dari.id);
    expect(sync).toMatchObject({ behind: true });
    expect(sync!.sourceChangedAt.getTime()).toBe(t(20).getTime());
    await markTranslationCaughtUp(people.farid!, dari.id);
    expect(await translationSync(people.mina!, dari.id)).toMatchObject({ behind: false });
    expect(await translationSync(people.mina!, source.id)).toBeNull();
    // A writer's own translation of an editor's story says nothing of a story they may not see.
    const own = await saveStory(people.sahar!, { title: "Sahar's draft", body: storyBody("Text."), intent: "save" }, t(30));
    await handle().db.update(stories).set({ translatedFromId: source.id, translationGroupId: source.id, translationSyncedAt: t(0) }).where(eq(stories.id, own.id));
    expect(await translationSync(people.sahar!, own.id)).toBeNull();
    expect(await translationSync(people.mina!, own.id)).toMatchObject({ behind: true });
  });

  it("expires a version's page when another version changes (its switcher and hreflang name it)", async () => {
    const dariSlug = (await getDeskStory(people.mina!, dari.id)).slug;
    const print = await readerFootprint(handle().db, source.id);
    expect(print.slugs).toContain(dariSlug);
  });
});
