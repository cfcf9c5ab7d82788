"use client";

import { useState, type ReactNode } from "react";
import { inputClass } from "./fields";
import type { NoteKind } from "./types";

/**
 * Saving a live story: the user chooses a minor edit (no new date) or an update (moves
 * "Last Updated On" to now); editors also choose the kind of update and a note for readers,
 * or keep the save as pending changes that readers do not see yet (`onKeepPending`, which
 * answers an error message or null).
 */
export function LiveSavePanel(props: {
  saveKind: "" | "minor" | "update";
  onSaveKind: (k: "minor" | "update") => void;
  /** The viewer may choose the kind of update and write the note (editors, admins). */
  canNote: boolean;
  noteKind: NoteKind;
  onNoteKind: (k: NoteKind) => void;
  note: string;
  onNote: (v: string) => void;
  noteError: ReactNode;
  pending: boolean;
  onSave: () => void;
  onKeepPending?: () => Promise<string | null>;
}) {
  const [keepError, setKeepError] = useState<string | null>(null);
  const [keeping, setKeeping] = useState(false);
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-neutral-300 bg-white p-3">
      <legend className="px-1 text-sm font-semibold">This story is live. How should this save appear to readers?</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="save-kind" checked={props.saveKind === "minor"} onChange={() => props.onSaveKind("minor")} />
        Minor edit (a typo: no new date)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="save-kind" checked={props.saveKind === "update"} onChange={() => props.onSaveKind("update")} />
        Update (moves &ldquo;Last Updated On&rdquo; to now)
      </label>
      {props.saveKind === "update" && props.canNote ? (
        <div className="flex flex-col gap-2 pl-6">
          <label htmlFor="note-kind" className="text-sm font-semibold">
            Kind of update
          </label>
          <select id="note-kind" value={props.noteKind} onChange={(e) => props.onNoteKind(e.target.value as NoteKind)} className={`${inputClass} text-sm`}>
            <option value="update">Update</option>
            <option value="correction">Correction</option>
            <option value="clarification">Clarification</option>
          </select>
          <label htmlFor="note" className="text-sm font-semibold">
            Note for readers {props.noteKind === "update" ? <span className="font-normal text-neutral-500">(optional)</span> : null}
          </label>
          <textarea id="note" rows={2} value={props.note} onChange={(e) => props.onNote(e.target.value)} className={`${inputClass} text-sm`} dir="auto" />
          {props.noteError}
        </div>
      ) : null}
      <div>
        <button
          type="button"
          disabled={props.pending}
          onClick={props.onSave}
          className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
        >
          Save changes
        </button>
        {props.onKeepPending ? (
          <button
            type="button"
            disabled={props.pending || keeping}
            onClick={async () => {
              setKeeping(true);
              setKeepError(await props.onKeepPending!());
              setKeeping(false);
            }}
            className="ms-3 rounded border border-violet-400 px-4 py-2 font-semibold text-violet-900 hover:bg-violet-50 disabled:opacity-60"
          >
            Keep as pending changes
          </button>
        ) : null}
        {props.onKeepPending ? <p className="mt-1 text-xs text-neutral-600">Pending changes are not public: readers keep this version until you publish them, now or at a set time.</p> : null}
        {keepError ? (
          <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
            {keepError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
