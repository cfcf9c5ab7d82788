import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Drizzle's migrator silently skips a migration dated earlier than the last applied one
// (drizzle-orm's migrator compares each entry with the last applied `created_at`), so the journal's `when` must strictly increase and every entry needs its file.
describe("migration journal", () => {
  const dir = path.join(__dirname, "migrations");
  const journal = JSON.parse(fs.readFileSync(path.join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; when: number; tag: string }[];
  };

  it("has strictly increasing timestamps and indexes", () => {
    for (let i = 1; i < journal.entries.length; i++) {
      expect(journal.entries[i]!.when).toBeGreaterThan(journal.entries[i - 1]!.when);
      expect(journal.entries[i]!.idx).toBe(journal.entries[i - 1]!.idx + 1);
    }
  });

  it("has a SQL file for every entry and no stray files", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
  });

  it("uses only time-zone-aware timestamps", () => {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".sql"))) {
      const sqlText = fs.readFileSync(path.join(dir, f), "utf8");
      expect(sqlText).not.toMatch(/timestamp(?! with time zone)/i);
    }
  });
});
