/**
 * Writes an e-mail's two parts from one description: a plain-text part and an HTML part with
 * the same words (RFC 2046 multipart/alternative: a reader sees whichever their mail program
 * shows), signed with the site's name, with links absolute from SITE_URL.
 */
import { escapeText, escapeAttribute } from "entities";

/** What a message says. `action` is its one button/link; `url` is a path ("/login/reset/…") or absolute. */
export interface MailContent {
  siteName: string;
  /** Absolute origin for links, e.g. "https://news.example.org" (siteUrl()). */
  origin: string;
  subject: string;
  /** "Hello Sahar," or empty. */
  greeting?: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** A quoted note (a reviewer's words), shown set apart. */
  quote?: string;
  /** A closing line in small print (why they got it, how to stop it). */
  footer?: string;
}

/** An absolute URL for `url` under `origin` (absolute URLs are kept as they are). */
export function absoluteUrl(origin: string, url: string): string {
  return new URL(url, origin.endsWith("/") ? origin : `${origin}/`).toString();
}

/**
 * Renders a message.
 * @returns subject, the plain-text part and the HTML part (every value escaped).
 */
export function composeMail(c: MailContent): { subject: string; text: string; html: string } {
  const link = c.action ? absoluteUrl(c.origin, c.action.url) : null;
  const text = [
    c.greeting,
    ...c.paragraphs,
    c.quote ? c.quote.split("\n").map((l) => `> ${l}`).join("\n") : undefined,
    c.action && link ? `${c.action.label}: ${link}` : undefined,
    `— ${c.siteName}`,
    c.footer,
  ]
    .filter((p): p is string => Boolean(p))
    .join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeText(s)}</p>`;
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5;color:#171717;max-width:560px;margin:0 auto;padding:24px">`,
    `<p style="margin:0 0 24px;font-family:Georgia,serif;font-size:20px;font-weight:bold">${escapeText(c.siteName)}</p>`,
    c.greeting ? p(c.greeting) : "",
    ...c.paragraphs.map(p),
    c.quote ? `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #9f1d20;background:#f5f5f5;white-space:pre-wrap">${escapeText(c.quote)}</blockquote>` : "",
    c.action && link
      ? `<p style="margin:24px 0"><a href="${escapeAttribute(link)}" style="display:inline-block;background:#171717;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none;font-weight:bold">${escapeText(c.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#525252">${escapeText(link)}</p>`
      : "",
    c.footer ? `<p style="margin:24px 0 0;font-size:13px;color:#525252">${escapeText(c.footer)}</p>` : "",
    `</body></html>`,
  ].join("");
  return { subject: c.subject, text, html };
}
