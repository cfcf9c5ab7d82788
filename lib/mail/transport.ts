/**
 * The mail server, through nodemailer's SMTP transport: who a message is from, its
 * Message-ID, sending one outbox row, and which SMTP failures are worth another try.
 *
 * No `server-only` marker: the worker (lib/mail/worker.ts) is started by instrumentation.
 */
import nodemailer from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";

/** A sender address (RFC 5322 §3.4 mailbox): the display name is encoded by nodemailer (RFC 2047) when not ASCII. */
export interface MailAddress {
  name: string;
  address: string;
}

/**
 * The From of every message: `mailFrom` (the MAIL_FROM setting, already validated by lib/env)
 * when set; otherwise the site's name and `no-reply@` the host of `siteUrl` (a leading "www."
 * dropped), e.g. `"The Kabul Lantern" <no-reply@news.example.org>`.
 * @param mailFrom MAIL_FROM, or undefined.
 * @param siteName the site's name (settings).
 * @param siteUrl the site's absolute origin (SITE_URL or its default).
 */
export function mailSender(mailFrom: string | undefined, siteName: string, siteUrl: string): MailAddress {
  if (mailFrom) {
    const [first] = addressparser(mailFrom, { flatten: true });
    if (first?.address) return { name: first.name, address: first.address };
  }
  const host = new URL(siteUrl).hostname.replace(/^www\./, "").replace(/^\[|\]$/g, "") || "localhost";
  return { name: siteName, address: `no-reply@${host}` };
}

/**
 * The Message-ID of an outbox row (RFC 5322 §3.6.4: `<id-left@id-right>`, unique worldwide):
 * the row's id at the sender's domain. The same row always gets the same Message-ID, so if a
 * crash makes the worker send a row twice, mail programs that drop duplicates by Message-ID
 * show it once.
 */
export function messageIdFor(rowId: string, from: MailAddress): string {
  const domain = from.address.split("@").pop() || "localhost";
  return `<${rowId}@${domain}>`;
}

/** How long one SMTP exchange may take at most, in ms: the worker's lease is much longer. */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000, dnsTimeout: 30_000 } as const;

/** An SMTP connection for the worker. `close()` ends it. */
export type MailTransport = ReturnType<typeof createMailTransport>;

/**
 * An SMTP transport for `smtpUrl` (`smtp://user:password@host:587`, `smtps://host:465`;
 * query parameters set other nodemailer options). With `smtp://` nodemailer upgrades to TLS
 * with STARTTLS when the server offers it (RFC 3207). Every exchange is bounded by
 * SMTP_TIMEOUTS. Opens no connection until a message is sent.
 */
export function createMailTransport(smtpUrl: string) {
  return nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
}

/** One message to send: an outbox row's fields. */
export interface MailToSend {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends one message with both parts (multipart/alternative, RFC 2046 §5.1.4: text first,
 * HTML last, the part mail programs prefer), From `from`, and the row's Message-ID. Marked
 * `Auto-Submitted: auto-generated` (RFC 3834 §5) so auto-responders do not answer it.
 * @returns the Message-ID sent.
 * @throws nodemailer's error when the server refuses it or cannot be reached.
 */
export async function sendOne(transport: MailTransport, from: MailAddress, mail: MailToSend): Promise<string> {
  const messageId = messageIdFor(mail.id, from);
  const info = await transport.sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId,
    headers: { "Auto-Submitted": "auto-generated" },
  });
  return info.messageId || messageId;
}

/**
 * True when another try cannot help: the server answered with a permanent reply (RFC 5321
 * §4.2.1, a 5yz code) to the message or its recipient, e.g. "550 no such mailbox". A refused
 * login (a wrong password in SMTP_URL), a 4yz reply (temporary, by definition) and network
 * errors are worth retrying.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown; command?: unknown } | null;
  if (!e || typeof e.responseCode !== "number") return false;
  if (e.code === "EAUTH" || (typeof e.command === "string" && e.command.startsWith("AUTH"))) return false;
  return e.responseCode >= 500 && e.responseCode < 600;
}

/** One line for `last_error`: the server's reply or the network error, at most 500 characters. */
export function describeSmtpError(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; response?: unknown } | null;
  const text = typeof e?.response === "string" && e.response ? e.response : typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" && !text.includes(e.code) ? `${e.code}: ` : "";
  return `${code}${text}`.replace(/\s+/g, " ").trim().slice(0, 500);
}
