/**
 * Feed documents from the inputs that broke Ghost's feeds (one pasted control character made
 * the whole RSS feed invalid: https://github.com/TryGhost/Ghost/issues/10316): markup
 * characters in a title, pasted control characters, a Dari title, an embed; parsed back with a
 * strict XML parser.
 */
import { describe, expect, it } from "vitest";
import { find, findAll, parseXml } from "@/test/xml";
import { buildFeed, type FeedChannel, type FeedEntry } from "./build";
import { feedContentHtml } from "./content";

const ORIGIN = "https://news.example";
const channel: FeedChannel = {
  title: "The Kabul Lantern",
  description: "News & analysis",
  htmlUrl: `${ORIGIN}/`,
  feedUrls: { rss: `${ORIGIN}/feed.xml`, atom: `${ORIGIN}/atom.xml`, json: `${ORIGIN}/feed.json` },
  language: "en",
  siteName: "The Kabul Lantern",
};

const published = new Date("2025-03-30T04:30:00.000Z");
const updated = new Date("2025-03-31T10:15:00.000Z");
const entries: FeedEntry[] = [
  {
    url: `${ORIGIN}/news/aid-budget`,
    title: 'Aid & Budget: "Q1" <update>',
    summary: "Bell\u0007 and form feed\u000C pasted ]]> end",
    contentHtml: feedContentHtml(
      `<p>Bell\u0007 here, form feed\u000C there, ]]> and &amp; and <a href="/news/other">a link</a>.</p><iframe src="https://video.example/embed/1"></iframe><script>alert(1)</script><p onclick="x()">end</p>`,
      ORIGIN,
    ),
    publishedAt: published,
    lastUpdatedAt: updated,
    bylines: [
      { name: "Mina Rahimi", url: `${ORIGIN}/author/mina-rahimi` },
      { name: "Wire & Desk", url: `${ORIGIN}/author/wire-desk` },
    ],
    tags: [{ name: "Economy", url: `${ORIGIN}/tag/economy` }],
  },
  {
    url: `${ORIGIN}/news/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4`,
    title: "گزارش ویژه: بودجهٔ ۱۴۰۴",
    summary: "خلاصه",
    contentHtml: "<p dir=\"rtl\">متن</p>",
    publishedAt: new Date("2025-03-29T20:00:00.000Z"),
    lastUpdatedAt: new Date("2025-03-29T20:00:00.000Z"),
    bylines: [],
    tags: [],
  },
];

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

describe("feedContentHtml", () => {
  it("turns embeds into links, drops scripts and handlers, makes links absolute", () => {
    const html = entries[0]?.contentHtml ?? "";
    expect(html).not.toMatch(/<iframe|<script|onclick|alert/);
    expect(html).toContain('<a href="https://video.example/embed/1">https://video.example/embed/1</a>');
    expect(html).toContain(`<a href="${ORIGIN}/news/other">`);
    expect(html).not.toMatch(FORBIDDEN);
  });

  it("drops embeds and links with unsafe URLs", () => {
    const html = feedContentHtml('<iframe src="javascript:alert(1)"></iframe><a href="javascript:alert(1)">x</a><p>ok</p>', ORIGIN);
    expect(html).not.toContain("javascript");
    expect(html).toContain("<p>ok</p>");
  });
});

