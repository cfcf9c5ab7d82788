import { expect, test } from "@playwright/test";
import { as } from "./helpers";
import { E2E_MAIL } from "./mail-fixture";

test("an admin opens the Outbox from the Admin menu and reads a message held for want of a mail server; writers and editors get 403", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/dashboard");
  await admin.locator("summary", { hasText: "Admin" }).click();
  await admin.getByRole("link", { name: "Outbox" }).click();
  await expect(admin).toHaveURL(/\/dashboard\/outbox$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(admin.getByTestId("no-mail-server")).toContainText("No mail server is configured");

  const row = admin.getByTestId("outbox-row").filter({ hasText: E2E_MAIL.subject });
  // The worker holds it at server start; the page shows the state at each load.
  await expect(async () => {
    await admin.reload();
    await expect(row.getByTestId("mail-state")).toContainText("Not sent: no mail server", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText(E2E_MAIL.to);
  await expect(row).toContainText("Invitation");
  // Nothing to retry through while no mail server is configured.
  await expect(row.getByRole("button", { name: /Retry now/ })).toHaveCount(0);

  await row.getByRole("link", { name: E2E_MAIL.subject }).click();
  await expect(admin.getByRole("heading", { level: 1, name: E2E_MAIL.subject })).toBeVisible();
  await expect(admin.getByTestId("mail-text")).toContainText(`${E2E_MAIL.greeting}\n\n${E2E_MAIL.paragraph}`);
  await expect(admin.getByTestId("mail-text")).toContainText(`${E2E_MAIL.link.label}: `);
  // The HTML part, in a frame that may run nothing.
  const frame = admin.getByTestId("mail-html");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(admin.frameLocator('[data-testid="mail-html"]').getByRole("link", { name: E2E_MAIL.link.label })).toHaveAttribute("href", /\/signup\/e2e-invitation-token$/);
  const messageUrl = admin.url();
  expect((await admin.goto("/dashboard/outbox/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  await admin.context().close();

  for (const who of ["writer", "editor"] as const) {
    const page = await as(browser, who);
    expect((await page.goto("/dashboard/outbox"))?.status()).toBe(403);
    expect((await page.goto(messageUrl))?.status()).toBe(403);
    await page.goto("/dashboard");
    await expect(page.getByRole("link", { name: "Outbox" })).toHaveCount(0);
    await page.context().close();
  }
});
