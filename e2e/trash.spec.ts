import { expect, test, type Page } from "@playwright/test";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

async function publishNew(page: Page, headline: string): Promise<{ slug: string; id: string }> {
  const slug = await draftStory(page, headline, "The ferry resumed its crossings at dawn.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  return { slug, id: new URL(page.url()).pathname.split("/").pop()! };
}

test("unpublishing asks inside the page first, and Undo puts the story back with its original dates", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const headline = `Ferry crossings resume ${Date.now().toString(36)}`;
  const { slug } = await publishNew(page, headline);
  const reader = await browser.newPage();
  await reader.goto(`/news/${slug}`);
  const dateLine = await reader.getByText(/Last Updated On/).first().textContent();

  // Cancel leaves it live.
  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  const question = page.getByRole("dialog", { name: "Unpublish this story?" });
  await expect(question).toContainText(headline);
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await expect(page.getByTestId("story-status")).toHaveText("Published");

  await page.getByRole("button", { name: "Unpublish", exact: true }).click();
  await question.getByRole("button", { name: "Unpublish", exact: true }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Unpublished");
  expect((await reader.goto(`/news/${slug}`))?.status()).toBe(404);

  await page.getByTestId("undo-unpublish").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("story-status")).toHaveText("Published");
  expect((await reader.goto(`/news/${slug}`))?.status()).toBe(200);
  await expect(reader.getByText(/Last Updated On/).first()).toHaveText(dateLine!);
  await page.context().close();
  await reader.close();
});

test("Move to trash: the page answers 410, Undo brings the story back, and the trash deletes for good only after a question", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const headline = `Grain silo inspection ${Date.now().toString(36)}`;
  const { slug, id } = await publishNew(page, headline);

  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/dashboard\?trashed=/);
  const moved = page.getByTestId("trashed-undo");
  await expect(moved).toContainText(`Moved ${headline} to the trash.`);
  await expect(page.getByTestId("desk-row").filter({ hasText: headline })).toHaveCount(0);
  expect((await page.request.get(`/news/${slug}`)).status()).toBe(410);

  await moved.getByRole("button", { name: "Undo" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/stories/${id}$`));
  await expect(page.getByTestId("story-status")).toHaveText("Unpublished");
  expect((await page.request.get(`/news/${slug}`)).status()).toBe(404);

  // Trash it again; a trashed story opens read-only with Restore.
  await page.getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(/\/dashboard\?trashed=/);
  await page.goto(`/dashboard/stories/${id}`);
  await expect(page.getByTestId("trashed-notice")).toContainText("In the trash since");
  await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);

  await page.goto("/dashboard/trash");
  const row = page.getByTestId("trash-row").filter({ hasText: headline });
  await expect(row).toContainText("Was published");
  await row.getByRole("button", { name: `Delete “${headline}” for good` }).click();
  const question = page.getByRole("dialog", { name: "Delete this story for good?" });
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Delete “${headline}” for good` }).click();
  await question.getByRole("button", { name: "Delete for good" }).click();
  await expect(row).toHaveCount(0);
  expect((await page.request.get(`/news/${slug}`)).status()).toBe(404);
  await page.context().close();
});