describe("RSS 2.0", () => {
  const xml = buildFeed("rss", channel, entries);
  const rss = parseXml(xml);

  it("is well-formed UTF-8 XML without characters XML 1.0 forbids", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).not.toMatch(FORBIDDEN);
    expect(rss.name).toBe("rss");
    expect(rss.attributes.version).toBe("2.0");
  });

  it("escapes the title exactly once", () => {
    const items = findAll(rss, "item");
    expect(find(items[0]!, "title").text).toBe('Aid & Budget: "Q1" <update>');
    expect(xml).not.toContain("&amp;amp;");
  });

  it("keeps the Dari title byte for byte and links absolute", () => {
    const item = findAll(rss, "item")[1]!;
    expect(find(item, "title").text).toBe("گزارش ویژه: بودجهٔ ۱۴۰۴");
    expect(find(item, "link").text).toMatch(/^https:\/\/news\.example\/news\//);
  });

  it("dates items by publication in RFC 822 with a four-digit year, and carries the update", () => {
    const item = findAll(rss, "item")[0]!;
    const pubDate = find(item, "pubDate").text;
    expect(pubDate).toBe("Sun, 30 Mar 2025 04:30:00 GMT");
    expect(new Date(pubDate).getTime()).toBe(published.getTime());
    expect(find(item, "atom:updated").text).toBe(updated.toISOString());
    expect(find(rss, "lastBuildDate").text).toBe(updated.toUTCString());
  });

  it("names every byline in dc:creator, and has a self link", () => {
    const item = findAll(rss, "item")[0]!;
    expect(findAll(item, "dc:creator").map((c) => c.text)).toEqual(["Mina Rahimi", "Wire & Desk"]);
    const self = findAll(rss, "atom:link").find((l) => l.attributes.rel === "self");
    expect(self?.attributes.href).toBe(`${ORIGIN}/feed.xml`);
  });

  it("carries the full content without iframes or scripts", () => {
    const content = find(findAll(rss, "item")[0]!, "content:encoded").text;
    expect(content).toContain("]]&gt; and &amp; and");
    // A summary with "]]>" must not end its CDATA section early.
    expect(find(findAll(rss, "item")[0]!, "description").text).toBe("Bell and form feed pasted ]]> end");
    expect(content).not.toMatch(/<iframe|<script/);
  });

  it("gives the same bytes for the same stories (a stable ETag)", () => {
    expect(buildFeed("rss", channel, entries)).toBe(xml);
  });
});

describe("Atom 1.0", () => {
  const atom = parseXml(buildFeed("atom", channel, entries));
  it("has published and updated per entry, and an HTML title that reads back as the plain title", () => {
    const entry = findAll(atom, "entry")[0]!;
    expect(find(entry, "published").text).toBe(published.toISOString());
    expect(find(entry, "updated").text).toBe(updated.toISOString());
    const title = find(entry, "title");
    expect(title.attributes.type).toBe("html");
    // Atom type="html": the text is HTML, so the markup characters arrive as entities.
    expect(title.text).toBe('Aid &amp; Budget: "Q1" &lt;update&gt;');
    expect(findAll(entry, "name").map((n) => n.text)).toEqual(["Mina Rahimi", "Wire & Desk"]);
  });
});

describe("JSON Feed", () => {
  it("is JSON with plain-text titles and both dates", () => {
    const json = JSON.parse(buildFeed("json", channel, entries));
    expect(json.items[0].title).toBe('Aid & Budget: "Q1" <update>');
    expect(json.items[0].date_published).toBe(published.toISOString());
    expect(json.items[0].date_modified).toBe(updated.toISOString());
    expect(json.items[1].title).toBe("گزارش ویژه: بودجهٔ ۱۴۰۴");
  });
});

describe("an empty feed", () => {
  it("is valid and dated by a fixed instant, not the time of the request", () => {
    const xml = buildFeed("rss", channel, []);
    expect(findAll(parseXml(xml), "item")).toHaveLength(0);
    expect(buildFeed("rss", channel, [])).toBe(xml);
  });
});

describe("the strict parser itself", () => {
  it("rejects a control character and a bare ampersand (so the checks above can fail)", () => {
    expect(() => parseXml("<a>\u0007</a>")).toThrow();
    expect(() => parseXml("<a>&</a>")).toThrow();
  });
});

describe("CDATA sections in RSS and Atom", () => {
  const nasty: FeedEntry = {
    url: `${ORIGIN}/news/nasty`,
    title: "a]]>b]]>c <script>x</script> ]]><item><title>forged</title></item>",
    summary: "s]]>t]]>u ]]>",
    contentHtml: feedContentHtml("<p>x]]&gt;y</p><p><a href=\"/news/a]]>b]]>c\">link</a> گزارش</p>", ORIGIN),
    publishedAt: published,
    lastUpdatedAt: updated,
    bylines: [{ name: "N]]>M]]>O", url: `${ORIGIN}/author/n` }],
    tags: [{ name: "T]]>G]]>H", url: `${ORIGIN}/tag/t` }],
  };

  it.each(["rss", "atom"] as const)("%s: every ']]>' of a headline, summary and body is split, so nothing ends a section early or forges an element", (format) => {
    const doc = parseXml(buildFeed(format, channel, [nasty]));
    const item = findAll(doc, format === "rss" ? "item" : "entry");
    expect(item).toHaveLength(1);
    expect(find(item[0]!, "title").text).toBe(format === "rss" ? nasty.title : nasty.title.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;"));
    expect(find(item[0]!, format === "rss" ? "description" : "summary").text).toContain("s]]");
    expect(find(item[0]!, format === "rss" ? "content:encoded" : "content").text).toContain("گزارش");
  });
});
