/**
 * What every reader page's loader is given (components/site/render.tsx reads it once per
 * render), and the decoding of URL segments.
 */
import "server-only";
import type { SiteSettings } from "./settings";

export interface ReaderContext {
  /** One instant for the whole render: every visibility check uses it. */
  now: Date;
  settings: SiteSettings;
}

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
