/**
 * A live blog through the content API's real route handlers, on a real database (PGlite;
 * PostgreSQL too with TEST_DATABASE_URL): the story carries its coverage and newest entries,
 * valid against the schema the OpenAPI document is made from; a draft entry never appears; an
 * edited entry is changed and a deleted one gone from the next answer; other stories say
 * `liveBlog: null`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api/keys";
import { StorySchema } from "@/lib/api/schemas";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { deleteEntry, editEntry, postEntry, updateLiveBlog } from "@/lib/live/entries";
import { createStory, upsertByline } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { GET as getStory } from "./stories/[slug]/route";

const body = (text: string) => bodyFromParagraphs([text]);

describe.each(engines())("a live blog in the content API on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let key = "";
  let editor: Viewer;
  let liveId = "";
  const entries: string[] = [];
  const get = async (slug: string) => {
    const res = await getStory(new Request(`http://localhost/api/v1/stories/${slug}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ slug }) });
    expect(res.status).toBe(200);
    return StorySchema.parse(await res.json());
  };

  beforeAll(async () => {
    key = (await createApiKey(handle().db, { name: "Live test", actorId: null })).key;
    await upsertByline({ slug: "sahar-live", name: "Sahar Ahmadi" });
    editor = (await loadViewer(await createUser({ email: "ed@example.org", name: "Ed", role: "editor", password: "correct horse battery", bylineSlug: "sahar-live" })))!;
    const start = new Date(Date.now() - 3_600_000);
    liveId = (await createStory({ title: "Quake response live", slug: "quake-live", body: body("The introduction."), status: "published", publishedAt: start })).id;
    await createStory({ title: "An ordinary story", slug: "ordinary", body: body("Nothing live."), status: "published", publishedAt: start });
    await updateLiveBlog(editor, liveId, { isLiveBlog: true }, start);
    for (let i = 0; i < 3; i++) entries.push((await postEntry(editor, liveId, { body: body(`Aftershock report ${i}.`), isKeyEvent: i === 1 }, new Date(start.getTime() + i * 60_000))).entryId);
    await postEntry(editor, liveId, { body: body("A draft that readers never see."), publish: false }, new Date());
  });

  it("carries the coverage and the newest entries, newest first, with their anchors and bylines; no draft", async () => {
    const story = await get("quake-live");
    expect(story.liveBlog).toMatchObject({ coverageEndedAt: null, entryCount: 3 });
    expect(story.liveBlog!.entries.map((e) => e.id)).toEqual([...entries].reverse());
    expect(story.liveBlog!.entries[0]).toMatchObject({ url: expect.stringMatching(/\/news\/quake-live#entry-[0-9a-f-]{36}$/), keyEvent: false, pinned: false, editedAt: null, byline: { name: "Sahar Ahmadi", slug: "sahar-live" } });
    expect(story.liveBlog!.entries[1]!.keyEvent).toBe(true);
    expect(JSON.stringify(story)).not.toContain("A draft that readers never see");
    expect((await get("ordinary")).liveBlog).toBeNull();
  });

  it("an edit shows in the next answer, a deletion leaves nothing behind", async () => {
    await editEntry(editor, entries[0]!, { version: 1, body: body("Aftershock report, corrected magnitude.") });
    await deleteEntry(editor, entries[2]!);
    const story = await get("quake-live");
    const text = JSON.stringify(story);
    expect(text).toContain("corrected magnitude");
    expect(text).not.toContain("Aftershock report 0.");
    expect(text).not.toContain("Aftershock report 2.");
    expect(text).not.toContain(entries[2]);
    expect(story.liveBlog!.entryCount).toBe(2);
    expect(story.liveBlog!.entries.find((e) => e.id === entries[0])!.editedAt).not.toBeNull();
  });
});
