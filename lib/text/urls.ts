/**
 * URL scheme allow-list for links in story bodies. An allow-list, not a prefix check: Tiptap's
 * link extension let `javascript:` through from stored JSON, then through upper case and leading
 * spaces (https://github.com/ueberdosis/tiptap/issues/3673, fixed by an allow-list of schemes).
 *
 * Browsers ignore ASCII whitespace and control characters inside a scheme and decode HTML
 * entities in attributes, so "java&#x09;script:" and "  JaVaScRiPt:" both run script. The
 * check therefore decodes entities, strips those characters and lower-cases *before* reading
 * the scheme; only http, https, mailto, tel and relative URLs pass.
 */
import { decodeHTML } from "entities";
import { z } from "zod";
import { cleanString } from "./clean";

export const SAFE_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Decodes entities repeatedly (at most 3 rounds) so "&amp;#106;" cannot hide a scheme. */
function fullyDecode(value: string): string {
  let current = value;
  for (let i = 0; i < 3; i++) {
    const next = decodeHTML(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * True when `href` is safe to store and render as a link or media source.
 * @param href the raw attribute value as received.
 */
export function isSafeUrl(href: string): boolean {
  const normalized = fullyDecode(href)
    .replace(/[\u0000-\u0020\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g, "")
    .toLowerCase();
  if (normalized === "") return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized);
  if (!scheme) {
    // No scheme: relative path, fragment, query or protocol-relative URL. A colon before the
    // first "/" would be read as a scheme by some parsers; refuse it.
    const firstSlash = normalized.indexOf("/");
    const colon = normalized.indexOf(":");
    return colon === -1 || (firstSlash !== -1 && firstSlash < colon);
  }
  return (SAFE_SCHEMES as readonly string[]).includes(scheme[1] ?? "");
}

/**
 * Which addresses a field takes: `link` (a story body's links: web, mailto:, tel: or a site
 * path) or `web` (a page or image address: web or a site path only).
 */
export type AddressKind = "link" | "web";

/** The outcome of `checkAddress`: the address to store, or a message to show at the field. */
export type AddressCheck = { ok: true; href: string } | { ok: false; message: string };

const EMAIL = z.email();
const TEL = /^tel:\+?[0-9][0-9().-]{2,}$/i;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

function refusal(typed: string, kind: AddressKind): AddressCheck {
  // A bare host name ("example.com/page") is the usual slip: say exactly what to write. A
  // file name ("portrait.jpg") looks like one but is not a site: it gets the general message.
  const fileName = /^[^/]+\.(?:jpe?g|png|gif|webp|avif|svg|pdf|docx?|html?|php|aspx?)$/i.test(typed);
  if (!fileName && /^[^\s/:@]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(typed)) {
    return { ok: false, message: `Write the full address: https://${typed}` };
  }
  return {
    ok: false,
    message:
      kind === "link"
        ? "Use a full web address (https://…), mailto:, tel: or a path on this site starting with /."
        : "Use a full web address (https://…) or a path on this site starting with /.",
  };
}

/**
 * The one rule for every address staff type (body links, settings, bylines, photo credits).
 * A browser resolves anything else as a path relative to the page, so "www.example.com" or a
 * plain word becomes a broken link on the live story; such input is refused, not stored.
 *
 * Accepted: absolute http(s) URLs with a host (WHATWG URL parsing), `www.…` (stored as
 * `https://www.…`), site paths starting with a single `/`, and for `link` also
 * `mailto:<address>` and `tel:<digits>`.
 * @param typed the field's text, trimmed here; "" is returned as an empty address (callers
 *   decide whether a field is optional).
 * @returns `{ ok, href }` with the address to store, or `{ ok: false, message }` for the field.
 */
export function checkAddress(typed: string, kind: AddressKind = "link"): AddressCheck {
  const value = typed.trim();
  if (value === "") return { ok: true, href: "" };
  if (/\s|\\/.test(value) || !isSafeUrl(value)) return refusal(value, kind);
  const candidate = /^www\./i.test(value) ? `https://${value}` : value;
  if (/^https?:\/\//i.test(candidate)) {
    const host = hostOf(candidate);
    return host.includes(".") || host === "localhost" ? { ok: true, href: candidate } : refusal(value, kind);
  }
  if (candidate.startsWith("/") && !candidate.startsWith("//")) return { ok: true, href: candidate };
  if (kind === "link" && /^mailto:/i.test(candidate)) {
    const address = decodeURIComponent(candidate.slice(7).split("?")[0] ?? "");
    if (EMAIL.safeParse(address).success) return { ok: true, href: candidate };
    return { ok: false, message: "That e-mail address is not complete (mailto:name@example.com)." };
  }
  if (kind === "link" && /^tel:/i.test(candidate)) {
    return TEL.test(candidate) ? { ok: true, href: candidate } : { ok: false, message: "A phone link takes digits only (tel:+93701234567)." };
  }
  return refusal(value, kind);
}

/**
 * A zod field for an optional address: cleaned and trimmed like other text, checked and
 * normalised with `checkAddress`; a refusal is the field's error message.
 * @param max longest accepted length in characters.
 * @param label the field's name in the length message.
 */
export function addressField(max: number, label: string, kind: AddressKind) {
  return cleanString(max, label).transform((value, ctx) => {
    const checked = checkAddress(value, kind);
    if (checked.ok) return checked.href;
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  });
}
