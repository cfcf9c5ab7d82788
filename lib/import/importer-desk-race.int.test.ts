/**
 * A WordPress re-import next to desk saves, on a real migrated database (PGlite always;
 * PostgreSQL when TEST_DATABASE_URL is set). The rule (lib/import/importer.ts): a story edited
 * on our desk since its import is never overwritten by a newer export; the item is reported
 * as kept. On PostgreSQL a desk save can commit while an item's transaction runs, between
 * the importer's version check and its update, so the update itself must only apply to the
 * version it checked, as desk saves do (lib/stories/desk.ts, writeStoryRow).
 */
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type postgres from "postgres";
import { describe, expect, it } from "vitest";
import { importItems, stories, storyRevisions } from "@/db/schema";
import { loadViewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { saveStory } from "@/lib/stories/desk";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { importWxr } from "./importer";
import { testExport } from "./test-export";

const NOW = new Date("2026-11-30T00:00:00Z");

/** Imports a one-item export of `site` (WordPress post 7) with this title and paragraph. */
const importOne = (site: string, title: string, text: string) =>
  importWxr(Readable.from([testExport([{ id: 7, title, content: `<p>${text}</p>` }], site)]), { siteTimeZone: "UTC", now: NOW });

describe.each(engines())("a WordPress re-import and desk saves on %s", (engine) => {
  const handle = useTestDatabase(engine);

  /** The story imported from `site`, and the version the import recorded for it. */
  async function imported(site: string) {
    const [item] = await handle().db.select().from(importItems).where(eq(importItems.source, site));
    expect(item, site).toBeDefined();
    const [story] = await handle().db.select().from(stories).where(eq(stories.id, item!.storyId));
    return { story: story!, importedVersion: item!.storyVersion };
  }

  it("a newer export updates a story nobody edited here; once it is saved on the desk, the next export leaves it as it is and reports it as kept", async () => {
    const site = "https://desk-before.example";
    expect(await importOne(site, "Bridge reopens", "First version.")).toMatchObject({ created: 1, errors: [] });
    const first = await imported(site);
    expect(await importOne(site, "Bridge reopens, revised", "Second version.")).toMatchObject({ updated: 1, keptLocalEdits: 0, errors: [] });
    const { story } = await imported(site);
    expect([story.title, story.version]).toEqual(["Bridge reopens, revised", first.story.version + 1]);

    const editorId = await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" });
    const mina = (await loadViewer(editorId))!;
    await saveStory(mina, { id: story.id, version: story.version, title: "Bridge reopens (desk)", body: JSON.stringify(bodyFromParagraphs(["The desk's version."])) });
    const report = await importOne(site, "Bridge reopens, revised again", "Third version.");
    expect(report).toMatchObject({ updated: 0, unchanged: 0, keptLocalEdits: 1, errors: [] });
    const after = await imported(site);
    expect([after.story.title, after.story.version, after.importedVersion]).toEqual(["Bridge reopens (desk)", story.version + 1, story.version]);
  });

  it.runIf(engine === "postgres")("a re-import never overwrites a desk save that commits while the item is being written: the story keeps the desk's title and is reported as kept", async () => {
    const site = "https://desk-race.example";
    expect(await importOne(site, "Council meets", "First version.")).toMatchObject({ created: 1, errors: [] });
    const { story: start } = await imported(site);
    const client = handle().client as postgres.Sql;

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => (taken = r));
    // A desk save in flight on its own connection: the row is written, not yet committed.
    const deskSave = client.begin(async (tx) => {
      await tx`update stories set title = 'Edited on the desk', version = version + 1 where id = ${start.id}`;
      taken();
      await held;
    });
    await Promise.race([lockTaken, deskSave]);

    // The newer export changes the item, so without the desk save it would be "updated".
    const reimport = importOne(site, "Council meets, revised", "Second version.");
    let settled = false;
    void reimport.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Wait (at most 5 s) until the import's transaction waits for the desk's row lock: it has
    // read the story's version, before the desk save committed.
    let waited = false;
    for (const until = Date.now() + 5000; !waited && !settled && Date.now() < until; ) {
      const [row] = await client`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      waited = (row?.n as number) > 0;
      if (!waited) await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    release();
    await deskSave;
    const report = await reimport;

    expect(waited, "the re-import waited for the desk save's lock").toBe(true);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 0, keptLocalEdits: 1, errors: [] });
    const after = await imported(site);
    expect([after.story.title, after.story.version]).toEqual(["Edited on the desk", start.version + 1]);
    expect(after.story.bodyText).toContain("First version.");
    // The import's record still names the imported version, so later runs keep the story too.
    expect(after.importedVersion).toBe(start.version);
    const revisions = await handle().db.select({ version: storyRevisions.version }).from(storyRevisions).where(eq(storyRevisions.storyId, start.id));
    expect(revisions.map((r) => r.version)).toEqual([start.version]);
  });
});
