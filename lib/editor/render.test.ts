import { describe, expect, it } from "vitest";
import { bodyFromParagraphs, cleanBody, InvalidBodyError, renderBody } from "./render";
import { MAX_BODY_BYTES } from "@/lib/stories/story-schema";
import { isSafeUrl } from "@/lib/text/urls";

// Script-running URLs in every disguise browsers accept: case, leading spaces, tabs and
// entities inside the scheme, data: and vbscript: (after Tiptap's link XSS,
// https://github.com/ueberdosis/tiptap/issues/3673, and its follow-up fixes).
const UNSAFE = [
  "javascript:alert(document.domain)",
  "  JaVaScRiPt:alert(1)",
  "java&#x09;script:alert(1)",
  "java\tscript:alert(1)",
  "&#106;avascript:alert(1)",
  "&amp;#106;avascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "\u0000javascript:alert(1)",
  "jav\u200Bascript:alert(1)",
];
const SAFE = ["https://example.org/report", "http://example.org", "mailto:desk@example.org", "tel:+93700000000", "/news/x", "#notes", "?q=1", "//cdn.example.org/a", "report.pdf"];

function linked(href: string) {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Read the full report", marks: [{ type: "link", attrs: { href } }] }],
      },
    ],
  };
}

describe("URL allow-list", () => {
  it.each(UNSAFE)("refuses %j", (href) => expect(isSafeUrl(href)).toBe(false));
  it.each(SAFE)("accepts %j", (href) => expect(isSafeUrl(href)).toBe(true));
});

describe("renderBody", () => {
  it.each(UNSAFE)("stores and renders the text without the unsafe link %j", (href) => {
    const r = renderBody(linked(href));
    expect(JSON.stringify(r.json)).not.toContain('"link"');
    expect(r.html).toBe('<p dir="auto">Read the full report</p>');
    expect(r.html).not.toMatch(/href|on\w+=/i);
  });

  it("stores www.… links as https:// and drops links a browser would resolve as relative paths", () => {
    expect(renderBody(linked("www.example.org/report")).html).toBe('<p dir="auto"><a href="https://www.example.org/report">Read the full report</a></p>');
    for (const href of ["report", "example.org", "news/report.html"]) {
      expect(renderBody(linked(href)).html, href).toBe('<p dir="auto">Read the full report</p>');
    }
    expect(renderBody(linked("/news/report")).html).toBe('<p dir="auto"><a href="/news/report">Read the full report</a></p>');
  });

  it("keeps safe links, with no target or nofollow", () => {
    const r = renderBody(linked("https://example.org/report"));
    expect(r.html).toBe('<p dir="auto"><a href="https://example.org/report">Read the full report</a></p>');
  });

  it("renders the shared node set with a direction on every block", () => {
    const r = renderBody({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Title" }] },
        { type: "paragraph", content: [{ type: "text", text: "امروز", marks: [{ type: "bold" }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "“Quoted”" }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }] },
        { type: "horizontalRule" },
      ],
    });
    expect(r.html).toContain('<h2 dir="auto">Title</h2>');
    expect(r.html).toContain('<p dir="auto"><strong>امروز</strong></p>');
    expect(r.html).toContain("<blockquote");
    expect(r.html).toContain("<ul");
    expect(r.html).toContain("<hr");
    expect(r.text).toBe("Title\n\nامروز\n\n“Quoted”\n\none");
  });

  it("escapes text, never passing markup through", () => {
    const r = renderBody(bodyFromParagraphs(['<img src=x onerror="alert(1)"> & <script>alert(1)</script>']));
    expect(r.html).not.toContain("<img");
    expect(r.html).not.toContain("<script");
    expect(r.html).toContain("&lt;script&gt;");
  });

  it("refuses unknown nodes and marks, non-documents and oversize bodies", () => {
    expect(() => renderBody({ type: "doc", content: [{ type: "iframe", attrs: { src: "https://x" } }] })).toThrow(InvalidBodyError);
    expect(() =>
      renderBody({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "blink" }] }] }] }),
    ).toThrow(InvalidBodyError);
    expect(() => renderBody("<p>hi</p>")).toThrow(InvalidBodyError);
    expect(() => renderBody([])).toThrow(InvalidBodyError);
    expect(() => renderBody({ type: "paragraph" })).toThrow(InvalidBodyError);
    const huge = bodyFromParagraphs([("x".repeat(1000) + " ").repeat(Math.ceil(MAX_BODY_BYTES / 1000))]);
    expect(() => renderBody(huge)).toThrow(/limit is 2 MB/);
  });

  it("cleanBody returns the stored form", () => {
    expect(cleanBody(bodyFromParagraphs(["a"]))).toEqual({
      type: "doc",
      attrs: { dir: "auto" },
      content: [{ type: "paragraph", attrs: { dir: "auto" }, content: [{ type: "text", text: "a" }] }],
    });
  });
});

describe("forbidden characters and layout attributes", () => {
  it("drops control characters and lone surrogates from text, and empty text nodes", () => {
    const r = renderBody({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Aid\u0007 & Budget\u000C \uD800ok\u0000" }] },
        { type: "paragraph", content: [{ type: "text", text: "\u0000\u0001" }] },
      ],
    });
    expect(r.text).toBe("Aid & Budget \uFFFDok");
    expect(r.html).toBe('<p dir="auto">Aid &amp; Budget \uFFFDok</p><p dir="auto"></p>');
  });

  it("keeps dir on text blocks only, so lists and quotes follow the story's direction", () => {
    const r = renderBody({
      type: "doc",
      content: [
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "یک" }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "نقل" }] }] },
      ],
    });
    expect(r.html).toBe('<ul><li><p dir="auto">یک</p></li></ul><blockquote><p dir="auto">نقل</p></blockquote>');
  });

  it("allows only a language class on code, never site CSS classes", () => {
    const r = renderBody({
      type: "doc",
      content: [{ type: "codeBlock", attrs: { language: "js fixed inset-0 z-50 bg-white" }, content: [{ type: "text", text: "x" }] }],
    });
    expect(r.html).not.toMatch(/fixed|inset-0|z-50|bg-white/);
  });
});
