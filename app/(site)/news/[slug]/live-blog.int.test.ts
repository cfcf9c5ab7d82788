/**
 * A live blog as readers get it, rendered by the real routes' loaders on a real database
 * (PGlite; PostgreSQL too with TEST_DATABASE_URL): the newest 50 entries with key events, the
 * pinned entry and an "Older updates" page reachable without JavaScript; LiveBlogPosting
 * JSON-LD with the fields schema.org and Google's documentation ask for, each update's URL an
 * anchor on the page; the updates endpoint's entries, versions and completeness; an edited
 * entry changed and a deleted one gone from page, endpoint, JSON-LD and feed; the coverage
 * ended; and entry times the same whatever the server's time zone.
 */
import { describe, expect, it, vi } from "vitest";
import { loadLiveJson, type LiveJson } from "@/components/site/live-updates-json";
import { renderReaderPage } from "@/components/site/render";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { loadFeed } from "@/lib/feeds/documents";
import { deleteEntry, editEntry, postEntry, updateLiveBlog } from "@/lib/live/entries";
import { createStory, saveSiteSettings, upsertByline } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { withReaderStylesheet } from "@/test/reader-stylesheet";
import { liveUpdatesPage, storyPage } from "./story-page";

// Next's data cache exists only inside a Next server; rendered here directly, pages read
// through it (what is cached, and its expiry, are the e2e suite's to check).
vi.mock("next/cache", () => ({ unstable_cache: <F>(fn: F) => fn, revalidatePath: () => undefined, revalidateTag: () => undefined }));

withReaderStylesheet();

const body = (text: string) => bodyFromParagraphs([text]);
const MIN = 60_000;

/** The page's HTML (200), or fails the test. */
async function html(load: Parameters<typeof renderReaderPage>[0]): Promise<string> {
  const page = await renderReaderPage(load);
  if (page.status !== 200) throw new Error(`expected a page, got ${page.status}`);
  return page.html;
}

