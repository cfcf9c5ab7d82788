import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, authFile, type AccountKey } from "./fixtures";
import { signInThroughForm } from "./helpers";

// Signs in through the login page as each account and saves the session for the specs.
for (const who of Object.keys(ACCOUNTS) as AccountKey[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    const t0 = Date.now();
    await signInThroughForm(page, who);
    await expect(page.getByTestId("viewer")).toContainText(ACCOUNTS[who].name);
    console.log(`sign-in as ${who}: ${Date.now() - t0} ms from the login page to the desk`);
    await page.context().storageState({ path: authFile(who) });
  });
}
