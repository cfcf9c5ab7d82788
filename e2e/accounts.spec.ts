import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, E2E_PASSWORD } from "./fixtures";
import { as, draftStory, refuseBrowserDialogs } from "./helpers";

/**
 * Accounts: "Forgot password?" (its answers and limits, and end to end with the link read from
 * the admin's Outbox, as the e2e server keeps mail there without a mail server; delivery over
 * SMTP is checked in lib/mail/flows.int.test.ts), the page behind a reset link made by an
 * admin, and a save whose session ended while the story was open.
 */

/** The password a new writer chooses when signing up (newWriter). */
const FIRST_PASSWORD = "the first long password";

const ANSWER = "If an account uses that address, we've sent a link to reset its password. It works once, for an hour.";

/** Asks for a reset link for `email` on the open "Forgot password?" page. */
async function askForReset(page: Page, email: string): Promise<void> {
  // The login page has an "Email" field too: wait until the link has brought the reset form.
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await expect(page.getByRole("button", { name: "Send reset link" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
}

/** An admin invites a new writer; the writer sets a password through the link in a browser of their own. */
async function newWriter(browser: Browser, admin: Page, name: string): Promise<{ email: string; page: Page }> {
  const email = `${name.split(" ")[0]!.toLowerCase()}.${Date.now().toString(36)}@example.com`;
  await admin.goto("/dashboard/users");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("writer");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  await expect(admin.getByTestId("invite-result")).toContainText(`An invitation was sent to ${email}.`);
  const link = await admin.getByLabel("Invitation link").inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("New password").fill(FIRST_PASSWORD);
  await page.getByLabel("Repeat the password").fill(FIRST_PASSWORD);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return { email, page };
}

/**
 * `user` follows the reset `link` and chooses `newPassword`, which signs them in as `name`;
 * then `older`, a session from before, is signed out: the old password is refused and the new
 * one signs in.
 */
async function resetThroughLink(user: Page, older: Page, account: { link: string; email: string; name: string }, newPassword: string): Promise<void> {
  await user.goto(account.link);
  await expect(user.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await user.getByLabel("New password").fill(newPassword);
  await user.getByLabel("Repeat the password").fill(newPassword);
  await user.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(user).toHaveURL(/\/dashboard$/);
  await expect(user.getByTestId("viewer")).toContainText(account.name);

  await older.goto("/dashboard");
  await expect(older).toHaveURL(/\/login/);
  await older.getByLabel("Email").fill(account.email);
  await older.getByLabel("Password").fill(FIRST_PASSWORD);
  await older.getByRole("button", { name: "Sign in" }).click();
  await expect(older.getByTestId("login-error")).toHaveText("Invalid email or password.");
  await older.getByLabel("Password").fill(newPassword);
  await older.getByRole("button", { name: "Sign in" }).click();
  await expect(older).toHaveURL(/\/dashboard$/);
}

test("Forgot password?: one answer for every address, a field error for a malformed one, and a limit per address", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/login\/forgot$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  // The page fits a phone: nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await askForReset(page, "not-an-address");
  await expect(page.getByText("Enter an e-mail address, like name@example.org.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("forgot-answer")).toHaveCount(0);

  // A known account and an address nobody uses get the same words.
  await askForReset(page, ACCOUNTS.editor.email);
  await expect(page.getByTestId("forgot-answer")).toHaveText(ANSWER);
  const unknown = `nobody.${Date.now().toString(36)}@example.com`;
  await page.reload();
  await askForReset(page, unknown);
  await expect(page.getByTestId("forgot-answer")).toHaveText(ANSWER);
  await expect(page.getByLabel("Email")).toHaveValue(unknown);

  // Three requests an hour for one address; the fourth is held, with a message that says so.
  for (let i = 2; i <= 3; i++) {
    await page.reload();
    await askForReset(page, unknown);
    await expect(page.getByTestId("forgot-answer")).toHaveText(ANSWER);
  }
  await page.reload();
  await askForReset(page, unknown);
  await expect(page.getByTestId("forgot-error")).toHaveText(/^Too many reset requests for this address or from your network\. Try again in \d+ minutes, or ask an admin for a reset link\.$/);
  await expect(page.getByTestId("forgot-answer")).toHaveCount(0);
  await page.context().close();
});

test("Forgot password? end to end: the link from the mail sets a new password, the old one stops working, and 'password changed' is mailed", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const { email, page: older } = await newWriter(browser, admin, "Zarghuna Safi");

  // Signed out, in a browser of their own, the writer asks for a link.
  const user = await (await browser.newContext()).newPage();
  await user.goto("/login");
  await user.getByRole("link", { name: "Forgot password?" }).click();
  await askForReset(user, email);
  await expect(user.getByTestId("forgot-answer")).toHaveText(ANSWER);

  // The admin finds the reset message to that address in the Outbox and reads its text part.
  await admin.goto("/dashboard/outbox");
  const resetRow = admin.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: /Reset your .+ password/ });
  // The link is written after the answer has gone: the Outbox shows it at a later load.
  await expect(async () => {
    await admin.reload();
    await expect(resetRow).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await resetRow.getByRole("link", { name: /Reset your .+ password/ }).click();
  await expect(admin.getByRole("heading", { level: 1, name: /Reset your .+ password/ })).toBeVisible();
  const text = await admin.getByTestId("mail-text").textContent();
  expect(text).toContain("Hello Zarghuna Safi,");
  const link = /^Choose a new password: (\S+)$/m.exec(text ?? "")?.[1] ?? "";
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/signup\/[A-Za-z0-9_-]{43}$/);

  // The writer follows it and chooses a new password; it signs them in. The session from
  // before is over; the old password is refused, the new one signs in.
  await resetThroughLink(user, older, { link, email, name: "Zarghuna Safi" }, "the forgotten-and-new password");

  // The link worked once.
  await user.goto(link);
  await expect(user.getByRole("heading", { name: "This link does not work" })).toBeVisible();

  // "Your password was changed" went to the same address.
  await admin.goto("/dashboard/outbox");
  const changed = admin.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: /Your .+ password was changed/ });
  await expect(changed).toHaveCount(1);
  await changed.getByRole("link", { name: /Your .+ password was changed/ }).click();
  await expect(admin.getByTestId("mail-text")).toContainText("was changed through a reset link on");
  await expect(admin.getByTestId("mail-text")).toContainText("Every other session of your account was signed out.");

  await admin.context().close();
  await older.context().close();
  await user.context().close();
});

test("a reset link from the admin's Users screen: a new password, signed in with it, and the older session is signed out", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const { email, page: older } = await newWriter(browser, admin, "Nilofar Rahimi");

  // The admin makes a reset link on the Users screen.
  await admin.reload();
  const row = admin.getByTestId("user-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Password reset link for Nilofar Rahimi" }).click();
  const link = await row.getByLabel("Reset link for Nilofar Rahimi", { exact: true }).inputValue();
  expect(link).toMatch(/\/signup\/[A-Za-z0-9_-]{43}$/);

  // In another browser, the link asks for the new password and signs in with it.
  const fresh = await (await browser.newContext()).newPage();
  // The session from before the reset is over; the old password no longer opens the account,
  // the new one does.
  await fresh.setViewportSize({ width: 390, height: 844 });
  await resetThroughLink(fresh, older, { link, email, name: "Nilofar Rahimi" }, "the second long password");

  // The link worked once: now it says so, and points to "Forgot password?".
  await fresh.goto(link);
  await expect(fresh.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await fresh.getByRole("link", { name: "Forgot password?" }).click();
  await expect(fresh).toHaveURL(/\/login\/forgot$/);

  await admin.context().close();
  await older.context().close();
  await fresh.context().close();
});

