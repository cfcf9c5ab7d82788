/**
 * What machines read — feeds, sitemaps and redirects — on a real migrated database (PGlite
 * always; PostgreSQL when TEST_DATABASE_URL is set). Every output follows the one visibility
 * rule, and old slugs lead straight to the current one (a→b→c sends a to c in one hop).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stories } from "@/db/schema";
import { saveStory } from "@/lib/stories/desk";
import { getBylineRedirect, getPublicStory, getTagRedirect } from "@/lib/stories/queries";
import { createStory, upsertByline, upsertTag } from "@/lib/stories/store";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { updateByline } from "@/lib/bylines/admin";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { loadFeed } from "@/lib/feeds/documents";
import { updateTag } from "@/lib/tags/admin";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { find, findAll, parseXml } from "@/test/xml";
import { loadNewsSitemap, loadSitemapChild, loadSitemapIndex, parseSitemapFile } from "./sitemaps";

const hours = (n: number) => new Date(Date.now() + n * 3_600_000);
const itemTitles = (xml: string) => findAll(parseXml(xml), "item").map((i) => find(i, "title").text);
const locs = (xml: string) => findAll(parseXml(xml), "loc").map((l) => l.text);

describe.each(engines())("feeds, sitemaps and redirects on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let editor: Viewer;

  it("sets up a newsroom with public and hidden stories", async () => {
    await upsertTag({ slug: "economy", name: "Economy" });
    await upsertTag({ slug: "draft-only", name: "Draft only" });
    await upsertByline({ slug: "mina-rahimi", name: "Mina Rahimi" });
    const id = await createUser({ email: "farid@example.org", name: "Farid", role: "editor", password: "correct horse battery" });
    editor = (await loadViewer(id))!;
    const body = bodyFromParagraphs(["Text."]);
    await createStory({ title: "Old story", body, status: "published", publishedAt: hours(-100), tagSlugs: ["economy"], bylineSlugs: ["mina-rahimi"] });
    await createStory({ title: "Fresh story", body, status: "published", publishedAt: hours(-2), lastUpdatedAt: hours(-1), tagSlugs: ["economy"], bylineSlugs: ["mina-rahimi"] });
    await createStory({ title: "Aid & Budget: \"Q1\" <update>", body: bodyFromParagraphs(["Bell\u0007 form feed\u000C."]), status: "published", publishedAt: hours(-3), tagSlugs: ["economy"] });
    await createStory({ title: "A draft", body, status: "draft", tagSlugs: ["economy", "draft-only"], bylineSlugs: ["mina-rahimi"] });
    await createStory({ title: "Scheduled story", body, status: "published", publishedAt: hours(1), tagSlugs: ["economy", "draft-only"], bylineSlugs: ["mina-rahimi"] });
    await createStory({ title: "Withdrawn story", body, status: "unpublished", publishedAt: hours(-5), tagSlugs: ["economy"], bylineSlugs: ["mina-rahimi"] });
  });

  it("feeds list public stories only, newest first, for the site, a tag and a byline", async () => {
    const now = new Date();
    for (const scope of [{ kind: "site" } as const, { kind: "tag", slug: "economy" } as const]) {
      const feed = await loadFeed(scope, "rss", now);
      expect(feed.kind).toBe("feed");
      if (feed.kind !== "feed") return;
      expect(itemTitles(feed.body)).toEqual(["Fresh story", 'Aid & Budget: "Q1" <update>', "Old story"]);
      expect(feed.lastModified).toBe(hours(-1).toISOString().slice(0, 13) + feed.lastModified!.slice(13));
    }
    const byline = await loadFeed({ kind: "byline", slug: "mina-rahimi" }, "atom", now);
    expect(byline.kind === "feed" && findAll(parseXml(byline.body), "entry").length).toBe(2);
    // A tag whose only stories are hidden has no feed, like it has no page.
    expect((await loadFeed({ kind: "tag", slug: "draft-only" }, "rss", now)).kind).toBe("missing");
    // The scheduled story appears once its instant has passed.
    const later = await loadFeed({ kind: "site" }, "json", hours(2));
    expect(later.kind === "feed" && JSON.parse(later.body).items.map((i: { title: string }) => i.title)).toContain("Scheduled story");
  });

  it("a story's old slugs all answer with its current slug (a→b→c: a goes straight to c)", async () => {
    let s = await saveStory(editor, { title: "Chain story", slug: "chain-a", body: JSON.stringify(bodyFromParagraphs(["x"])), intent: "publish" });
    for (const next of ["chain-b", "chain-c"]) {
      const [row] = await handle().db.select({ version: stories.version }).from(stories).where(eq(stories.id, s.id));
      s = await saveStory(editor, { id: s.id, version: row!.version, title: "Chain story", slug: next, body: JSON.stringify(bodyFromParagraphs(["x"])), intent: "minor" });
    }
    const now = new Date(Date.now() + 1000);
    for (const old of ["chain-a", "chain-b"]) expect(await getPublicStory(old, now)).toEqual({ kind: "redirect", slug: "chain-c" });
    expect((await getPublicStory("chain-c", now)).kind).toBe("story");
  });

  it("tag and byline slug chains also lead straight to the current slug, feeds included", async () => {
    const now = new Date();
    const [economy] = await handle().db.query.tags.findMany({ where: (t, { eq: e }) => e(t.slug, "economy") });
    await updateTag(editor, economy!.id, { name: "Economy", slug: "money" });
    await updateTag(editor, economy!.id, { name: "Economy", slug: "finance" });
    expect(await getTagRedirect("economy", now)).toBe("finance");
    expect(await getTagRedirect("money", now)).toBe("finance");
    expect(await loadFeed({ kind: "tag", slug: "economy" }, "rss", now)).toEqual({ kind: "redirect", location: "/tag/finance/feed.xml" });

    const admin = (await loadViewer(await createUser({ email: "laila@example.org", name: "Laila", role: "admin", password: "correct horse battery" })))!;
    const [mina] = await handle().db.query.bylines.findMany({ where: (a, { eq: e }) => e(a.slug, "mina-rahimi") });
    await updateByline(admin, mina!.id, { name: "Mina Rahimi", slug: "mina-r" });
    await updateByline(admin, mina!.id, { name: "Mina Rahimi", slug: "mina" });
    expect(await getBylineRedirect("mina-rahimi", now)).toBe("mina");
    expect(await loadFeed({ kind: "byline", slug: "mina-r" }, "json", now)).toEqual({ kind: "redirect", location: "/author/mina/feed.json" });
  });

  it("the sitemap index pages stories oldest first, with lastmod from the public update date", async () => {
    const now = new Date(Date.now() + 1000);
    const index = parseXml((await loadSitemapIndex(now, 2)).body);
    expect(index.name).toBe("sitemapindex");
    const children = findAll(index, "loc").map((l) => new URL(l.text).pathname);
    // 4 public stories (3 + the chain story) at 2 per page; 1 public tag; 1 public byline.
    expect(children).toEqual(["/sitemaps/pages.xml", "/sitemaps/stories-1.xml", "/sitemaps/stories-2.xml", "/sitemaps/tags-1.xml", "/sitemaps/authors-1.xml"]);
    const page1 = await loadSitemapChild(parseSitemapFile("stories-1.xml")!, now, 2);
    const page2 = await loadSitemapChild(parseSitemapFile("stories-2.xml")!, now, 2);
    expect(locs(page1!.body).map((u) => new URL(u).pathname)).toEqual(["/news/old-story", "/news/aid-and-budget-q1-update"]);
    expect(locs(page2!.body).map((u) => new URL(u).pathname)).toEqual(["/news/fresh-story", "/news/chain-c"]);
    const fresh = findAll(parseXml(page2!.body), "url")[0]!;
    expect(find(fresh, "lastmod").text).toBe(hours(-1).toISOString().slice(0, 13) + find(fresh, "lastmod").text.slice(13));
    expect(await loadSitemapChild(parseSitemapFile("stories-3.xml")!, now, 2)).toBeNull();
    expect(locs((await loadSitemapChild(parseSitemapFile("tags-1.xml")!, now, 2))!.body).map((u) => new URL(u).pathname)).toEqual(["/tag/finance"]);
    expect(locs((await loadSitemapChild(parseSitemapFile("authors-1.xml")!, now, 2))!.body).map((u) => new URL(u).pathname)).toEqual(["/author/mina"]);
    for (const bad of ["stories-0.xml", "stories-1.xml.gz", "../x", "tags.xml", "stories-01.xml"]) expect(parseSitemapFile(bad)).toBeNull();
  });

  it("the News sitemap has the last 48 hours only, with publication name and language", async () => {
    const news = parseXml((await loadNewsSitemap(new Date(Date.now() + 1000))).body);
    const titles = findAll(news, "news:title").map((t) => t.text);
    expect(titles).toEqual(["Chain story", "Fresh story", 'Aid & Budget: "Q1" <update>']);
    expect(find(news, "news:name").text).toBe("Newsroom");
    expect(find(news, "news:language").text).toBe("en");
  });
});
