/**
 * The account e-mails: an invitation, a password-reset link and "your password was changed".
 * Pure: each takes what it says (the site's name and origin, the newsroom's time zone for
 * the expiry) and returns the message's subject and its two parts (lib/mail/compose.ts).
 * They are queued with lib/mail/outbox.ts by the functions that cause them (invites.ts,
 * password-reset.ts, profile.ts), in the same transaction.
 */
import { formatDateAtTime } from "@/lib/dates/format";
import { composeMail } from "@/lib/mail/compose";

/** Where a message's links point and how it is signed. */
export interface MailSite {
  /** The site's name (site settings), used in the subject and the signature. */
  siteName: string;
  /** Absolute origin, e.g. "https://news.example.org" (siteUrl()). */
  origin: string;
  /** IANA zone for dates in the message (the newsroom's). */
  timeZone: string;
}

/** The path of the page behind a one-time link (app/signup/[token]). */
export function oneTimeLinkPath(token: string): string {
  return `/signup/${token}`;
}

/** An expiry as "March 30, 2025 at 9:00 AM (Asia/Kabul)", in the newsroom's zone. */
function until(expiresAt: Date, timeZone: string): string {
  return `${formatDateAtTime(expiresAt, timeZone)} (${timeZone})`;
}

/**
 * The invitation: who invited them, to which site, the sign-up link and until when it works.
 * @returns subject, text and HTML parts; the link is absolute under `site.origin`.
 */
export function invitationMail(site: MailSite, m: { name: string; inviterName: string; role: string; token: string; expiresAt: Date }) {
  return composeMail({
    siteName: site.siteName,
    origin: site.origin,
    subject: `${m.inviterName} invited you to ${site.siteName}`,
    greeting: `Hello ${m.name},`,
    paragraphs: [
      `${m.inviterName} invited you to the ${site.siteName} newsroom as ${/^[aeiou]/.test(m.role) ? "an" : "a"} ${m.role}.`,
      `Choose your password through the link below to open your account. It works once, until ${until(m.expiresAt, site.timeZone)}.`,
    ],
    action: { label: "Choose your password", url: oneTimeLinkPath(m.token) },
    footer: "If you did not expect this invitation, ignore this message: no account opens without the link.",
  });
}

/**
 * A password-reset link someone asked for on "Forgot password?".
 * @returns subject, text and HTML parts; the link is absolute under `site.origin`.
 */
export function resetMail(site: MailSite, m: { name: string; token: string; expiresAt: Date }) {
  return composeMail({
    siteName: site.siteName,
    origin: site.origin,
    subject: `Reset your ${site.siteName} password`,
    greeting: `Hello ${m.name},`,
    paragraphs: [
      `Someone asked to reset the password of your ${site.siteName} account. To choose a new one, open the link below.`,
      `It works once, until ${until(m.expiresAt, site.timeZone)}. Asking again makes this link stop working.`,
    ],
    action: { label: "Choose a new password", url: oneTimeLinkPath(m.token) },
    footer: "If you did not ask for this, ignore this message: your password stays as it is.",
  });
}

/**
 * "Your password was changed", sent after a reset or a change on the profile page.
 * @param how what changed it, in words ("through a reset link", "on your profile page").
 * @param at the instant of the change (shown in the newsroom's zone).
 */
export function passwordChangedMail(site: MailSite, m: { name: string; how: string; at: Date }) {
  return composeMail({
    siteName: site.siteName,
    origin: site.origin,
    subject: `Your ${site.siteName} password was changed`,
    greeting: `Hello ${m.name},`,
    paragraphs: [
      `The password of your ${site.siteName} account was changed ${m.how} on ${until(m.at, site.timeZone)}. Every other session of your account was signed out.`,
      "If this wasn't you, reset your password now with “Forgot password?” on the sign-in page, and tell an admin.",
    ],
    action: { label: "Forgot password?", url: "/login/forgot" },
  });
}
