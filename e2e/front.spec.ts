import { expect, test } from "@playwright/test";
import { as, draftStory, newsroomLocal, unpublishOpenStory, msUntilSeen } from "./helpers";

test("an editor pins a story as the lead: it leads on the next request, leaves when unpublished, and a timed pin ends at its instant", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const editor = await as(browser, "editor");
  const older = `Province opens three new clinics ${stamp}`;
  await draftStory(editor, older, "Three clinics opened in the province on Sunday.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const olderUrl = editor.url();
  const newer = `Short item: road reopened ${stamp}`;
  await draftStory(editor, newer, "The road is open again.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  const lead = async () => (await (await request.get("/")).text()).split('data-testid="lead-story"')[1]?.split("</section>")[0] ?? "";
  expect(await lead()).toContain(newer);

  await editor.goto("/dashboard/front");
  const leadSlot = editor.getByTestId("front-slot").first();
  await expect(leadSlot).toContainText("Automatic: the newest story");
  await leadSlot.getByLabel("Pin a story here").selectOption({ label: older });
  await leadSlot.getByRole("button", { name: "Pin" }).click();
  await expect(editor.getByTestId("front-status")).toContainText("Pinned to the lead story position.");
  await expect(leadSlot.getByTestId("front-slot-title")).toHaveText(older);
  await expect(leadSlot).toContainText("Pinned by");
  expect(await lead()).toContain(older);

  // Unpublished: it leaves the front at once, and the newest story leads again.
  await editor.goto(olderUrl);
  await unpublishOpenStory(editor);
  expect(await lead()).toContain(newer);
  expect(await (await request.get("/")).text()).not.toContain(older);

  // A pin with an end: the newer story pinned for a few seconds, then the front falls back.
  const third = `Weather: rain expected tonight ${stamp}`;
  await draftStory(editor, third, "Rain is expected after dark.");
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByTestId("story-status")).toHaveText("Published");
  expect(await lead()).toContain(third);
  await editor.goto("/dashboard/front");
  const end = new Date(Math.ceil((Date.now() + 12_000) / 1000) * 1000);
  await leadSlot.getByLabel("Pin a story here").selectOption({ label: newer });
  await leadSlot.getByLabel("Until (Asia/Kabul, optional)").fill(newsroomLocal(end));
  await leadSlot.getByRole("button", { name: "Pin" }).click();
  await expect(leadSlot).toContainText("Pinned until");
  await editor.context().close();
  expect(await lead()).toContain(newer);
  expect(Date.now()).toBeLessThan(end.getTime());
  const lag = await msUntilSeen(end, async () => (await lead()).includes(third));
  console.log(`front page: timed pin ended ${lag} ms after its instant`);
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThanOrEqual(1_000);
});

test("writers have no front page screen", async ({ browser }) => {
  const writer = await as(browser, "writer");
  const res = await writer.goto("/dashboard/front");
  expect(res?.status()).toBe(403);
  await expect(writer.getByRole("link", { name: "Front page" })).toHaveCount(0);
  await writer.context().close();
});
