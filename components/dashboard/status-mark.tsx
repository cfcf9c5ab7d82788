/**
 * A story's desk status as a coloured label, followed by a plain mark of whether readers can
 * see it now ("Live" with a filled dot, or "Not on the site"), so live and not live are never
 * told apart by colour alone. Used in the story list and at the top of the editor.
 */
import { DESK_STATUS_LABELS, type DeskStatus } from "@/lib/stories/story-schema";

const STATUS_STYLE: Record<DeskStatus, string> = {
  draft: "bg-neutral-200 text-neutral-800",
  in_review: "bg-amber-100 text-amber-900",
  scheduled: "bg-sky-100 text-sky-900",
  published: "bg-green-100 text-green-900",
  unpublished: "bg-red-100 text-red-900",
};

/** The coloured label alone, where a line already says whether the story is public. */
export function StatusBadge({ status, testId }: { status: DeskStatus; testId?: string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`} data-testid={testId}>
      {DESK_STATUS_LABELS[status]}
    </span>
  );
}

/** The coloured label and the plain "Live" / "Not on the site" mark. */
export function StatusMark({ status, testId }: { status: DeskStatus; testId?: string }) {
  const live = status === "published";
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge status={status} testId={testId} />
      <span className={`whitespace-nowrap text-xs ${live ? "font-semibold text-green-800" : "text-neutral-600"}`} data-testid="live-mark">
        <span aria-hidden="true">{live ? "● " : "○ "}</span>
        {live ? "Live" : status === "scheduled" ? "Not on the site yet" : "Not on the site"}
      </span>
    </span>
  );
}
