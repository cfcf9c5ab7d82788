/**
 * The content API as an admin and a partner app meet it: a key made on the desk's API keys
 * screen (shown once), stories read with it over HTTP from the running server, a story just
 * published reachable by its slug, 401 without a key, the OpenAPI document public, and a
 * revoked key refused from the next request on.
 */
import { expect, test } from "@playwright/test";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

test("an admin makes an API key; an app reads stories with it; a revoked key is refused", async ({ browser, request }) => {
  const admin = await as(browser, "admin");
  refuseBrowserDialogs(admin);
  await admin.goto("/dashboard/api-keys");
  await expect(admin.getByRole("heading", { name: "API keys" })).toBeVisible();
  const name = `Partner app ${Date.now().toString(36)}`;
  await admin.getByLabel("Name").fill(name);
  await admin.getByRole("button", { name: "Create key" }).click();
  const shown = admin.getByTestId("new-api-key");
  await expect(shown).toContainText("shown only this once");
  const key = (await shown.locator("code").first().textContent())!.trim();
  expect(key).toMatch(/^nr_[\w-]{32}$/);
  const row = admin.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 9));
  await expect(row).toContainText("Never");

  expect((await request.get("/api/v1/stories")).status()).toBe(401);
  const auth = { Authorization: `Bearer ${key}` };
  const list = await request.get("/api/v1/stories?limit=5", { headers: auth });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: { slug: string; url: string; publishedAt: string }[]; next: string | null };
  expect(body.items).toHaveLength(5);
  expect(body.next).toBeTruthy();
  const dates = body.items.map((s) => s.publishedAt);
  expect([...dates].sort().reverse()).toEqual(dates);

  // A story an editor publishes now is in the API at once, by its slug.
  const editor = await as(browser, "editor");
  refuseBrowserDialogs(editor);
  const headline = `Bridge tolls lifted ${Date.now().toString(36)}`;
  const slug = await draftStory(editor, headline, "The council lifted the tolls on the old bridge this morning.");
  expect((await request.get(`/api/v1/stories/${slug}`, { headers: auth })).status()).toBe(404);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const one = await request.get(`/api/v1/stories/${slug}`, { headers: auth });
  expect(one.status()).toBe(200);
  const story = (await one.json()) as { headline: string; bodyHtml: string; url: string };
  expect(story.headline).toBe(headline);
  expect(story.bodyHtml).toContain("lifted the tolls");
  expect(new URL(story.url).pathname).toBe(`/news/${slug}`);
  const etag = one.headers()["etag"]!;
  expect((await request.get(`/api/v1/stories/${slug}`, { headers: { ...auth, "If-None-Match": etag } })).status()).toBe(304);

  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");

  await admin.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/stories?limit=1", { headers: auth })).status()).toBe(401);
  await admin.context().close();
  await editor.context().close();
});
