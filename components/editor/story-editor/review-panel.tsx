"use client";

/**
 * The review loop in the editor: the note an editor returned the story with (shown to the
 * writer at the top until they resubmit), an optional note to send with "Submit for review",
 * and the form an editor fills to return a story (its note is required).
 */
import { useState } from "react";
import { formatDateAtTime } from "@/lib/dates/format";
import { inputClass } from "./fields";
import type { ReturnNote } from "./types";

/** The latest return note, with who wrote it and when (in the newsroom's zone). */
export function ReturnNoteBanner({ returned, timeZone }: { returned: ReturnNote; timeZone: string }) {
  return (
    <section aria-labelledby="return-note-heading" className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm" data-testid="return-note">
      <h2 id="return-note-heading" className="font-semibold">
        Returned to you by {returned.authorName ?? "an editor"}, {formatDateAtTime(new Date(returned.at), timeZone)} ({timeZone})
      </h2>
      <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-amber-400 pl-3" dir="auto">
        {returned.note}
      </blockquote>
      <p className="mt-2 text-neutral-700">Make the changes, then submit the story for review again.</p>
    </section>
  );
}

/** A note for the editors that goes with the next "Submit for review" (optional, folded away). */
export function SubmitNoteField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <details className="rounded border border-neutral-200 bg-white px-3 py-2 text-sm" open={Boolean(value) || Boolean(error)}>
      <summary className="cursor-pointer font-semibold">Add a note for the editors</summary>
      <div className="mt-2 flex flex-col gap-1">
        <label htmlFor="submit-note" className="font-semibold">
          Note for the editors (optional)
        </label>
        <textarea id="submit-note" rows={3} maxLength={2000} value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClass} text-sm`} dir="auto" />
        <p className="text-xs text-neutral-500">Sent with “Submit for review”. Readers never see it.</p>
        {error ? <p className="text-xs text-red-700">{error}</p> : null}
      </div>
    </details>
  );
}

/** "Return to writer": the note the writer will see (required), then send it or cancel. */
export function ReturnPanel(props: { pending: boolean; error?: string; onReturn: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const problem = missing ? "Write what the writer should change." : props.error;
  return (
    <section aria-labelledby="return-heading" className="flex flex-col gap-2 rounded border border-neutral-300 bg-white p-3" data-testid="return-panel">
      <h2 id="return-heading" className="font-semibold">
        Return to the writer
      </h2>
      <label htmlFor="return-note" className="text-sm font-semibold">
        Note for the writer (required)
      </label>
      <textarea
        id="return-note"
        rows={4}
        maxLength={2000}
        required
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setMissing(false);
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? "return-note-error" : undefined}
        className={`${inputClass} text-sm`}
        dir="auto"
      />
      {problem ? (
        <p id="return-note-error" className="text-xs text-red-700">
          {problem}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={props.pending}
          onClick={() => (note.trim() ? props.onReturn(note.trim()) : setMissing(true))}
          className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
        >
          Send back with this note
        </button>
        <button type="button" onClick={props.onCancel} className="rounded px-3 py-2 text-sm">
          Cancel
        </button>
      </div>
    </section>
  );
}
