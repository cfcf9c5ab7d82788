/**
 * The TZ matrix of ../shared/acceptance/cases.md (C01, C17): every combination of the app
 * process's TZ (UTC, Asia/Kabul, America/New_York) and the database session's TimeZone (UTC,
 * Europe/Berlin), on PGlite and (with TEST_DATABASE_URL) PostgreSQL. Scheduling, storage,
 * visibility and the reader's date must come out the same in all of them.
 *
 * Node applies a change of process.env.TZ to Date immediately, so one worker can walk the
 * process zones.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { closeDatabase, setDatabase } from "@/db/handle";
import { getDeskStory, saveStory } from "@/lib/articles/desk";
import { getPublicStory } from "@/lib/articles/queries";
import { saveSiteSettings } from "@/lib/articles/store";
import { loadViewer } from "@/lib/auth/load-viewer";
import { formatLongDate } from "@/lib/dates/format";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { engines, openTestDatabase } from "./db";

const PROCESS_ZONES = ["UTC", "Asia/Kabul", "America/New_York"];
const SESSION_ZONES = ["UTC", "Europe/Berlin"];
const originalTz = process.env.TZ;

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(engines())("TZ matrix on %s", (engine) => {
  for (const processZone of PROCESS_ZONES) {
    for (const sessionZone of SESSION_ZONES) {
      it(`process TZ=${processZone}, database TimeZone=${sessionZone}`, async () => {
        process.env.TZ = processZone;
        const { handle, dispose } = await openTestDatabase(engine, { sessionTimeZone: sessionZone });
        setDatabase(handle);
        try {
          // The session really is in the zone (so the test can fail).
          const shown = await handle.db.execute(sql`select current_setting('TimeZone') as tz`);
          const tzRows = (Array.isArray(shown) ? shown : (shown as unknown as { rows: unknown[] }).rows) as { tz: string }[];
          expect(tzRows[0]?.tz).toBe(sessionZone);
          expect(new Date("2025-03-30T04:30:00Z").getHours()).toBe({ UTC: 4, "Asia/Kabul": 9, "America/New_York": 0 }[processZone]);

          await saveSiteSettings({ siteName: "T", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
          const mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
          const clock = new Date("2025-03-28T10:00:00Z");
          const draft = await saveStory(mina, { title: "Kabul council approves new bus routes", body: JSON.stringify(bodyFromParagraphs(["x"])) }, clock);
          const s = await getDeskStory(mina, draft.id, clock);
          const scheduled = await saveStory(
            mina,
            { id: s.id, version: s.version, title: s.title, body: JSON.stringify(s.body), bylineIds: s.bylineIds, intent: "schedule", scheduledAt: "2025-03-30T09:00" },
            clock,
          );
          expect(scheduled.publishedAt?.toISOString()).toBe("2025-03-30T04:30:00.000Z");

          // Read back through the data layer and through raw SQL in UTC.
          const [row] = await handle.db.select().from(articles).where(eq(articles.id, draft.id));
          expect(row!.publishedAt!.toISOString()).toBe("2025-03-30T04:30:00.000Z");
          const raw = await handle.db.execute(
            sql`select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as t from articles where id = ${draft.id}`,
          );
          const rawRows = (Array.isArray(raw) ? raw : (raw as unknown as { rows: unknown[] }).rows) as { t: string }[];
          expect(rawRows[0]?.t).toBe("2025-03-30 04:30:00");

          // updatedAt written at the clock's time reads back as that instant.
          expect(row!.updatedAt.toISOString()).toBe(clock.toISOString());

          // Visibility flips exactly at the instant; readers see the Kabul date.
          expect((await getPublicStory(scheduled.slug, new Date("2025-03-30T04:29:59.999Z"))).kind).toBe("missing");
          const pub = await getPublicStory(scheduled.slug, new Date("2025-03-30T04:30:00.000Z"));
          if (pub.kind !== "story") throw new Error("expected the story to be public at its instant");
          expect(formatLongDate(pub.story.lastUpdatedAt, "Asia/Kabul")).toBe("March 30, 2025");
        } finally {
          await dispose();
          await closeDatabase().catch(() => {});
        }
      });
    }
  }
});
