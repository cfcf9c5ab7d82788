import { describe, expect, it } from "vitest";
import { changedFields } from "./changes";
import { actionLabel, describeAudit } from "./describe";

describe("audit entries in words", () => {
  it("says who did what to which story, linking to it", () => {
    const d = describeAudit({ action: "story.publish", entityType: "story", entityId: "0b6f4c1e-8f4e-4a47-9d3e-2f1c7a9b1d20", details: { version: 2, title: "Old headline" }, actorName: "Mina", targetName: "Footbridge reopens" });
    expect([d.actor, d.verb, d.target]).toEqual(["Mina", "published", { label: "“Footbridge reopens”", href: "/dashboard/stories/0b6f4c1e-8f4e-4a47-9d3e-2f1c7a9b1d20" }]);
  });

  it("names webhook endpoints by their URL, linking to the delivery log while they exist", () => {
    const id = "5d0c1f9e-3b7a-4c2e-9f1d-8a6b2c4e7f10";
    const made = describeAudit({ action: "webhook.create", entityType: "webhook_endpoint", entityId: id, details: { url: "https://hooks.example.org/a", events: ["story.published"] }, actorName: "Ada", targetName: "https://hooks.example.org/a" });
    expect([made.verb, made.target]).toEqual(["added the webhook", { label: "“https://hooks.example.org/a”", href: `/dashboard/webhooks/${id}` }]);
    const gone = describeAudit({ action: "webhook.delete", entityType: "webhook_endpoint", entityId: id, details: { url: "https://hooks.example.org/a", events: [] }, actorName: "Ada", targetName: null });
    expect(gone.target).toEqual({ label: "“https://hooks.example.org/a”", href: null });
    expect(actionLabel("webhook.disable")).toBe("Disabled (webhook)");
    expect(actionLabel("apikey.revoke")).toBe("Revoked (API key)");
  });

  it("names a record that no longer exists by what the entry recorded, without a link", () => {
    const d = describeAudit({ action: "story.purge", entityType: "story", entityId: "0b6f4c1e-8f4e-4a47-9d3e-2f1c7a9b1d20", details: { title: "Wire copy" }, actorName: "Mina", targetName: null });
    expect(d.target).toEqual({ label: "“Wire copy”", href: null });
  });

  it("lists only the fields that changed, readably, in either stored shape", () => {
    const legacy = describeAudit({ action: "tag.update", entityType: "tag", entityId: "x", details: { name: { from: "Politics", to: "Politics" }, slug: { from: "politics", to: "politics-and-power" } }, actorName: "Mina", targetName: "Politics" });
    expect(legacy.changes).toEqual([{ label: "Slug", from: "politics", to: "politics-and-power" }]);
    const current = describeAudit({ action: "tag.update", entityType: "tag", entityId: "x", details: { changes: { isSection: { from: false, to: true }, sectionOrder: { from: 0, to: 3 } } }, actorName: "Mina", targetName: "Weather" });
    expect(current.changes).toEqual([
      { label: "In the section menu", from: "no", to: "yes" },
      { label: "Position in the section menu", from: "0", to: "3" },
    ]);
  });

  it("says which section page a lead was pinned to, and what the front page's rule and blocks changed from and to", () => {
    const pin = describeAudit({ action: "front.section_pin", entityType: "story", entityId: "0b6f4c1e-8f4e-4a47-9d3e-2f1c7a9b1d20", details: { title: "Vote count begins", section: "Politics" }, actorName: "Mina", targetName: "Vote count begins" });
    expect([pin.verb, pin.target?.label, pin.extra]).toEqual(["pinned as the lead of a section page", "“Vote count begins”", "(“Politics”)"]);
    const rule = describeAudit({ action: "front.rule", entityType: "front", entityId: "front", details: { changes: { rule: { from: "Newest stories", to: "Newest, breaking news first" } } }, actorName: "Mina", targetName: null });
    expect([rule.verb, rule.target, rule.changes]).toEqual(["changed the front page's automatic rule", null, [{ label: "Automatic rule", from: "Newest stories", to: "Newest, breaking news first" }]]);
    const blocks = describeAudit({ action: "front.sections", entityType: "front", entityId: "front", details: { changes: { sections: { from: "the first sections of the navigation", to: "Health, Politics" } } }, actorName: "Mina", targetName: null });
    expect(blocks.changes).toEqual([{ label: "Section blocks", from: "the first sections of the navigation", to: "Health, Politics" }]);
  });

  it("gives every action code a label for the filter, and never shows raw JSON", () => {
    expect(actionLabel("auth.sign_in")).toBe("Signed in");
    expect(actionLabel("story.publish")).toBe("Published (story)");
    const d = describeAudit({ action: "settings.update", entityType: "settings", entityId: "1", details: { changes: { logoUrl: { from: null, to: "/logo.png" } } }, actorName: "Laila", targetName: null });
    expect(d.changes).toEqual([{ label: "Logo address", from: "(empty)", to: "/logo.png" }]);
  });
});

describe("changedFields", () => {
  it("keeps only what differs; empty string and null are the same empty value", () => {
    expect(changedFields({ name: "A", bio: "", order: 1, on: false }, { name: "A", bio: null as unknown as string, order: 2, on: true }, ["name", "bio", "order", "on"])).toEqual({
      order: { from: 1, to: 2 },
      on: { from: false, to: true },
    });
  });
});
