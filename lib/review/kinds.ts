/**
 * The kinds of desk notification and the ways each can come by mail, with their labels.
 * Pure and client-safe: the profile's preferences form and the server share them.
 */

/** What a notification is about (the `kind` of `notifications` and `notification_prefs`). */
export const NOTIFICATION_KINDS = ["review_submitted", "review_returned", "published", "correction", "webhook_failing"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a kind comes by mail: at once, in the daily digest, or not at all (the desk still shows it). */
export const MAIL_MODES = ["immediate", "digest", "off"] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/** The mode of a kind nobody chose for: at once. */
export const DEFAULT_MAIL_MODE: MailMode = "immediate";

/** Each kind as the profile page names it. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  review_submitted: "A story is submitted for review",
  review_returned: "A story is returned to me",
  published: "My story is published",
  correction: "A correction is published",
  webhook_failing: "A webhook endpoint starts failing (admins)",
};

/** Each mode as the profile page names it. */
export const MAIL_MODE_LABELS: Readonly<Record<MailMode, string>> = {
  immediate: "Immediately",
  digest: "Daily digest",
  off: "Off",
};
