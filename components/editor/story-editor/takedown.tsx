"use client";

/**
 * Taking a story off the site, calmly: the question before an unpublish, the Undo after it,
 * and the notice on a story in the trash with its Restore button.
 */
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { formatDateAtTime } from "@/lib/dates/format";
import { TRASH_DAYS } from "@/lib/stories/story-schema";

/** Asks before an unpublish, saying what readers lose and that it can be undone. */
export function UnpublishDialog(props: { open: boolean; title: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ConfirmDialog open={props.open} title="Unpublish this story?" confirmLabel="Unpublish" pending={props.pending} onConfirm={props.onConfirm} onCancel={props.onCancel}>
      <p>
        <strong dir="auto">{props.title || "This story"}</strong> leaves the site at once: its page answers “not found”, and it drops off the front page, its
        sections, feeds and search.
      </p>
      <p className="mt-2">It keeps its dates. Undo puts it back exactly as it was.</p>
    </ConfirmDialog>
  );
}

/** After an unpublish: the way back, with the story's original dates. */
export function UndoUnpublish(props: { pending: boolean; onUndo: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm" data-testid="undo-unpublish">
      <span>Unpublished: readers no longer see this story.</span>
      <Button size="sm" variant="secondary" disabled={props.pending} onClick={props.onUndo}>
        Undo
      </Button>
    </div>
  );
}

/** A story in the trash: read-only, when it will be purged, and Restore for those who may. */
export function TrashedNotice(props: { trashedAt: string; timeZone: string; canRestore: boolean; pending: boolean; onRestore: () => void }) {
  const trashed = new Date(props.trashedAt);
  const purge = new Date(trashed.getTime() + TRASH_DAYS * 24 * 60 * 60 * 1000);
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm" data-testid="trashed-notice">
      <span>
        In the trash since {formatDateAtTime(trashed, props.timeZone)}. It will be deleted for good on {formatDateAtTime(purge, props.timeZone)}
        {props.canRestore ? "." : "; an editor can restore it until then."}
      </span>
      {props.canRestore ? (
        <Button size="sm" disabled={props.pending} onClick={props.onRestore}>
          Restore
        </Button>
      ) : null}
    </div>
  );
}
