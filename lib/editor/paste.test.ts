import fs from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { cleanPastedDocument } from "./paste";
import { bodySchema, renderBody } from "./render";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";

const fixture = (name: string) => fs.readFileSync(new URL(`../../test/fixtures/paste/${name}`, import.meta.url), "utf8");
// The browser's DOMParser makes a body for a fragment; linkedom needs the document around it.
const clean = (html: string) =>
  cleanPastedDocument(parseHTML(/<html/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document);

/** The pasted HTML as the editor stores it: parsed by the body schema, rendered for readers. */
function asStored(html: string): string {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const doc = PMDOMParser.fromSchema(bodySchema).parse(document.body as unknown as HTMLElement);
  return renderBody(doc.toJSON()).html;
}

describe("paste from Word", () => {
  const html = clean(fixture("word-lists.html"));

  it("rebuilds mso-list paragraphs as nested lists, numbered where Word numbered them, without the markers", () => {
    expect(html).toContain("<ol><li><p>Work starts <i>after</i> the spring floods.</p><ul><li><p>No heavy lorries on the east bank.</p></li><li><p>Night work <strong>only</strong> with a permit.</p></li></ul></li><li><p>The budget is capped at <b>4.2 million</b>.</p></li><li><p>A public report every quarter.</p></li></ol>");
    expect(html).toContain("<ul><li><p>Lighting on the bridge</p></li>");
    expect(html).not.toMatch(/>\s*(1\.|2\.|o|·)\s/);
  });

  it("drops all office styling and empty spacer paragraphs, keeping bold, italic, links and the Dari text", () => {
    expect(html).not.toMatch(/style=|class=|lang=|<o:p|<span|<font|mso-|<!--|<meta|<style/i);
    expect(html).toContain('<a href="https://example.org/council/minutes">published minutes</a>');
    expect(html).toContain("<p>شورای شهر ساخت پل را تأیید کرد.</p>");
    expect(html).not.toContain("<p>\u00a0</p>");
  });

  it("turns www.… links into https:// and keeps only the text of links a browser would resolve as relative", () => {
    expect(html).toContain('<a href="https://www.example.org/access">wheelchairs</a> and prams');
  });

  it("is stored as lists with their nesting and marks", () => {
    const stored = asStored(html);
    expect(stored).toContain('<ol><li><p dir="auto">Work starts <em>after</em> the spring floods.</p><ul><li><p dir="auto">No heavy lorries');
    expect(stored).toContain("<strong>4.2 million</strong>");
    expect(stored).not.toMatch(/<p dir="auto">\s*1\./);
  });
});

describe("paste from Google Docs", () => {
  const html = clean(fixture("google-docs.html"));

  it("keeps bold and italic given only as span styles, and drops the not-bold wrapper", () => {
    expect(html).toContain("<p>Polling stations open at <strong>7 am</strong><em> local time</em>.</p>");
    expect(html).not.toMatch(/^<b>|docs-internal/);
  });

  it("moves a sub-list Docs places beside its parent item into that item", () => {
    expect(html).toContain("<ul><li><p>Bring an identity card</p><ul><li><p>A tazkira or a passport</p></li></ul></li><li><p>Check your station on <a href=\"https://example.org/stations\">the commission's site</a></p></li></ul>");
    const stored = asStored(html);
    expect(stored).toContain('<li><p dir="auto">Bring an identity card</p><ul><li><p dir="auto">A tazkira or a passport</p></li></ul></li>');
    expect(stored).toContain('<ol><li><p dir="auto">Queue</p></li><li><p dir="auto"><strong>Vote</strong></p></li></ol>');
    expect(stored).toContain("مراکز رأی‌دهی ساعت هفت صبح باز می‌شوند.");
  });
});