/** The JSON-LD objects of a page. */
function jsonLd(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

/**
 * What schema.org's LiveBlogPosting (and its BlogPosting updates) must carry for Google's
 * article and live coverage documentation: the names of the missing or malformed fields.
 */
function liveBlogProblems(ld: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const iso = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  if (ld["@context"] !== "https://schema.org") problems.push("@context");
  if (ld["@type"] !== "LiveBlogPosting") problems.push("@type");
  for (const f of ["headline", "url"]) if (typeof ld[f] !== "string" || !(ld[f] as string)) problems.push(f);
  for (const f of ["datePublished", "dateModified", "coverageStartTime"]) if (!iso(ld[f])) problems.push(f);
  if ("coverageEndTime" in ld && !iso(ld.coverageEndTime)) problems.push("coverageEndTime");
  if (!Array.isArray(ld.author) || ld.author.length === 0) problems.push("author");
  const updates = ld.liveBlogUpdate;
  if (!Array.isArray(updates)) return [...problems, "liveBlogUpdate"];
  updates.forEach((u: Record<string, unknown>, i) => {
    if (u["@type"] !== "BlogPosting") problems.push(`liveBlogUpdate[${i}].@type`);
    if (typeof u.headline !== "string" || !u.headline || (u.headline as string).length > 110) problems.push(`liveBlogUpdate[${i}].headline`);
    if (typeof u.articleBody !== "string" || !u.articleBody) problems.push(`liveBlogUpdate[${i}].articleBody`);
    if (!iso(u.datePublished) || !iso(u.dateModified) || (u.dateModified as string) < (u.datePublished as string)) problems.push(`liveBlogUpdate[${i}].dates`);
    if (typeof u.url !== "string" || !/#entry-[0-9a-f-]{36}$/.test(u.url as string)) problems.push(`liveBlogUpdate[${i}].url`);
  });
  return problems;
}

describe.each(engines())("a live blog on its reader pages on %s", (engine) => {
  useTestDatabase(engine);
  let mina: Viewer;
  let slug = "";
  let storyId = "";
  // A minute ahead of the real clock, in whole seconds; the entries are an hour of minutes before it.
  const T = new Date(Math.ceil((Date.now() + 60_000) / 1000) * 1000);
  const start = new Date(T.getTime() - 2 * 60 * MIN);
  const ids: string[] = [];
  const now = () => new Date();
  const liveJson = async () => {
    const found = await loadLiveJson(slug, now());
    if (found.kind !== "json") throw new Error(found.kind);
    return JSON.parse(found.body) as LiveJson;
  };

  it("sets up a live blog in Kabul's time zone with 55 entries, a key event, a pinned one", async () => {
    await saveSiteSettings({ siteName: "Test", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    await upsertByline({ slug: "mina-rahimi", name: "Mina Rahimi" });
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery", bylineSlug: "mina-rahimi" })))!;
    const s = await createStory({ title: "Election count — live", body: body("Counting began at eight."), status: "published", publishedAt: start, bylineSlugs: ["mina-rahimi"], actorId: mina.id });
    slug = s.slug;
    storyId = s.id;
    await updateLiveBlog(mina, storyId, { isLiveBlog: true }, start);
    for (let i = 0; i < 55; i++) {
      const p = await postEntry(mina, storyId, { headline: i === 3 ? "Turnout passes half" : "", body: body(`Count update number ${i}.`), isKeyEvent: i === 3, isPinned: i === 10 }, new Date(start.getTime() + i * MIN));
      ids.push(p.entryId);
    }
  });

  it("the story page: the newest 50 entries newest first, key events, the pinned entry, and an Older updates link; LiveBlogPosting JSON-LD", async () => {
    const page = await html((c) => storyPage(c, slug));
    const shown = [...page.matchAll(/data-entry-id="([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(shown).toEqual(ids.slice(5).reverse());
    expect(page).toContain('data-testid="live-badge"');
    expect(page).toContain('src="/live-updates.js"');
    expect(page).toMatch(/data-testid="key-events"[\s\S]*Turnout passes half/);
    expect(page).toMatch(/data-testid="live-pinned"[\s\S]*Count update number 10\./);
    const older = /href="(\/news\/[^"]+\/updates\/[^"]+)"[^>]*data-testid="older-updates"/.exec(page)?.[1];
    expect(older).toBeTruthy();
    const [ld] = jsonLd(page);
    expect(liveBlogProblems(ld!)).toEqual([]);
    const updates = ld!.liveBlogUpdate as { url: string; headline: string }[];
    expect(updates).toHaveLength(50);
    // Every update's URL is an anchor on this page.
    for (const u of updates) expect(page).toContain(`id="${u.url.split("#")[1]}"`);
    expect(updates.find((u) => u.url.endsWith(ids[3]!))).toBeUndefined();
    expect((updates[0] as { author?: { name: string } }).author?.name).toBe("Mina Rahimi");

    const cursor = decodeURIComponent(older!.split("/").pop()!);
    const olderPage = await html((c) => liveUpdatesPage(c, slug, cursor));
    expect([...olderPage.matchAll(/data-entry-id="([0-9a-f-]{36})"/g)].map((m) => m[1])).toEqual(ids.slice(0, 5).reverse());
    expect(olderPage).toContain('content="noindex, follow"');
    expect(olderPage).toContain(`href="/news/${slug}#live-heading"`);
    expect(olderPage).not.toContain("live-updates.js");
    expect((await renderReaderPage((c) => liveUpdatesPage(c, slug, "bm90LWEtY3Vyc29y"))).status).toBe(404);
  });

  it("the updates endpoint: the first page's entries with versions and their markup, not complete while older ones exist", async () => {
    const json = await liveJson();
    expect(json).toMatchObject({ live: true, endedAt: null, total: 55, complete: false });
    expect(json.entries.map((e) => e.id)).toEqual(ids.slice(5).reverse());
    expect(json.entries[0]!.html).toContain(`id="entry-${ids[54]}"`);
    expect(json.keyEventsHtml).toContain("Turnout passes half");
    expect(json.pinnedHtml).toContain("Count update number 10.");
  });

  it("an edit changes the entry everywhere at once, keeping its id and time; a deletion leaves no trace of either text", async () => {
    const target = ids[50]!;
    const before = (await liveJson()).entries.find((e) => e.id === target)!;
    await editEntry(mina, target, { version: 1, body: body("Count update, named Karim Rahimi by mistake.") }, now());
    const edited = (await liveJson()).entries.find((e) => e.id === target)!;
    expect(edited.postedAt).toBe(before.postedAt);
    expect(edited.version).not.toBe(before.version);
    expect(edited.html).toContain("Karim Rahimi");
    expect(edited.html).toContain('data-testid="entry-edited"');
    await deleteEntry(mina, target, now());
    const outputs = [
      JSON.stringify(await liveJson()),
      await html((c) => storyPage(c, slug)),
      JSON.stringify(await loadFeed({ kind: "live", slug }, "rss", now())),
      JSON.stringify(await loadFeed({ kind: "live", slug }, "atom", now())),
    ];
    for (const out of outputs) {
      expect(out).not.toContain("Karim Rahimi");
      expect(out).not.toContain("Count update number 50.");
      expect(out).not.toContain(target);
    }
  });

  it("entry times are the newsroom's, with its zone's name, whatever the server's time zone", async () => {
    const original = process.env.TZ;
    const rendered: string[] = [];
    try {
      for (const tz of ["UTC", "America/New_York", "Asia/Tokyo"]) {
        process.env.TZ = tz;
        rendered.push((await liveJson()).entries.map((e) => /<time[^>]*data-testid="entry-time"[^>]*>([^<]+)</.exec(e.html)![1]).join("|"));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(rendered).size).toBe(1);
    // The newest entry was posted 54 minutes after the start, 2 hours before T: Kabul is UTC+4:30.
    const newest = new Date(start.getTime() + 54 * MIN);
    const kabul = new Date(newest.getTime() + 4.5 * 60 * MIN);
    const hour = kabul.getUTCHours() % 12 || 12;
    expect(rendered[0]!.split("|")[0]).toBe(`${hour}:${String(kabul.getUTCMinutes()).padStart(2, "0")} ${kabul.getUTCHours() < 12 ? "AM" : "PM"} GMT+4:30`);
  });

  it("ending the coverage: the notice with its time, no badge, no script; the endpoint says so", async () => {
    await updateLiveBlog(mina, storyId, { coverage: "end" }, now());
    const page = await html((c) => storyPage(c, slug));
    expect(page).toContain('data-testid="coverage-ended"');
    expect(page).toContain("This live coverage has ended");
    expect(page).not.toContain('data-testid="live-badge"');
    expect(page).not.toContain("live-updates.js");
    const [ld] = jsonLd(page);
    expect(liveBlogProblems(ld!)).toEqual([]);
    expect(ld!.coverageEndTime).toBeTruthy();
    expect((await liveJson()).live).toBe(false);
  });
});
