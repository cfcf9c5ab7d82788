/**
 * How large a request body may be, by path, enforced by the production server
 * (scripts/serve.mjs) before Next or Auth.js reads a byte of it. Route handlers and Auth.js
 * read a body whole (`request.formData()`, `request.text()`), so without this an anonymous
 * client could send hundreds of megabytes to the sign-in endpoint and the server would hold
 * them in memory.
 *
 * A body must declare its size (Content-Length; Node's HTTP parser then never delivers more
 * than declared) and stay within its path's limit, or it is refused unread: 413 Content Too
 * Large when the declared size is over the limit, 411 Length Required when no size is
 * declared (RFC 9110 §15.5.12, §15.5.14). Only the two upload routes take a body of unknown
 * size (HTTP chunked encoding, e.g. `curl -T -`): they count bytes while streaming to disk
 * and stop at their own limit.
 */

const KB = 1024;
const MB = 1024 * KB;

/** The largest photo the media library accepts, in bytes. */
export const MEDIA_MAX_BYTES = 20 * MB;

/** What a multipart envelope (boundaries, part headers, the file name) may add to a photo. */
const MULTIPART_ENVELOPE_BYTES = 64 * KB;

/** Default for IMPORT_MAX_MB: the largest WordPress export the desk accepts (the CLI takes any size). */
const DEFAULT_IMPORT_MAX_MB = 1024;

/**
 * The largest WordPress export accepted from the desk, in bytes, from the IMPORT_MAX_MB
 * setting (a whole number of megabytes, 1–102400; default 1024).
 * @throws Error naming the setting when it is not such a number (the server refuses to start).
 */
export function importMaxBytes(env = process.env) {
  const raw = (env.IMPORT_MAX_MB ?? "").trim();
  if (!raw) return DEFAULT_IMPORT_MAX_MB * MB;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > 102400) {
    throw new Error(`IMPORT_MAX_MB must be a whole number of megabytes from 1 to 102400, not "${raw}".`);
  }
  return Number(raw) * MB;
}

/**
 * The body limit for a request path.
 * @param {string} pathname the request's path, without its query string
 * @param {number} importMax the export limit in bytes (importMaxBytes())
 * @param {boolean} [signedIn] the request carries a session cookie (lib/auth: authjs.session-token)
 * @returns {{ limit: number, streamed: boolean, rule: string }} `limit` in bytes; `streamed`
 *   when the route may take a body of undeclared size (it counts while reading); `rule`
 *   states the limit in words, for the refusal message.
 */
export function bodyLimitFor(pathname, importMax, signedIn = false) {
  // Sign-in, sign-out and session calls carry a CSRF token, an e-mail address and a password.
  // (/login/session is the editor's in-page sign-in after a session ended.)
  if (pathname === "/api/auth" || pathname.startsWith("/api/auth/") || pathname === "/login/session") return { limit: 8 * KB, streamed: false, rule: "A sign-in request may send at most 8 KB." };
  if (pathname === "/api/media") return { limit: MEDIA_MAX_BYTES + MULTIPART_ENVELOPE_BYTES, streamed: true, rule: `Photos may be at most ${MEDIA_MAX_BYTES / MB} MB.` };
  // The scheduler's own loopback call: the reader pages one change touches (up to 5,000 names).
  if (pathname === "/api/internal/revalidate") return { limit: 1 * MB, streamed: false, rule: "An internal call may send at most 1 MB." };
  if (pathname === "/api/import") return { limit: importMax, streamed: true, rule: `A WordPress export uploaded on the desk may be at most ${Math.round(importMax / MB)} MB (the IMPORT_MAX_MB setting); use npm run import:wxr for a larger one.` };
  // Server actions of the desk: a story body may be 2 MB of JSON (next.config.ts lets Next's own
  // 3 MB action limit speak first, with its message). Only for a signed-in browser: Next reads
  // an action's body before the action checks the session.
  if (/^\/dashboard(\/|$)/.test(pathname) && signedIn) return { limit: 4 * MB, streamed: false, rule: "A form may send at most 4 MB." };
  return { limit: 64 * KB, streamed: false, rule: "A request here may send at most 64 KB." };
}

/** A size in bytes as people say it: "812 bytes", "12 KB", "25.3 MB". */
function inWords(bytes) {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/**
 * Decides whether a request's body may be read.
 * @param {{ method?: string, pathname: string, headers: Record<string, string | string[] | undefined>, importMax: number }} r
 * @returns {null | { status: 411 | 413, message: string }} null when the body may be read.
 */
export function refuseBody({ method, pathname, headers, importMax }) {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const cookie = String(headers.cookie ?? "");
  const { limit, streamed, rule } = bodyLimitFor(pathname, importMax, /(^|;\s*)(__Secure-)?authjs\.session-token=/.test(cookie));
  const declared = headers["content-length"];
  if (declared === undefined) {
    // No body at all (no Transfer-Encoding either) is fine; a body of unknown size only where counted.
    if (headers["transfer-encoding"] === undefined || streamed) return null;
    return { status: 411, message: "Send the request with a Content-Length." };
  }
  const size = Number(declared);
  if (!Number.isSafeInteger(size) || size < 0) return { status: 411, message: "Send the request with a valid Content-Length." };
  if (size > limit) return { status: 413, message: `Too large (${inWords(size)}). ${rule}` };
  return null;
}
