/**
 * The bar across the top of a preview: what the page is (not the public site) and the story's
 * state, dated in the newsroom's time zone. A preview never goes out without it.
 */
import { formatDateAtTime } from "@/lib/dates/format";
import type { StoryStatus } from "@/db/schema";

export interface PreviewState {
  status: StoryStatus;
  /** The publication instant it has or is scheduled for. */
  publishedAt: Date | null;
  /** The embargo, while it holds. */
  embargoUntil: Date | null;
  now: Date;
  timeZone: string;
  locale: string;
  /** A live story's pending changes (and when they are scheduled to go out, if they are). */
  pendingChanges?: { applyAt: Date | null };
}

/** The banner's headline and its line of detail. */
export function previewWords(s: PreviewState): { title: string; detail: string } {
  const at = (d: Date) => `${formatDateAtTime(d, s.timeZone, s.locale)} (${s.timeZone})`;
  const embargo = s.embargoUntil && s.embargoUntil > s.now ? `EMBARGOED until ${at(s.embargoUntil)}. ` : "";
  if (s.pendingChanges) {
    const when = s.pendingChanges.applyAt ? `Scheduled to go out at ${at(s.pendingChanges.applyAt)}. ` : "Not published yet. ";
    return { title: "Preview of pending changes", detail: `${when}Readers see the published version until then.` };
  }
  if (s.status === "published" && s.publishedAt && s.publishedAt > s.now) {
    return { title: "Preview — not published", detail: `${embargo}Scheduled for ${at(s.publishedAt)}. Readers cannot see it yet.` };
  }
  if (s.status === "published") return { title: "Preview — as published", detail: `${embargo}Readers see this version now.` };
  const state = s.status === "in_review" ? "Waiting for review. " : s.status === "unpublished" ? "Taken off the site. " : "A draft. ";
  return { title: "Preview — not published", detail: `${embargo}${state}Readers cannot see it.` };
}

/** The preview bar (role "note": it describes the page, it is not an alert). */
export function PreviewBanner({ state }: { state: PreviewState }) {
  const { title, detail } = previewWords(state);
  return (
    <div role="note" aria-label="Preview" className="sticky top-0 z-50 mb-6 border-b-4 border-amber-500 bg-amber-100 px-4 py-2 text-center text-sm text-amber-950" data-testid="preview-banner" dir="ltr">
      <strong className="font-bold uppercase tracking-wide">{title}</strong> <span>{detail}</span>
    </div>
  );
}
