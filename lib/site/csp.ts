/**
 * Content-Security-Policy headers (CSP Level 3, https://www.w3.org/TR/CSP3/).
 *
 * Reader pages are plain HTML with no script at all (components/site/document.tsx; JSON-LD is a
 * data block, which `script-src` does not govern), so their policy runs no script, from
 * anywhere: a story body that slipped past the sanitiser still could not run code. Photos may
 * come from other https sites (byline photos, a logo), styles only from the site itself.
 *
 * The desk is a Next.js app, whose pages carry inline bootstrap scripts. Its policy allows only
 * scripts carrying the request's nonce, and those they load (`'strict-dynamic'`), the pattern
 * of Next's guide (https://nextjs.org/docs/app/guides/content-security-policy): the proxy makes
 * a fresh nonce for each request and Next adds it to its own scripts. Inline `style` attributes
 * stay allowed (React and the editor set some); styles cannot run code.
 */

/** Joins directives into one header value. */
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`.trim())
    .join("; ");

/** The policy of every reader page, feed and file (a fixed header: reader pages are cached). */
export const READER_CSP = policy({
  "default-src": "'none'",
  "script-src": "'none'",
  "style-src": "'self'",
  "img-src": "'self' data: https:",
  "font-src": "'self'",
  "manifest-src": "'self'",
  "media-src": "'self'",
  // No script runs to use it; tools that fetch the site's own files from inside the page (a
  // crawler checker reading /robots.txt, as Lighthouse's SEO audit does) may.
  "connect-src": "'self'",
  "form-action": "'self'",
  "base-uri": "'none'",
  "object-src": "'none'",
  // Readers' pages may be framed by the site itself only.
  "frame-ancestors": "'self'",
});

/**
 * The policy of a reader page that runs the site's own script (a live blog whose coverage
 * runs: public/live-updates.js): the reader policy with scripts from the site itself, and
 * still none inline or from elsewhere. The page's route sets it on its response, in place of
 * the fixed header.
 */
export const READER_SCRIPT_CSP = READER_CSP.replace("script-src 'none'", "script-src 'self'");

/**
 * The policy of a desk, sign-in or sign-up page.
 * @param nonce base64 of at least 128 random bits, fresh for each request
 * @param development true under `next dev`, whose React needs `eval` for its debugging aids
 * @returns the header value.
 */
export function deskCsp(nonce: string, development = false): string {
  return policy({
    "default-src": "'self'",
    "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' blob: data: https:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'self'",
    "object-src": "'none'",
    // The desk is never framed (clickjacking).
    "frame-ancestors": "'none'",
  });
}

/** A fresh nonce: 16 random bytes (128 bits) in base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
