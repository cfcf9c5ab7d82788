/**
 * Rendering reader pages around a scheduled instant, on a real migrated database: a render
 * that ends just before (or after) the instant at which a story goes public must not become
 * the page stored for after it.
 */
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { createStory } from "@/lib/stories/store";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { getPublicStory } from "@/lib/stories/queries";
import { engines, useTestDatabase } from "@/test/db";
import { withReaderStylesheet } from "@/test/reader-stylesheet";
import { notFoundPage, renderReaderPage, type ReaderPage } from "./render";

withReaderStylesheet();

/** The story page's rule, reduced to what this test needs: public or not found. */
const storyLoader =
  (slug: string) =>
  async ({ now }: { now: Date }): Promise<ReaderPage> => {
    const found = await getPublicStory(slug, now);
    if (found.kind !== "story") return notFoundPage;
    return { kind: "page", meta: { title: found.story.title, feeds: [] }, body: createElement("h1", null, found.story.title) };
  };

describe.each(engines())("reader pages around a scheduled instant on %s", (engine) => {
  useTestDatabase(engine);

  it("a render that ends within a second of a story's publication waits for it and shows the story, never a 404 to be stored for after it", async () => {
    const instant = new Date(Date.now() + 400);
    const story = await createStory({ title: "Bridge reopens at noon", body: bodyFromParagraphs(["Traffic resumes."]), status: "published", publishedAt: instant });
    const page = await renderReaderPage(storyLoader(story.slug));
    expect(Date.now()).toBeGreaterThanOrEqual(instant.getTime());
    expect(page.status).toBe(200);
    expect(page.status === 200 && page.html).toContain("Bridge reopens at noon");
  });

  it("a render far from any instant answers at once with what is true now", async () => {
    const instant = new Date(Date.now() + 60_000);
    const story = await createStory({ title: "Budget vote next hour", body: bodyFromParagraphs(["Council meets."]), status: "published", publishedAt: instant });
    const started = Date.now();
    const page = await renderReaderPage(storyLoader(story.slug));
    expect(page.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
