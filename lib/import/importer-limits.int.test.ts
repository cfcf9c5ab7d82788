/**
 * The WordPress importer on hostile or broken exports, against a real migrated database
 * (PGlite always, PostgreSQL when TEST_DATABASE_URL is set):
 * - an item whose content is over the per-item limit is skipped and named in the report,
 *   and the other items import;
 * - the importer returns to the event loop between items, so a server running an import
 *   from the desk keeps answering requests;
 * - an export that is not well-formed XML is imported up to its first error and not after
 *   it (the strict parser goes on after an error, guessing where elements end), and the
 *   report says where the error is.
 */
import { Readable } from "node:stream";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stories } from "@/db/schema";
import { engines, useTestDatabase } from "@/test/db";
import { importWxr } from "./importer";
import { reportLines } from "./report-text";
import { testExport, testItem } from "./test-export";
import { MAX_ITEM_CONTENT_BYTES } from "./wxr";

const NOW = new Date("2026-11-30T00:00:00Z");

/** The whole text as one chunk, as a fast disk read delivers a small export. */
const oneChunk = (text: string) => Readable.from([Buffer.from(text, "utf8")]);

describe.each(engines())("WordPress import limits on %s", (engine) => {
  const handle = useTestDatabase(engine);

  it("an item over the content limit is skipped and reported with its size; the others import", async () => {
    expect(MAX_ITEM_CONTENT_BYTES).toBe(2 * 1024 * 1024);
    const big = `<p>${"a".repeat(MAX_ITEM_CONTENT_BYTES + 100 * 1024)}</p>`;
    const text = testExport(
      [
        { id: 101, title: "Limit one" },
        { id: 102, title: "Limit too big", content: big },
        { id: 103, title: "Limit three" },
      ],
      "https://limits.example",
    );
    const report = await importWxr(oneChunk(text), { siteTimeZone: "UTC", now: NOW });
    expect(report).toMatchObject({ items: 3, created: 2 });
    expect(report.errors).toEqual([{ item: 2, title: "Limit too big", message: "not imported: its content is 2.1 MB, over the limit of 2 MB for one item" }]);
    expect(reportLines(report)).toContain("ERROR item 2 “Limit too big”: not imported: its content is 2.1 MB, over the limit of 2 MB for one item");
    const rows = await handle().db.select({ title: stories.title }).from(stories).where(inArray(stories.title, ["Limit one", "Limit too big", "Limit three"]));
    expect(rows.map((r) => r.title).sort()).toEqual(["Limit one", "Limit three"]);
  });

  it("returns to the event loop between items, even when the whole file is one chunk", async () => {
    const text = testExport(
      Array.from({ length: 40 }, (_, i) => ({ id: 200 + i, title: `Attachment ${i}`, type: "attachment" })),
      "https://yield.example",
    );
    // A callback queued with setImmediate runs only when the importer gives the loop back.
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const seen: number[] = [];
    try {
      const report = await importWxr(oneChunk(text), { siteTimeZone: "UTC", now: NOW, onProgress: () => void seen.push(ticks) });
      expect(report.skipped).toEqual({ "attachments (media files)": 40 });
    } finally {
      ticking = false;
    }
    expect(seen).toHaveLength(40);
    const stalls = seen.filter((t, i) => i > 0 && t === seen[i - 1]).length;
    expect(stalls).toBe(0);
  });

  it("stops at the first XML error: the items before it are imported, none after, and the report names the line and column", async () => {
    const broken = testItem({ id: 303, title: "Broken three" }).replace("</title>", "</titel>");
    const text = testExport(
      [{ id: 301, title: "Broken one" }, { id: 302, title: "Broken two" }, broken, { id: 304, title: "Broken four" }, { id: 305, title: "Broken five" }],
      "https://broken-tag.example",
    );
    const lines = text.split("\n");
    const at = lines.indexOf("<title>Broken three</titel>");
    expect(at).toBeGreaterThan(0);
    // The error is found at the ">" that ends the broken tag: the last character of its line.
    const [line, column] = [at + 1, lines[at]!.length];
    const report = await importWxr(oneChunk(text), { siteTimeZone: "UTC", now: NOW });
    expect(report).toMatchObject({ items: 2, created: 2 });
    expect(report.errors).toEqual([
      { item: 3, title: "(the file)", message: `The export is not well-formed XML at line ${line}, column ${column}: unexpected close tag; nothing after that point was imported.` },
    ]);
    const rows = await handle().db.select({ title: stories.title }).from(stories).where(inArray(stories.title, ["Broken one", "Broken two", "Broken three", "Broken four", "Broken five"]));
    expect(rows.map((r) => r.title).sort()).toEqual(["Broken one", "Broken two"]);
  });
});
