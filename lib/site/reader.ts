/**
 * What every reader page needs once per request: the instant of the render and the site's
 * settings. Wrapped in React `cache` so a page and its metadata share one read.
 */
import "server-only";
import { cache } from "react";
import { getSiteSettings, type SiteSettings } from "./settings";

export interface ReaderContext {
  /** One instant for the whole render: every visibility check uses it. */
  now: Date;
  settings: SiteSettings;
}

export const getReaderContext = cache(async (): Promise<ReaderContext> => {
  return { now: new Date(), settings: await getSiteSettings() };
});

/**
 * Decodes a URL segment the router may hand over still percent-encoded.
 * @returns the decoded text, or null for a malformed escape (the page answers 404).
 */
export function decodeSegment(segment: string): string | null {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
