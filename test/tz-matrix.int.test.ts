/**
 * The time-zone matrix: every combination of the app process's TZ (UTC, Asia/Kabul,
 * America/New_York) and the database session's TimeZone (UTC, Europe/Berlin), on PGlite and
 * (with TEST_DATABASE_URL) PostgreSQL. Scheduling, storage, visibility, the reader's date and
 * live blog entries' times must come out the same in all of them (a server not on UTC shifted
 * Ghost's scheduled posts,
 * https://github.com/TryGhost/Ghost/issues/11749; a session zone shifted Drizzle's timestamps,
 * https://github.com/drizzle-team/drizzle-orm/issues/1587).
 *
 * Node applies a change of process.env.TZ to Date immediately, so one worker can walk the
 * process zones.
 */
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { stories } from "@/db/schema";
import { closeDatabase, setDatabase } from "@/db/handle";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { getPublicStory } from "@/lib/stories/queries";
import { saveSiteSettings } from "@/lib/stories/store";
import { loadViewer } from "@/lib/auth/load-viewer";
import { formatLongDate, formatTimeOfDayWithZone } from "@/lib/dates/format";
import { postEntry, updateLiveBlog } from "@/lib/live/entries";
import { getLivePage } from "@/lib/live/public";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { importWxr } from "@/lib/import/importer";
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
          const [row] = await handle.db.select().from(stories).where(eq(stories.id, draft.id));
          expect(row!.publishedAt!.toISOString()).toBe("2025-03-30T04:30:00.000Z");
          const raw = await handle.db.execute(
            sql`select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as t from stories where id = ${draft.id}`,
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

          // WordPress dates (post_date_gmt, the zero-date sentinel, a local-only date) come out
          // the same in every zone combination.
          const item = (id: number, title: string, status: string, local: string, gmt: string) =>
            `<item><title>${title}</title><wp:post_id>${id}</wp:post_id><wp:post_date>${local}</wp:post_date><wp:post_date_gmt>${gmt}</wp:post_date_gmt><wp:status>${status}</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>x</p>]]></content:encoded></item>`;
          const wxr = `<?xml version="1.0"?><rss xmlns:content="c" xmlns:wp="w"><channel><title>TZ</title><link>https://tz.example</link>${item(1, "Keyboard navigation", "publish", "2018-10-20 20:03:48", "2018-10-21 03:03:48")}${item(2, "Zero date draft", "draft", "2024-02-10 14:20:00", "0000-00-00 00:00:00")}${item(3, "Local only", "publish", "2024-07-01 09:00:00", "0000-00-00 00:00:00")}</channel></rss>`;
          const report = await importWxr(Readable.from([wxr]), { siteTimeZone: "Asia/Kabul", now: clock });
          expect(report).toMatchObject({ created: 3, errors: [] });
          const imported = Object.fromEntries(
            (await handle.db.select({ title: stories.title, at: stories.publishedAt }).from(stories)).map((r) => [r.title, r.at?.toISOString() ?? null]),
          );
          expect(imported).toMatchObject({ "Keyboard navigation": "2018-10-21T03:03:48.000Z", "Zero date draft": null, "Local only": "2024-07-01T04:30:00.000Z" });
          expect(formatLongDate(new Date(imported["Keyboard navigation"]!), "Asia/Kabul")).toBe("October 21, 2018");

          // Live blog entries: stored and read back as the instants they were posted at, shown
          // in the newsroom's zone with its name, with the offset in force at each instant (a
          // newsroom in London: either side of the 2025-03-30 change to summer time).
          await updateLiveBlog(mina, draft.id, { isLiveBlog: true }, new Date("2025-03-30T04:30:00Z"));
          const before = await postEntry(mina, draft.id, { body: bodyFromParagraphs(["Before the change."]) }, new Date("2025-03-30T04:40:00Z"));
          const after = await postEntry(mina, draft.id, { body: bodyFromParagraphs(["After it."]) }, new Date("2025-03-30T05:10:00Z"));
          const live = await getLivePage(handle.db, draft.id, new Date("2025-03-30T06:00:00Z"));
          expect(live.entries.map((e) => [e.id, e.postedAt.toISOString()])).toEqual([
            [after.entryId, "2025-03-30T05:10:00.000Z"],
            [before.entryId, "2025-03-30T04:40:00.000Z"],
          ]);
          expect(formatTimeOfDayWithZone(live.entries[1]!.postedAt, "Asia/Kabul")).toBe("9:10 AM GMT+4:30");
          expect(formatTimeOfDayWithZone(new Date("2025-03-30T00:30:00Z"), "Europe/London", "en-GB")).toBe("00:30 GMT");
          expect(formatTimeOfDayWithZone(new Date("2025-03-30T01:30:00Z"), "Europe/London", "en-GB")).toBe("02:30 BST");
        } finally {
          await dispose();
          await closeDatabase().catch(() => {});
        }
      });
    }
  }
});
