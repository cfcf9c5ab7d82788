import { describe, expect, it } from "vitest";
import type { ImportReport } from "./importer";
import { reportLines } from "./report-text";

/** A report where every count is one. */
const single: ImportReport = {
  source: "https://one.example",
  siteTitle: "One",
  dryRun: false,
  items: 1,
  created: 1,
  updated: 0,
  unchanged: 0,
  keptLocalEdits: 0,
  statuses: { published: 0, scheduled: 0, draft: 1 },
  byType: { "post/draft": 1 },
  skipped: {},
  comments: 1,
  drafted: [],
  unknownAuthors: [],
  unknownAuthorStories: [],
  redirects: { stories: 1, tags: 1, addresses: {} },
  bylines: 1,
  tags: 1,
  authors: 1,
  photos: { source: "uploads", imported: 1, reused: 1, featured: 1, inBodies: 1, leftAsLinks: 1, withoutAlt: 1, missing: [{ url: "https://one.example/a.jpg", reason: "the old site answered 404" }], missingCount: 1 },
  proposedSections: [],
  warnings: [],
  errors: [],
  stopped: false,
  durationMs: 1000,
};

describe("the import report in words", () => {
  it("says one item, one draft, one comment and one slug, never '1 items'", () => {
    const text = reportLines(single).join("\n");
    expect(text).not.toMatch(/\b1 (items|drafts|comments|story slugs|tag slugs|bylines|tags|featured photos|images|new photos have)\b/);
    for (const phrase of ["1 item read", "1 draft", "1 comment (not imported)", "1 story slug", "1 tag slug", "1 featured photo", "1 image left as links", "1 new photo has no alt text"]) expect(text).toContain(phrase);
  });
});
