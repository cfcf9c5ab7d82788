/**
 * The content API at its edges, through the real route handlers against a real migrated
 * database: instants with microseconds (PostgreSQL keeps them, a JS Date does not) in keyset
 * paging and `updated_since`, query values and cursors that PostgreSQL would refuse (NUL, a
 * non-UUID id, a year JS prints with a sign) answered 400 rather than 500, and search
 * folding the query's spelling like the reader search does.
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createStory, upsertTag } from "@/lib/stories/store";
import { engines, useTestDatabase } from "@/test/db";
import { GET as getBylines } from "./bylines/route";
import { GET as search } from "./search/route";
import { GET as getStory } from "./stories/[slug]/route";
import { GET as listStories } from "./stories/route";
import { GET as getTags } from "./tags/route";
import { createApiKey } from "@/lib/api/keys";
import { resetRateLimits } from "@/lib/api/rate-limit";
import { SearchResultSchema, StoryListSchema } from "@/lib/api/schemas";

/** The publication instants, newest first: five within one millisecond, then one a second before. */
const INSTANTS = ["2026-01-01T00:00:00.123456Z", "2026-01-01T00:00:00.123455Z", "2026-01-01T00:00:00.1234Z", "2026-01-01T00:00:00.1233Z", "2026-01-01T00:00:00.123Z", "2026-01-01T00:00:00Z"];
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");

describe.each(engines())("The content API's edges on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let key = "";

  const call = (route: (r: Request) => Promise<Response>, path: string) => route(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } }));

  beforeAll(async () => {
    const db = handle().db;
    await upsertTag({ slug: "water", name: "Water" }, db);
    for (const [i, at] of INSTANTS.entries()) {
      const s = await createStory({ title: `Micro story ${i}`, slug: `micro-${i}`, body: bodyFromParagraphs([`Story ${i} about water.`]), status: "published", publishedAt: new Date("2025-06-01T00:00:00Z"), tagSlugs: ["water"] }, db);
      await db.execute(sql`update stories set published_at = ${at}::timestamptz, last_updated_at = null where id = ${s.id}`);
    }
    // Typed with Persian letters (Keheh U+06A9, Farsi Yeh U+06CC); a reader may type Arabic ones.
    await createStory({ title: "کتابخانه ملی", slug: "library", body: bodyFromParagraphs(["کتاب های تازه در کتابخانه"]), status: "published", publishedAt: new Date("2025-01-01T00:00:00Z"), language: "fa" }, db);
    key = (await createApiKey(db, { name: "Edges", actorId: null })).key;
  });
  afterEach(() => resetRateLimits());

  it("pages through stories published within one millisecond without skipping or repeating any", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/v1/stories?limit=1&tag=water";
    while (path && seen.length < 20) {
      const res = await call(listStories, path);
      expect(res.status).toBe(200);
      const body = StoryListSchema.parse(await res.json());
      seen.push(...body.items.map((s) => s.slug));
      path = body.next ? `/api/v1/stories?limit=1&tag=water&cursor=${encodeURIComponent(body.next)}` : null;
    }
    expect(seen).toEqual(INSTANTS.map((_, i) => `micro-${i}`));
  });

  it("updated_since compares at the microsecond, with any offset ISO 8601 allows", async () => {
    const since = async (at: string) => {
      const res = await call(listStories, `/api/v1/stories?tag=water&updated_since=${encodeURIComponent(at)}`);
      expect(res.status, at).toBe(200);
      return StoryListSchema.parse(await res.json()).items.map((s) => s.slug);
    };
    expect(await since("2026-01-01T00:00:00.123450Z")).toEqual(["micro-0", "micro-1"]);
    expect(await since("2026-01-01T16:30:00.1234+16:30")).toEqual(["micro-0", "micro-1", "micro-2"]);
    expect(await since("2025-12-31T00:01:00.1235-23:59")).toEqual([]);
    // Outside what PostgreSQL holds as written: before or after everything.
    expect(await since("0000-01-01T00:00:00Z")).toHaveLength(INSTANTS.length);
    expect(await since("0001-01-01T00:00:00+01:00")).toHaveLength(INSTANTS.length);
    expect(await since("9999-12-31T23:59:59-23:59")).toEqual([]);
  });

  it("answers values PostgreSQL would refuse with 400, never 500", async () => {
    const bad: [(r: Request) => Promise<Response>, string][] = [
      [listStories, `/api/v1/stories?cursor=${cursorOf(["2026-01-01T00:00:00.000Z", "-".repeat(36)])}`],
      [listStories, `/api/v1/stories?cursor=${cursorOf(["2026-01-01T00:00:00.000Z", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"])}`],
      [listStories, `/api/v1/stories?cursor=${cursorOf(["+275760-09-13T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"])}`],
      [listStories, `/api/v1/stories?cursor=${cursorOf(["-000001-01-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"])}`],
      [listStories, "/api/v1/stories?tag=water%00"],
      [listStories, "/api/v1/stories?byline=%00"],
      [getTags, `/api/v1/tags?cursor=${cursorOf(["a\u0000"])}`],
      [getBylines, `/api/v1/bylines?cursor=${cursorOf(["a\u0000"])}`],
      [search, "/api/v1/search?q=%00"],
    ];
    for (const [route, path] of bad) {
      const res = await call(route, path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error, path).toBeTruthy();
    }
    // NUL among words is dropped, as the reader search does.
    expect((await call(search, "/api/v1/search?q=water%00")).status).toBe(200);
  });

  it("If-None-Match: a list, weak tags and * all match; the same request gives the same ETag", async () => {
    const get = (inm?: string) => listStories(new Request("http://localhost/api/v1/stories?tag=water", { headers: { authorization: `Bearer ${key}`, ...(inm ? { "if-none-match": inm } : {}) } }));
    const etag = (await get()).headers.get("etag")!;
    expect((await get()).headers.get("etag")).toBe(etag);
    for (const inm of [`"other", ${etag}`, `W/${etag}`, ` W/"x" ,W/${etag} `, "*"]) expect((await get(inm)).status, inm).toBe(304);
    for (const inm of [`"other"`, etag.slice(0, -2) + '"', `${etag.slice(0, -1)}`]) expect((await get(inm)).status, inm).toBe(200);
  });

  it("odd slugs (NUL, lone surrogate, 10 KB, percent signs) are simply not found", async () => {
    for (const slug of ["a\u0000b", "\ud800", "x".repeat(10_000), "%E0%A4%A", "micro-0%00"]) {
      const res = await getStory(new Request("http://localhost/api/v1/stories/x", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ slug }) });
      expect(res.status, slug.slice(0, 20)).toBe(404);
    }
  });

  it("search folds Arabic-keyboard spellings like the reader search", async () => {
    // "كتاب" typed with Arabic Kaf U+0643: the stored vector folds it to Keheh.
    const res = await call(search, `/api/v1/search?q=${encodeURIComponent("كتابخانه")}`);
    expect(res.status).toBe(200);
    expect(SearchResultSchema.parse(await res.json()).items.map((s) => s.slug)).toEqual(["library"]);
  });
});
