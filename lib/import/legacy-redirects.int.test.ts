/**
 * Old WordPress addresses after an import: every pattern (permalink under a structure, the
 * item's own link, ?p= and ?page_id=, category, tag and author archives with their feeds and
 * pages) leads to the new address, an invented one to nothing; re-import adds nothing; a dry
 * run counts what the real run does; creators that match no author (or only loosely) get
 * the author, or the one "Unknown author" byline.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bylines, legacyRedirects, storyBylines, stories } from "@/db/schema";
import { findLegacyRedirect, legacyQueryKey, normalizeLegacyPath } from "@/lib/redirects/legacy";
import { engines, useTestDatabase } from "@/test/db";
import { thirdPartyFixture } from "@/test/third-party-fixtures";
import { importWxr } from "./importer";
import { PermalinkError } from "./permalink";
import { testExport, testItem } from "./test-export";

const NOW = new Date("2026-11-30T00:00:00Z");
const STRUCTURE = "/%year%/%monthnum%/%day%/%postname%/";

const creator = (name: string) => `<dc:creator><![CDATA[${name}]]></dc:creator>`;
const category = (slug: string, name: string) => `<category domain="category" nicename="${slug}"><![CDATA[${name}]]></category>`;
const tag = (slug: string, name: string) => `<category domain="post_tag" nicename="${slug}"><![CDATA[${name}]]></category>`;

const HEAD = [
  "<wp:author><wp:author_login><![CDATA[jane]]></wp:author_login><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>",
  "<wp:author><wp:author_login><![CDATA[Sam]]></wp:author_login><wp:author_display_name><![CDATA[Sam One]]></wp:author_display_name></wp:author>",
  "<wp:author><wp:author_login><![CDATA[sam]]></wp:author_login><wp:author_display_name><![CDATA[Sam Two]]></wp:author_display_name></wp:author>",
  "<wp:category><wp:category_nicename>world</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[World]]></wp:cat_name></wp:category>",
  "<wp:category><wp:category_nicename>asia</wp:category_nicename><wp:category_parent>world</wp:category_parent><wp:cat_name><![CDATA[Asia]]></wp:cat_name></wp:category>",
];

const EXPORT = testExport([
  ...HEAD,
  testItem({ id: 11, title: "Election day", extra: [creator("jane"), category("asia", "Asia"), tag("vote-2024", "Vote 2024")].join("\n") }),
  testItem({ id: 12, title: "Loose creator", extra: creator(" <Jane>. ") }),
  testItem({ id: 13, title: "Nobody wrote this", extra: creator("nobody") }),
  testItem({ id: 14, title: "Two Sams", extra: creator(" SAM ") }),
  testItem({ id: 15, title: "About us", type: "page", extra: creator("jane") }),
  testItem({ id: 16, title: "Own link", extra: creator("jane") }).replace("<link>https://test.example/?p=16</link>", "<link>https://test.example/archives/%E6%97%A5-16/</link>"),
  testItem({ id: 17, title: "Not public", extra: creator("jane") }).replace("<wp:status>publish</wp:status>", "<wp:status>draft</wp:status>"),
]);

const read = (text: string) => Readable.from([text]);
const options = { siteTimeZone: "Asia/Kabul", now: NOW, pages: "section" as const, permalinkStructure: STRUCTURE };

describe.each(engines())("Old WordPress addresses and bylines after an import on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const lookup = (path: string) => findLegacyRedirect(handle().db, normalizeLegacyPath(path)!);
  const lookupQuery = (query: string) => findLegacyRedirect(handle().db, legacyQueryKey(new URLSearchParams(query))!);

  it("a dry run counts the redirects of the real run and writes none", async () => {
    const dry = await importWxr(read(EXPORT), { ...options, dryRun: true });
    const [n] = await handle().db.select({ n: count() }).from(legacyRedirects);
    expect(n?.n).toBe(0);
    const real = await importWxr(read(EXPORT), options);
    expect(real.errors).toEqual([]);
    expect(dry.redirects.addresses).toEqual(real.redirects.addresses);
    expect(dry.unknownAuthorStories).toEqual(real.unknownAuthorStories);
    const total = Object.values(real.redirects.addresses).reduce((a, b) => a + b, 0);
    const [rows] = await handle().db.select({ n: count() }).from(legacyRedirects);
    expect(rows?.n).toBe(total);
    expect(real.redirects.addresses).toMatchObject({ permalink: 6, "post-id": 5, "page-id": 1, category: 2, tag: 1, author: 1, link: 1 });
  });

  it("every old address leads to the new one; invented and non-public ones to nothing", async () => {
    expect(await lookup("/2024/05/01/story-11/")).toBe("/news/story-11");
    expect(await lookup("/2024/05/01/story-11")).toBe("/news/story-11");
    expect(await lookup("/2024/05/01/STORY-11/feed/")).toBe("/news/story-11");
    expect(await lookupQuery("p=11")).toBe("/news/story-11");
    expect(await lookupQuery("page_id=15")).toBe("/news/story-15");
    expect(await lookup("/story-15/")).toBe("/news/story-15");
    expect(await lookup("/archives/%e6%97%a5-16/")).toBe("/news/story-16");
    expect(await lookup("/archives/日-16")).toBe("/news/story-16");
    expect(await lookup("/category/asia/")).toBe("/tag/asia");
    expect(await lookup("/category/world/asia/")).toBe("/tag/asia");
    expect(await lookup("/category/asia/feed/")).toBe("/tag/asia/feed.xml");
    expect(await lookup("/category/asia/page/3/")).toBe("/tag/asia");
    expect(await lookup("/tag/vote-2024/")).toBe("/tag/vote-2024");
    expect(await lookup("/tag/vote-2024/feed/")).toBe("/tag/vote-2024/feed.xml");
    expect(await lookup("/author/jane/")).toBe("/author/jane");
    expect(await lookup("/author/jane/feed/")).toBe("/author/jane/feed.xml");
    expect(await lookup("/never/existed/")).toBeNull();
    expect(await lookup("/2024/05/01/story-17/")).toBeNull();
    expect(await lookupQuery("p=17")).toBeNull();
    expect(await lookupQuery("p=999")).toBeNull();
    // Only archives have pages.
    expect(await lookup("/2024/05/01/story-11/page/2/")).toBeNull();
  });

  it("creators: exact, loosely matched, unknown, ambiguous", async () => {
    const byline = async (title: string) => {
      const [row] = await handle().db.select({ slug: bylines.slug }).from(stories).innerJoin(storyBylines, eq(storyBylines.storyId, stories.id)).innerJoin(bylines, eq(bylines.id, storyBylines.bylineId)).where(eq(stories.title, title));
      return row?.slug;
    };
    expect(await byline("Election day")).toBe("jane");
    expect(await byline("Loose creator")).toBe("jane");
    expect(await byline("Nobody wrote this")).toBe("unknown-author");
    expect(await byline("Two Sams")).toBe("unknown-author");
    const [unknown] = await handle().db.select({ name: bylines.name }).from(bylines).where(eq(bylines.slug, "unknown-author"));
    expect(unknown?.name).toBe("Unknown author");
  });

  it("importing again creates no redirect and no duplicate", async () => {
    const [before] = await handle().db.select({ n: count() }).from(legacyRedirects);
    const again = await importWxr(read(EXPORT), options);
    expect(again.redirects.addresses).toEqual({});
    expect(again.unknownAuthorStories.sort()).toEqual(["Nobody wrote this", "Two Sams"]);
    const [after] = await handle().db.select({ n: count() }).from(legacyRedirects);
    expect(after?.n).toBe(before?.n);
  });

  it("a permalink structure given only later adds the items' addresses", async () => {
    await handle().db.delete(legacyRedirects).where(eq(legacyRedirects.kind, "permalink"));
    const again = await importWxr(read(EXPORT), { ...options, permalinkStructure: "/%year%/%monthnum%/%postname%/" });
    expect(again.redirects.addresses).toMatchObject({ permalink: 6 });
    expect(await lookup("/2024/05/story-12/")).toBe("/news/story-12");
  });

  it("an unknown permalink tag is refused, named", async () => {
    await expect(importWxr(read(EXPORT), { ...options, permalinkStructure: "/%year%/%slug%/" })).rejects.toThrow(PermalinkError);
    await expect(importWxr(read(EXPORT), { ...options, permalinkStructure: "/%year%/%slug%/" })).rejects.toThrow(/%slug%/);
  });
});

const wordpressExport = thirdPartyFixture("wordpress/themeunittestdata.wordpress.xml");

describe.skipIf(wordpressExport.missing !== null).each(engines())("Old addresses of the theme unit test data on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it("keeps each post's own link and ?p=, and matches the malformed creator", async () => {
    const text = fs.readFileSync(wordpressExport.file, "utf8");
    const dry = await importWxr(read(text), { siteTimeZone: "America/Los_Angeles", now: NOW, dryRun: true, permalinkStructure: STRUCTURE });
    const report = await importWxr(read(text), { siteTimeZone: "America/Los_Angeles", now: NOW, permalinkStructure: STRUCTURE });
    expect(dry.redirects.addresses).toEqual(report.redirects.addresses);
    expect(report.unknownAuthors).toEqual([]);
    expect(report.redirects.addresses["post-id"]).toBeGreaterThan(40);
    const [story] = await handle().db.select({ slug: stories.slug }).from(stories).where(eq(stories.title, "Keyboard navigation"));
    const id = /<title>Keyboard navigation<\/title>[\s\S]*?<wp:post_id>(\d+)<\/wp:post_id>/.exec(text)?.[1];
    expect(await findLegacyRedirect(handle().db, `p:${id}`)).toBe(`/news/${story!.slug}`);
  });
});
