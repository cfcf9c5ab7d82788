/**
 * Where to send a user after sign-in. Pure.
 */

/**
 * A return path that is safe to redirect to after sign-in: a relative path inside the
 * dashboard, never an absolute URL or a protocol-relative one ("//evil.example"). Auth.js's
 * own callbackUrl is never followed (it is an absolute URL whose host is wrong behind a
 * reverse proxy).
 */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path || !/^\/dashboard(\/|\?|$)/.test(path) || /[\\\s]/.test(path) || path.includes("//")) return "/dashboard";
  return path;
}
