/**
 * Small WordPress exports (WXR 1.2) written by the importer's tests, one item per line group:
 * published posts by default, with their GMT date, so each becomes one published story.
 * Not used by the application.
 */

export interface TestItem {
  /** WordPress post id (also the GUID and the slug's base). */
  id: number;
  title: string;
  /** content:encoded, written as CDATA (must not contain "]]>"). */
  content?: string;
  /** WordPress post type ("post" unless given: "attachment", "page"…). */
  type?: string;
  /** Raw XML put inside the item, after its fields (a broken tag, say). */
  extra?: string;
}

/** One `<item>` element, on lines of its own (the title is on the item's second line). */
export function testItem({ id, title, content = `<p>Story ${id}.</p>`, type = "post", extra = "" }: TestItem): string {
  return [
    "<item>",
    `<title>${title}</title>`,
    `<link>https://test.example/?p=${id}</link>`,
    `<guid isPermaLink="false">https://test.example/?p=${id}</guid>`,
    `<content:encoded><![CDATA[${content}]]></content:encoded>`,
    `<wp:post_id>${id}</wp:post_id>`,
    "<wp:post_date>2024-05-01 10:00:00</wp:post_date>",
    "<wp:post_date_gmt>2024-05-01 05:30:00</wp:post_date_gmt>",
    `<wp:post_name>story-${id}</wp:post_name>`,
    `<wp:status>${type === "attachment" ? "inherit" : "publish"}</wp:status>`,
    `<wp:post_type>${type}</wp:post_type>`,
    ...(extra ? [extra] : []),
    "</item>",
  ].join("\n");
}

/**
 * A whole export of `items` (each a TestItem or raw XML) from the site at `site`.
 * @returns the file's text.
 */
export function testExport(items: (TestItem | string)[], site = "https://test.example"): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">',
    "<channel>",
    "<title>Test Site</title>",
    `<link>${site}</link>`,
    "<language>en-US</language>",
    "<wp:wxr_version>1.2</wp:wxr_version>",
    `<wp:base_site_url>${site}</wp:base_site_url>`,
    `<wp:base_blog_url>${site}</wp:base_blog_url>`,
    ...items.map((i) => (typeof i === "string" ? i : testItem(i))),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