test("an admin sends an invitation again: a new link, and the older one stops working", async ({ browser }) => {
  const admin = await as(browser, "admin");
  const email = `parwana.${Date.now().toString(36)}@example.com`;
  await admin.goto("/dashboard/users");
  await admin.getByLabel("Name").fill("Parwana Azizi");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const first = await admin.getByLabel("Invitation link").inputValue();
  await admin.reload();
  const row = admin.getByTestId("user-row").filter({ hasText: email });
  await row.getByRole("button", { name: "Resend the invitation to Parwana Azizi" }).click();
  await expect(row).toContainText(`A new invitation was sent to ${email}; the earlier link no longer works.`);
  const second = await row.getByLabel("New invitation link for Parwana Azizi", { exact: true }).inputValue();
  expect(second).not.toBe(first);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(first);
  await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await visitor.goto(second);
  await expect(visitor.getByRole("heading", { name: "Welcome to the newsroom" })).toBeVisible();
  await visitor.context().close();
  await admin.context().close();
});

test("a save after the session ended asks to sign in again in the page, then lands with the text intact", async ({ browser }) => {
  const page = await as(browser, "writer");
  refuseBrowserDialogs(page);
  const headline = `Kandahar market reopens ${Date.now().toString(36)}`;
  await draftStory(page, headline, "Traders returned on Monday.");
  const url = page.url();
  const body = page.getByRole("textbox", { name: "Story body" });
  await body.click();
  await page.keyboard.press("End");
  await page.keyboard.insertText(" Prices of flour fell by a tenth.");

  // The session cookie is gone (expired, or cleared): the save comes back "signed out".
  await page.context().clearCookies({ name: /authjs\.session-token$/ });
  await page.getByRole("button", { name: "Save draft" }).click();
  const prompt = page.getByRole("dialog", { name: "Sign in again to save" });
  await expect(prompt).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("Your session has ended");
  await expect(body).toContainText("Prices of flour fell by a tenth.");
  await expect(prompt.getByLabel("Email")).toHaveValue(ACCOUNTS.writer.email);

  // A wrong password is refused in place; the right one signs in and the save goes through.
  await prompt.getByLabel("Password").fill("not the password");
  await prompt.getByRole("button", { name: "Sign in and save" }).click();
  await expect(page.getByTestId("sign-in-again-error")).toHaveText("Invalid email or password.");
  await prompt.getByLabel("Password").fill(E2E_PASSWORD);
  await prompt.getByRole("button", { name: "Sign in and save" }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await expect(body).toContainText("Traders returned on Monday. Prices of flour fell by a tenth.");
  // Still in the same editor: the page never left.
  expect(page.url()).toBe(url);

  // It is on the server: a reload shows it.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Story body" })).toContainText("Prices of flour fell by a tenth.");
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await page.context().close();
});

test("a save sent again after signing in still stops at a newer version saved meanwhile", async ({ browser }) => {
  const page = await as(browser, "editor");
  refuseBrowserDialogs(page);
  const headline = `Herat bus line extended ${Date.now().toString(36)}`;
  await draftStory(page, headline, "The line now reaches the airport.");
  const url = page.url();
  await page.getByLabel("Headline").fill(`${headline}, officials say`);
  await page.context().clearCookies({ name: /authjs\.session-token$/ });

  // Meanwhile someone else saves the story.
  const other = await as(browser, "admin");
  await other.goto(url);
  await other.getByLabel("Headline").fill(`${headline} (admin's version)`);
  await other.getByRole("button", { name: "Save draft" }).click();
  await expect(other.getByTestId("save-status")).toContainText("Saved");

  await page.getByRole("button", { name: "Save draft" }).click();
  const prompt = page.getByRole("dialog", { name: "Sign in again to save" });
  await prompt.getByLabel("Password").fill(E2E_PASSWORD);
  await prompt.getByRole("button", { name: "Sign in and save" }).click();
  await expect(prompt).toHaveCount(0);
  // The retried save was based on the version this editor had: it is stopped, and both versions show.
  await expect(page.getByTestId("conflict")).toBeVisible();
  await expect(page.getByTestId("conflict-theirs")).toContainText(`${headline} (admin's version)`);
  await expect(page.getByLabel("Headline")).toHaveValue(`${headline}, officials say`);
  await other.context().close();
  await page.context().close();
});
