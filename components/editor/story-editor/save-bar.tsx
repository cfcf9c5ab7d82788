"use client";

import type { SaveIntent } from "@/lib/stories/story-schema";
import type { SaveButton } from "./buttons";

/**
 * The save error (if any) and the row of actions: the save buttons, Schedule…/Reschedule…
 * when `scheduleLabel` is given, and Move to trash when `onDelete` is.
 */
export function SaveBar(props: {
  error: string | null;
  buttons: SaveButton[];
  pending: boolean;
  onSave: (intent: SaveIntent) => void;
  scheduleLabel: string | null;
  onOpenSchedule: () => void;
  onDelete: (() => void) | null;
}) {
  return (
    <>
      {props.error !== null ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {props.error}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {props.buttons.map((b) => (
          <button
            key={b.intent}
            type="button"
            disabled={props.pending}
            onClick={() => props.onSave(b.intent)}
            className={
              b.primary
                ? "rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
                : "rounded border border-neutral-400 bg-white px-4 py-2 font-semibold hover:bg-neutral-100 disabled:opacity-60"
            }
          >
            {b.label}
          </button>
        ))}
        {props.scheduleLabel ? (
          <button type="button" onClick={props.onOpenSchedule} className="rounded border border-neutral-400 bg-white px-4 py-2 font-semibold hover:bg-neutral-100">
            {props.scheduleLabel}
          </button>
        ) : null}
        {props.onDelete ? (
          <button type="button" onClick={props.onDelete} disabled={props.pending} className="ml-auto rounded px-4 py-2 text-sm text-red-700 hover:bg-red-50">
            Move to trash
          </button>
        ) : null}
      </div>
    </>
  );
}
