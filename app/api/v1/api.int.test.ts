/**
 * The content API through its real route handlers (app/api/v1/…), against a real migrated
 * database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): every route, keys (none,
 * bad, revoked → 401), pagination by cursor, filters, ETag → 304, the rate limit → 429 with
 * Retry-After, CORS, an old slug → 308, a removed story → 410, every answer valid against the
 * schemas the OpenAPI document is made from, and no story that is not public (a draft, a
 * scheduled, embargoed, unpublished or trashed story, a live story's pending changes) in any
 * answer of any route.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { pendingChanges, slugRedirects, stories } from "@/db/schema";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createStory, upsertByline, upsertTag } from "@/lib/stories/store";
import { engines, useTestDatabase } from "@/test/db";
import { GET as getBylines } from "./bylines/route";
import { GET as getOpenApi } from "./openapi.json/route";
import { GET as search } from "./search/route";
import { GET as getStory } from "./stories/[slug]/route";
import { GET as listStories, OPTIONS as preflight } from "./stories/route";
import { GET as getTags } from "./tags/route";
import { createApiKey } from "@/lib/api/keys";
import { resetRateLimits } from "@/lib/api/rate-limit";
import { BylineListSchema, SearchResultSchema, StoryListSchema, StorySchema, TagListSchema } from "@/lib/api/schemas";

const HOUR = 3_600_000;
/** A word in every non-public story, which no API answer may contain. */
const SECRET = "Zanzibarsecret";

