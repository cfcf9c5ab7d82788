/**
 * The desk's Webhooks screen as an admin meets it: reached from the Admin menu; the failing
 * endpoint prepared by e2e/prepare-data.ts called out at the top; a refused URL shown beside
 * its field with what was typed kept; an endpoint added (its secret shown once, gone on
 * reload), disabled, enabled and deleted (the audit log says so); a failed delivery in the
 * delivery log sent again.
 * Editors get the desk's 403 page and no menu entry.
 * And the whole way: a story an editor publishes reaches a receiver on loopback (the test
 * server allows private addresses), signed with the secret the screen showed once.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E } from "./fixtures";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

test("an admin adds, disables, enables and deletes a webhook endpoint and sends a failed delivery again", async ({ browser }) => {
  const admin = await as(browser, "admin");
  refuseBrowserDialogs(admin);
  await admin.goto("/dashboard");
  await admin.locator("summary", { hasText: "Admin" }).click();
  await admin.getByRole("link", { name: "Webhooks" }).click();
  await expect(admin).toHaveURL(/\/dashboard\/webhooks$/);
  await expect(admin.getByRole("heading", { name: "Webhooks" })).toBeVisible();

  // The prepared endpoint failed two days ago: said at the top and on its row.
  const banner = admin.getByTestId("webhooks-failing");
  await expect(banner).toContainText("An endpoint is failing");
  await expect(banner).toContainText(E2E.failingWebhookUrl);
  const failingRow = admin.getByTestId("webhook-row").filter({ hasText: E2E.failingWebhookUrl });
  await expect(failingRow.getByTestId("webhook-failing")).toContainText("Failing since");
  await expect(failingRow).toContainText("Disabled");

  // Refused: the message beside the field, what was typed kept, no secret.
  const url = admin.getByLabel("URL");
  await admin.getByRole("button", { name: "Add endpoint" }).click();
  await expect(admin.getByText("Give the URL the webhooks are sent to.")).toBeVisible();
  await expect(admin.getByText("Choose at least one event.")).toBeVisible();
  await url.fill("ftp://files.example.org/hook");
  await admin.getByRole("checkbox", { name: /story\.updated/ }).check();
  await admin.getByRole("button", { name: "Add endpoint" }).click();
  await expect(admin.getByText("The URL must be an absolute http:// or https:// address.")).toBeVisible();
  await expect(url).toHaveValue("ftp://files.example.org/hook");
  await expect(admin.getByRole("checkbox", { name: /story\.updated/ })).toBeChecked();
  await expect(admin.getByTestId("new-webhook-secret")).toHaveCount(0);

  // Added: the secret shown once.
  const hook = `https://partner.example.org/hooks/${Date.now().toString(36)}`;
  await url.fill(hook);
  await admin.getByRole("checkbox", { name: /story\.published/ }).check();
  await expect(admin.getByRole("checkbox", { name: /a public story is updated \(kind: update, minor, correction, clarification\)/ })).toBeChecked();
  await admin.getByRole("button", { name: "Add endpoint" }).click();
  const shown = admin.getByTestId("new-webhook-secret");
  await expect(shown).toContainText("it will not be shown again");
  const secret = (await shown.locator("code").first().textContent())!.trim();
  expect(secret).toMatch(/^whsec_[\w-]{43}$/);
  await expect(url).toHaveValue("");
  const row = admin.getByTestId("webhook-row").filter({ hasText: hook });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("story.published");
  await expect(row).toContainText("story.updated");
  await expect(row).toContainText("by Laila Karimzada");
  await expect(row).toContainText("Never");
  await admin.reload();
  await expect(row).toBeVisible();
  await expect(admin.getByTestId("new-webhook-secret")).toHaveCount(0);
  expect(await admin.content()).not.toContain(secret);

  // Disabled, then enabled again.
  await row.getByRole("button", { name: `Disable ${hook}` }).click();
  await expect(row).toContainText("Disabled");
  await row.getByRole("button", { name: `Enable ${hook}` }).click();
  await expect(row).toContainText("Active");
  await expect(row.getByRole("button", { name: `Disable ${hook}` })).toBeVisible();

  // The failing endpoint's delivery log: the failed delivery, sent again (it waits: the endpoint is disabled).
  await banner.getByRole("link", { name: E2E.failingWebhookUrl }).click();
  await expect(admin.getByRole("heading", { name: "Delivery log" })).toBeVisible();
  await expect(admin.getByTestId("webhooks-failing")).toContainText("Failing since");
  const delivery = admin.getByTestId("webhook-delivery");
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText("story.published");
  await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("Failed");
  await expect(delivery).toContainText("HTTP 500");
  await expect(delivery).toContainText("87 ms");
  await expect(delivery).toContainText("12 attempts");
  await expect(delivery.getByTestId("webhook-delivery-error")).toHaveText("answered 500");
  await delivery.getByRole("button", { name: /^Send story\.published of .* again$/ }).click();
  await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("Pending");
  await expect(delivery.getByRole("button", { name: /again$/ })).toHaveCount(0);
  await expect(delivery).toContainText("when the endpoint is enabled");

  // Deleted, after confirming.
  await admin.getByRole("link", { name: "← Webhooks" }).click();
  await row.getByRole("button", { name: `Delete ${hook}` }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  await expect(admin.getByTestId("webhook-row").filter({ hasText: E2E.failingWebhookUrl })).toBeVisible();

  // Each change is in the audit log, in words.
  await admin.goto("/dashboard/audit?action=webhook.delete");
  await expect(admin.getByText(`“${hook}”`)).toBeVisible();
  await expect(admin.getByText("deleted the webhook").first()).toBeVisible();
  await admin.context().close();
});

test("editors cannot open the Webhooks screen and have no menu entry for it", async ({ browser }) => {
  const editor = await as(browser, "editor");
  expect((await editor.goto("/dashboard/webhooks"))?.status()).toBe(403);
  await expect(editor.getByTestId("no-access")).toContainText("You don’t have access to this screen");
  expect((await editor.goto("/dashboard/webhooks/00000000-0000-4000-8000-000000000000"))?.status()).toBe(403);
  await editor.goto("/dashboard");
  await expect(editor.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await editor.context().close();
});

test("a story an editor publishes reaches the admin's webhook receiver, signed with the endpoint's secret", async ({ browser }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/newsroom`;
    const admin = await as(browser, "admin");
    refuseBrowserDialogs(admin);
    await admin.goto("/dashboard/webhooks");
    await admin.getByLabel("URL").fill(hook);
    await admin.getByRole("checkbox", { name: /story\.published/ }).check();
    await admin.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await admin.getByTestId("new-webhook-secret").locator("code").first().textContent())!.trim();

    const editor = await as(browser, "editor");
    refuseBrowserDialogs(editor);
    const slug = await draftStory(editor, `Ferry service resumes ${Date.now().toString(36)}`, "The ferry across the river runs again from Monday.");
    // A draft is nothing to receivers.
    expect(received.filter((r) => r.body.includes(slug))).toEqual([]);
    await editor.getByRole("button", { name: "Publish" }).click();
    await expect(editor.getByTestId("story-status")).toHaveText("Published");

    await expect.poll(() => received.filter((r) => r.body.includes(`"slug":"${slug}"`)).length, { timeout: 15_000 }).toBe(1);
    const got = received.find((r) => r.body.includes(`"slug":"${slug}"`))!;
    expect(got.headers["x-newsroom-event"]).toBe("story.published");
    const timestamp = String(got.headers["x-newsroom-timestamp"]);
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${got.body}`).digest("hex")}`;
    expect(got.headers["x-newsroom-signature"]).toBe(expected);
    const payload = JSON.parse(got.body) as { id: string; event: string; data: { story: { slug: string; url: string } } };
    expect(payload.id).toBe(got.headers["x-newsroom-delivery"]);
    expect(new URL(payload.data.story.url).pathname).toBe(`/news/${slug}`);

    // The delivery log says so; then the endpoint goes.
    const row = admin.getByTestId("webhook-row").filter({ hasText: hook });
    await admin.reload();
    await row.getByRole("link", { name: hook }).click();
    const delivery = admin.getByTestId("webhook-delivery").first();
    await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("Delivered");
    await expect(delivery).toContainText("HTTP 204");
    await admin.getByRole("link", { name: "← Webhooks" }).click();
    await row.getByRole("button", { name: `Delete ${hook}` }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(row).toHaveCount(0);
    await admin.context().close();
    await editor.context().close();
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
