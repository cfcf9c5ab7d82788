"use client";

import { formatDateAtTime } from "@/lib/dates/format";
import type { Conflict } from "./types";

/**
 * Shown when a save was stopped because someone saved a newer version: who and when (in the
 * newsroom's zone), their version beside the user's, and the two ways out.
 */
export function ConflictPanel(props: {
  conflict: Conflict;
  timeZone: string;
  myTitle: string;
  myDek: string;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
}) {
  const { conflict, timeZone } = props;
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="rounded border-2 border-red-400 bg-white p-4 text-sm" data-testid="conflict">
      <h2 id="conflict-heading" className="font-semibold text-red-800">
        This story was changed since you opened it
        {conflict.updatedByName ? ` by ${conflict.updatedByName}` : ""} at {formatDateAtTime(new Date(conflict.updatedAt), timeZone)} ({timeZone}). Nothing of yours was saved.
      </h2>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <div data-testid="conflict-theirs">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Saved version (theirs)</h3>
          <p className="mt-1 font-serif text-lg font-bold" dir="auto">{conflict.title}</p>
          {conflict.dek ? <p dir="auto">{conflict.dek}</p> : null}
          <p className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap text-neutral-700" dir="auto">{conflict.bodyText}</p>
        </div>
        <div data-testid="conflict-mine">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Your version (not saved)</h3>
          <p className="mt-1 font-serif text-lg font-bold" dir="auto">{props.myTitle}</p>
          {props.myDek ? <p dir="auto">{props.myDek}</p> : null}
          <p className="mt-2 text-neutral-700">Your text is still in the editor below.</p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="button" onClick={props.onKeepMine} className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
          Keep mine and save over theirs
        </button>
        <button type="button" onClick={props.onLoadTheirs} className="rounded border border-neutral-400 px-3 py-1.5 font-semibold">
          Load their version
        </button>
      </div>
    </section>
  );
}
