import { describe, expect, it } from "vitest";
import { previewWords } from "./preview-banner";

const now = new Date("2026-05-04T06:00:00Z");
const base = { now, timeZone: "Asia/Kabul", locale: "en-US", publishedAt: null, embargoUntil: null } as const;

describe("the preview bar's words", () => {
  it("says a draft, a story in review and an unpublished story are not published", () => {
    expect(previewWords({ ...base, status: "draft" })).toEqual({ title: "Preview — not published", detail: "A draft. Readers cannot see it." });
    expect(previewWords({ ...base, status: "in_review" }).detail).toBe("Waiting for review. Readers cannot see it.");
    expect(previewWords({ ...base, status: "unpublished" }).detail).toBe("Taken off the site. Readers cannot see it.");
  });

  it("dates a schedule and an embargo in the newsroom's zone, and drops an embargo that has passed", () => {
    const scheduled = previewWords({ ...base, status: "published", publishedAt: new Date("2026-05-07T04:30:00Z"), embargoUntil: new Date("2026-05-07T04:30:00Z") });
    expect(scheduled.detail).toBe("EMBARGOED until May 7, 2026 at 9:00 AM (Asia/Kabul). Scheduled for May 7, 2026 at 9:00 AM (Asia/Kabul). Readers cannot see it yet.");
    expect(previewWords({ ...base, status: "published", publishedAt: new Date("2026-05-01T00:00:00Z"), embargoUntil: new Date("2026-05-01T00:00:00Z") })).toEqual({
      title: "Preview — as published",
      detail: "Readers see this version now.",
    });
  });
});
