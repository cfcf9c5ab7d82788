import { describe, expect, it } from "vitest";
import { intentsForRole, type DeskStatus } from "@/lib/stories/story-schema";
import { editorPermissions, saveButtons } from "./buttons";

const labels = (role: "writer" | "editor" | "admin", status: DeskStatus, canEdit = true) =>
  saveButtons(editorPermissions(intentsForRole(role), canEdit), status).map((b) => b.label);

describe("save buttons by role and state", () => {
  it("writer: save and submit a draft or unpublished story; only save while in review", () => {
    expect(labels("writer", "draft")).toEqual(["Save draft", "Submit for review"]);
    expect(labels("writer", "unpublished")).toEqual(["Save draft", "Submit for review"]);
    expect(labels("writer", "in_review")).toEqual(["Save draft"]);
    expect(labels("writer", "scheduled")).toEqual(["Save changes"]);
    expect(labels("writer", "published")).toEqual([]);
  });

  it.each(["editor", "admin"] as const)("%s: publish, return, unschedule, unpublish as the state allows", (role) => {
    expect(labels(role, "draft")).toEqual(["Save draft", "Publish"]);
    expect(labels(role, "in_review")).toEqual(["Save draft", "Return to writer", "Publish"]);
    expect(labels(role, "scheduled")).toEqual(["Save changes", "Publish now", "Unschedule"]);
    expect(labels(role, "unpublished")).toEqual(["Save draft", "Publish"]);
    expect(labels(role, "published")).toEqual(["Unpublish"]);
  });

  it("no buttons for a story the viewer may not edit", () => {
    for (const status of ["draft", "in_review", "scheduled", "published", "unpublished"] as const) {
      expect(labels("editor", status, false)).toEqual([]);
      expect(labels("writer", status, false)).toEqual([]);
    }
  });

  it("primary buttons are submit and publish", () => {
    const primary = saveButtons(editorPermissions(intentsForRole("editor"), true), "scheduled").filter((b) => b.primary);
    expect(primary.map((b) => b.intent)).toEqual(["publish"]);
    expect(editorPermissions(intentsForRole("writer"), true)).toMatchObject({ canPublish: false, canSubmit: true });
    expect(editorPermissions(intentsForRole("editor"), true)).toMatchObject({ canPublish: true, canSubmit: false });
  });
});
