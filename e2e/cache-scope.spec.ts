import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "./fixtures";
import { as, FROM_CACHE, startStory } from "./helpers";

/**
 * Targeted expiry (lib/site/reader-cache.ts): a story change expires its own page, the lists
 * it is in and the "Check Also" boxes it can enter, and leaves other cached story pages alone.
 * The four e2e cache stories share one section, so each one's "Check Also" is the other three.
 */

async function get(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  return { status: res.status(), cache: res.headers()["x-nextjs-cache"], html: await res.text() };
}

test.describe.serial("a story change expires only the pages it can alter", () => {
  const stamp = Date.now().toString(36);
  const [watched, sibling] = E2E.cacheSlugs;

  test("publishing an unrelated story leaves a full 'Check Also' page cached", async ({ browser, request }) => {
    await get(request, `/news/${watched}`);
    expect(FROM_CACHE).toContain((await get(request, `/news/${watched}`)).cache);
    await get(request, "/");

    const headline = `Night market opens on the river bank ${stamp}`;
    const desk = await as(browser, "editor");
    await startStory(desk, headline, "Stalls stay open until midnight through the summer.");
    await desk.getByRole("button", { name: "Publish" }).click();
    await expect(desk.getByTestId("story-status")).toHaveText("Published");
    await desk.context().close();

    expect((await get(request, "/")).html, "the home page lists the new story at once").toContain(headline);
    const kept = await get(request, `/news/${watched}`);
    // Still the cached copy (HIT, or STALE once its 5 s lifetime has passed on a slow machine);
    // an expired page would be rendered anew (MISS) instead.
    expect(FROM_CACHE, "a story page the new story cannot enter stays cached").toContain(kept.cache);
    expect(kept.html).not.toContain(headline);
  });

  test("editing a story expires the 'Check Also' boxes it is in", async ({ browser, request }) => {
    const before = await get(request, `/news/${watched}`);
    expect(before.html).toContain("E2E cache story 2");

    const desk = await as(browser, "editor");
    await desk.goto(`/dashboard?q=${encodeURIComponent("E2E cache story 2")}`);
    await desk.getByRole("link", { name: "E2E cache story 2", exact: true }).click();
    await expect(desk.getByLabel("Slug")).toHaveValue(sibling);
    const renamed = `E2E cache story 2, renamed ${stamp}`;
    await desk.getByLabel("Headline").fill(renamed);
    await desk.getByRole("button", { name: "Save changes" }).click();
    await expect(desk.getByTestId("save-status")).toContainText("Choose how readers see this save");
    await desk.getByLabel("Minor edit (a typo: no new date)").check();
    await desk.getByRole("button", { name: "Save changes" }).click();
    await expect(desk.getByTestId("save-status")).toContainText("Minor edit");
    await desk.context().close();

    const after = await get(request, `/news/${watched}`);
    expect(after.cache).not.toBe("HIT");
    expect(after.html).toContain(renamed);
    expect((await get(request, `/tag/${E2E.cacheSectionSlug}`)).html).toContain(renamed);
  });
});