describe.each(engines())("The content API on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let key = "";
  let revoked = "";
  const now = Date.now();

  const call = (route: (r: Request, ctx?: never) => Promise<Response>, path: string, init: { key?: string | null; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const k = init.key === undefined ? key : init.key;
    if (k) headers.authorization = `Bearer ${k}`;
    return route(new Request(`http://localhost${path}`, { headers }));
  };
  const story = (slug: string, init: { key?: string | null; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    const k = init.key === undefined ? key : init.key;
    if (k) headers.authorization = `Bearer ${k}`;
    return getStory(new Request(`http://localhost/api/v1/stories/${encodeURIComponent(slug)}`, { headers }), { params: Promise.resolve({ slug }) });
  };

  beforeAll(async () => {
    const db = handle().db;
    await upsertTag({ slug: "politics", name: "Politics" }, db);
    await upsertTag({ slug: "water", name: "Water" }, db);
    await upsertTag({ slug: `${SECRET.toLowerCase()}-tag`, name: `${SECRET} tag` }, db);
    await upsertByline({ slug: "maryam", name: "Maryam Rahimi", jobTitle: "Reporter" }, db);
    await upsertByline({ slug: "hidden-writer", name: `${SECRET} Writer` }, db);
    const published = (i: number) => new Date(now - (30 - i) * HOUR);
    for (let i = 0; i < 25; i++) {
      await createStory(
        {
          title: `Council budget story ${i}`,
          slug: `budget-${i}`,
          body: bodyFromParagraphs([`The council met about the water budget, part ${i}.`]),
          status: "published",
          publishedAt: published(i),
          language: i % 5 === 0 ? "fa" : "en",
          tagSlugs: i % 2 === 0 ? ["politics", "water"] : ["water"],
          bylineSlugs: ["maryam"],
        },
        db,
      );
    }
    // One of each kind that must never show: all carry the secret word, a public tag and byline.
    const hidden = (title: string, extra: Partial<Parameters<typeof createStory>[0]>) =>
      createStory({ title: `${SECRET} ${title}`, body: bodyFromParagraphs([`${SECRET} water budget council.`]), status: "draft", tagSlugs: [`${SECRET.toLowerCase()}-tag`, "water"], bylineSlugs: ["hidden-writer", "maryam"], ...extra }, db);
    await hidden("draft", {});
    await hidden("scheduled", { status: "published", publishedAt: new Date(now + 5 * HOUR) });
    const embargoed = await hidden("embargoed", { status: "published", publishedAt: new Date(now + 2 * HOUR) });
    await db.update(stories).set({ embargoUntil: new Date(now + 2 * HOUR) }).where(eq(stories.id, embargoed.id));
    const unpublished = await hidden("unpublished", { status: "published", publishedAt: new Date(now - 50 * HOUR) });
    await db.update(stories).set({ status: "unpublished" }).where(eq(stories.id, unpublished.id));
    const ended = await hidden("scheduled unpublish passed", { status: "published", publishedAt: new Date(now - 50 * HOUR) });
    await db.update(stories).set({ unpublishAt: new Date(now - HOUR) }).where(eq(stories.id, ended.id));
    const trashed = await hidden("trashed", { status: "published", publishedAt: new Date(now - 40 * HOUR), slug: "removed-story" });
    await db.update(stories).set({ status: "unpublished", trashedAt: new Date(now - HOUR) }).where(eq(stories.id, trashed.id));
    // A live story's pending changes (not yet published) carry the secret; the story does not.
    const live = await createStory({ title: "Live story with pending changes", slug: "live-story", body: bodyFromParagraphs(["Public text about the water budget."]), status: "published", publishedAt: new Date(now - 45 * HOUR), tagSlugs: ["water"], bylineSlugs: ["maryam"] }, db);
    await db.insert(pendingChanges).values({ storyId: live.id, baseVersion: 1, input: { title: `${SECRET} pending headline`, body: bodyFromParagraphs([`${SECRET} pending body`]) } });
    await db.insert(slugRedirects).values({ oldSlug: "old-budget-3", storyId: (await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, "budget-3")))[0]!.id });
    key = (await createApiKey(db, { name: "Test app", actorId: null })).key;
    const other = await createApiKey(db, { name: "Old app", actorId: null });
    revoked = other.key;
    await db.execute(`update api_keys set revoked_at = now() where id = '${other.id}'`);
  });
  afterEach(() => resetRateLimits());

  it("refuses requests without a key, with a bad key or a revoked one (401, JSON, WWW-Authenticate)", async () => {
    for (const k of [null, "nr_not-a-real-key-at-all-00000000000", revoked, "Basic abc"]) {
      const res = await call(listStories, "/api/v1/stories", { key: k });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await res.json()).error).toMatch(/API key/);
    }
    const res = await listStories(new Request("http://localhost/api/v1/stories", { headers: { authorization: "Basic dXNlcjpwYXNz" } }));
    expect(res.status).toBe(401);
  });

  it("lists stories newest first, 20 by default, paged by cursor to the end without repeats", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/v1/stories?limit=7";
    let pages = 0;
    while (path) {
      const res = await call(listStories, path);
      expect(res.status).toBe(200);
      const body = StoryListSchema.parse(await res.json());
      seen.push(...body.items.map((s) => s.slug));
      pages += 1;
      path = body.next ? `/api/v1/stories?limit=7&cursor=${encodeURIComponent(body.next)}` : null;
      if (body.next) expect(body.nextUrl).toContain(`cursor=${encodeURIComponent(body.next)}`);
    }
    expect(pages).toBe(4);
    expect(seen).toHaveLength(26);
    expect(new Set(seen).size).toBe(26);
    expect(seen.slice(0, 3)).toEqual(["budget-24", "budget-23", "budget-22"]);
    expect(seen.at(-1)).toBe("live-story");
    const first = StoryListSchema.parse(await (await call(listStories, "/api/v1/stories")).json());
    expect(first.items).toHaveLength(20);
  });

  it("filters by tag, byline, language and updated_since", async () => {
    const get = async (q: string) => StoryListSchema.parse(await (await call(listStories, `/api/v1/stories?limit=100&${q}`)).json()).items;
    expect((await get("tag=politics")).map((s) => s.slug)).toEqual(Array.from({ length: 13 }, (_, k) => `budget-${24 - 2 * k}`));
    expect(await get("byline=maryam")).toHaveLength(26);
    expect(await get("byline=nobody")).toEqual([]);
    expect((await get("language=fa")).map((s) => s.slug)).toEqual(["budget-20", "budget-15", "budget-10", "budget-5", "budget-0"]);
    const since = new Date(now - 10.5 * HOUR).toISOString();
    expect((await get(`updated_since=${encodeURIComponent(since)}`)).map((s) => s.slug)).toEqual(Array.from({ length: 5 }, (_, k) => `budget-${24 - k}`));
  });

  it("answers a bad parameter with 400 and says which", async () => {
    for (const [q, word] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["updated_since=yesterday", "updated_since"],
      ["cursor=xyz", "cursor"],
      ["language=English!", "language"],
    ] as const) {
      const res = await call(listStories, `/api/v1/stories?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()).error).toContain(word);
    }
  });

  it("one story: its fields, an old slug → 308, a removed story → 410, an unknown one → 404", async () => {
    const res = await story("budget-3");
    expect(res.status).toBe(200);
    const s = StorySchema.parse(await res.json());
    expect(s).toMatchObject({ slug: "budget-3", headline: "Council budget story 3", language: "en", direction: "ltr", breaking: false, section: { slug: "water" }, bylines: [{ slug: "maryam", name: "Maryam Rahimi" }] });
    expect(s.url).toMatch(/\/news\/budget-3$/);
    expect(s.body.type).toBe("doc");
    expect(s.bodyHtml).toContain("water budget, part 3");
    const moved = await story("old-budget-3");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toMatch(/\/api\/v1\/stories\/budget-3$/);
    expect((await story("removed-story")).status).toBe(410);
    expect((await story("no-such-story")).status).toBe(404);
    const fa = StorySchema.parse(await (await story("budget-5")).json());
    expect(fa).toMatchObject({ language: "fa", direction: "rtl" });
  });

  it("ETag and If-None-Match give 304 with no body; a changed answer has a new ETag", async () => {
    const res = await call(listStories, "/api/v1/stories?limit=3");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.get("cache-control")).toBe("private, max-age=60");
    const again = await call(listStories, "/api/v1/stories?limit=3", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const other = await call(listStories, "/api/v1/stories?limit=4", { headers: { "if-none-match": etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get("etag")).not.toBe(etag);
  });

  it("a key over its limit gets 429 with Retry-After; other keys are not affected", { timeout: 30_000 }, async () => {
    // Counted in one-minute windows: start well inside one (601 requests take about 2 s).
    const into = Date.now() % 60_000;
    if (into > 50_000) await new Promise((r) => setTimeout(r, 60_000 - into + 50));
    let last: Response | null = null;
    for (let i = 0; i < 601; i++) last = await call(getTags, "/api/v1/tags?limit=1");
    expect(last!.status).toBe(429);
    const retry = Number(last!.headers.get("retry-after"));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await last!.json()).error).toMatch(/at most 600 a minute/);
    const second = (await createApiKey(handle().db, { name: "Second", actorId: null })).key;
    expect((await call(getTags, "/api/v1/tags?limit=1", { key: second })).status).toBe(200);
  });

  it("CORS: GET from any origin; the preflight needs no key", async () => {
    const res = await call(listStories, "/api/v1/stories?limit=1", { headers: { origin: "https://partner.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const pre = preflight();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  });

  it("tags, bylines and search", async () => {
    const tagList = TagListSchema.parse(await (await call(getTags, "/api/v1/tags")).json());
    expect(tagList.items.map((t) => t.slug)).toEqual(["politics", "water"]);
    const page1 = TagListSchema.parse(await (await call(getTags, "/api/v1/tags?limit=1")).json());
    const page2 = TagListSchema.parse(await (await call(getTags, `/api/v1/tags?limit=1&cursor=${page1.next}`)).json());
    expect([...page1.items, ...page2.items].map((t) => t.slug)).toEqual(["politics", "water"]);
    expect(page2.next).toBeNull();
    const bylineList = BylineListSchema.parse(await (await call(getBylines, "/api/v1/bylines")).json());
    expect(bylineList.items).toEqual([expect.objectContaining({ slug: "maryam", name: "Maryam Rahimi", title: "Reporter" })]);
    const found = SearchResultSchema.parse(await (await call(search, "/api/v1/search?q=council%20budget&limit=5")).json());
    expect(found.items).toHaveLength(5);
    expect(found.total).toBe(25);
    expect((await call(search, "/api/v1/search")).status).toBe(400);
  });

  it("no route ever returns anything of a story that is not public", async () => {
    const answers = [
      await call(listStories, "/api/v1/stories?limit=100"),
      await call(listStories, "/api/v1/stories?limit=100&byline=hidden-writer"),
      await call(listStories, `/api/v1/stories?limit=100&tag=${SECRET.toLowerCase()}-tag`),
      await call(listStories, "/api/v1/stories?limit=100&tag=water"),
      await call(getTags, "/api/v1/tags?limit=100"),
      await call(getBylines, "/api/v1/bylines?limit=100"),
      await call(search, `/api/v1/search?q=${SECRET}`),
      await call(search, "/api/v1/search?q=water%20budget&limit=50"),
      await story("live-story"),
    ];
    for (const slug of ["zanzibarsecret-draft", "zanzibarsecret-scheduled", "zanzibarsecret-embargoed", "zanzibarsecret-unpublished", "zanzibarsecret-scheduled-unpublish-passed", "removed-story"]) answers.push(await story(slug));
    for (const res of answers) expect((await res.text()).toLowerCase()).not.toContain(SECRET.toLowerCase());
    const live = StorySchema.parse(await (await story("live-story")).json());
    expect(live.headline).toBe("Live story with pending changes");
  });

  it("the OpenAPI document is public and names every route", async () => {
    const res = getOpenApi();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/stories", "/stories/{slug}", "/tags", "/bylines", "/search"]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Story", "StoryList", "Tag", "Byline", "Photo", "Error"]));
  });
});
