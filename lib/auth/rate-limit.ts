/**
 * Failed-sign-in limits, per account and per IP address, over a sliding window. Pure: the
 * counts come from the `login_attempts` table (see credentials.ts), `now` is passed in.
 *
 * Policy (in the spirit of OWASP's Authentication Cheat Sheet, "Login Throttling" and
 * "Device Cookies"):
 * - from unknown devices, an account (e-mail as typed, existing or not) is held after 5
 *   failures in 15 minutes, and an IP address after 20;
 * - from a device that signed in to the account before, only that device's own failures
 *   count (10 in 15 minutes), so strangers cannot lock the owner out;
 * - a hold lasts until the oldest counted failure leaves the window.
 */

export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;
export const MAX_FAILURES_PER_KNOWN_DEVICE = 10;

/**
 * @param failures instants of recent failed attempts (any order) for one key.
 * @param max the number of failures that triggers the hold.
 * @param windowMs the sliding window (default WINDOW_MS, sign-in's 15 minutes).
 * @returns seconds until the next attempt is allowed, or 0 when it is allowed now.
 */
export function retryAfterSeconds(failures: Date[], max: number, now: Date, windowMs: number = WINDOW_MS): number {
  const since = now.getTime() - windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => b - a);
  if (recent.length < max) return 0;
  // The hold ends when the max-th most recent failure leaves the window.
  const releasing = recent[max - 1] as number;
  return Math.max(1, Math.ceil((releasing + windowMs - now.getTime()) / 1000));
}
