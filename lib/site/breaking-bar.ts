/**
 * The site-wide breaking-news bar: on while it has text and its expiry (if any) is ahead.
 * Pure; `now` is passed in.
 */

export interface BreakingBarSettings {
  breakingText: string;
  breakingUrl: string | null;
  breakingUntil: Date | null;
}

/** The bar to show at `now`, or null when it is off or expired. */
export function activeBreakingBar(s: BreakingBarSettings, now: Date): { text: string; url: string | null } | null {
  if (!s.breakingText.trim()) return null;
  if (s.breakingUntil && s.breakingUntil.getTime() <= now.getTime()) return null;
  return { text: s.breakingText, url: s.breakingUrl };
}
