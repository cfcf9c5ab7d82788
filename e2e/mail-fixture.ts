/**
 * The message e2e/prepare-data.ts queues with enqueueMail before the server starts, for the
 * Outbox test (e2e/mail.spec.ts). The e2e server runs without SMTP_URL, so it is held.
 */
export const E2E_MAIL = {
  to: "new.reporter@example.org",
  subject: "You are invited to the Kabul Lantern desk",
  greeting: "Hello Nadia,",
  paragraph: "Laila Karimzada invited you to write for the desk. The link below works once, for 7 days.",
  link: { label: "Set your password", url: "/signup/e2e-invitation-token" },
} as const;
