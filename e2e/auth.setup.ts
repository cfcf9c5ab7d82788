import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, authFile, E2E_PASSWORD, type AccountKey } from "./fixtures";

// Signs in through the login page as each account and saves the session for the specs.
for (const who of Object.keys(ACCOUNTS) as AccountKey[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS[who].email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("viewer")).toContainText(ACCOUNTS[who].name);
    console.log(`sign-in as ${who}: ${Date.now() - t0} ms to the desk`);
    await page.context().storageState({ path: authFile(who) });
  });
}
