import { describe, expect, it } from "vitest";
import { can, canDeleteStory, canEditStory, canSeeStory, PERMISSIONS, type Permission } from "./roles";

// The whole table, role × permission, written out so a change to it is a visible decision.
const EXPECTED: Record<"writer" | "editor" | "admin", Permission[]> = {
  writer: ["story:create", "story:edit-own", "story:submit", "story:delete-own", "tag:create", "media:upload"],
  editor: [
    "story:create",
    "story:edit-own",
    "story:edit-any",
    "story:submit",
    "story:publish",
    "story:unpublish",
    "story:return",
    "story:delete-own",
    "story:delete-any",
    "story:see-all",
    "story:set-any-byline",
    "story:breaking",
    "tag:create",
    "tag:manage",
    "media:upload",
    "media:manage",
  ],
  admin: [...PERMISSIONS],
};

describe("permission table", () => {
  for (const role of ["writer", "editor", "admin"] as const) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }
});

describe("row-level story rules", () => {
  const sahar = { id: "sahar", role: "writer" as const };
  const mina = { id: "mina", role: "editor" as const };
  const own = (status: "draft" | "in_review" | "published" | "unpublished") => ({ createdBy: "sahar", status });
  const jawids = { createdBy: "jawid", status: "draft" as const };

  it("a writer sees and edits only her own unpublished stories", () => {
    expect(canSeeStory(sahar, own("draft"))).toBe(true);
    expect(canSeeStory(sahar, jawids)).toBe(false);
    expect(canEditStory(sahar, own("draft"))).toBe(true);
    expect(canEditStory(sahar, own("in_review"))).toBe(true);
    expect(canEditStory(sahar, own("unpublished"))).toBe(true);
    expect(canEditStory(sahar, own("published"))).toBe(false);
    expect(canEditStory(sahar, jawids)).toBe(false);
    expect(canEditStory(sahar, { createdBy: null, status: "draft" })).toBe(false);
  });

  it("a writer deletes only her own drafts", () => {
    expect(canDeleteStory(sahar, own("draft"))).toBe(true);
    expect(canDeleteStory(sahar, own("in_review"))).toBe(false);
    expect(canDeleteStory(sahar, jawids)).toBe(false);
  });

  it("an editor sees, edits and deletes any story", () => {
    for (const s of [own("published"), jawids, { createdBy: null, status: "draft" as const }]) {
      expect(canSeeStory(mina, s)).toBe(true);
      expect(canEditStory(mina, s)).toBe(true);
      expect(canDeleteStory(mina, s)).toBe(true);
    }
  });
});
