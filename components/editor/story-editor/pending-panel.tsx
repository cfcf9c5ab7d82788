"use client";

/**
 * Pending changes of a live story (editors). The editor holds the pending text; readers see
 * the published version until the changes are published now or at a scheduled instant, as a
 * minor edit or an update with its note. Publishing, scheduling and discarding reload the
 * editor on the story's new state; unsaved edits are saved as pending changes first.
 */
import { useState, useTransition } from "react";
import { formatDateAtTime } from "@/lib/dates/format";
import { clearBackup } from "./browser-backup";
import { inputClass } from "./fields";
import type { EditorActions, NoteKind, PendingChoice, PendingInfo } from "./types";
import type { StoryForm } from "./use-story-form";

/** Reloads the editor once React has dropped the leave guard of a form no longer dirty. */
function reloadSoon() {
  setTimeout(() => window.location.reload(), 100);
}

export function PendingPanel(props: { id: string; form: StoryForm; info: PendingInfo | null; timeZone: string; actions: EditorActions["pending"] }) {
  const { id, form, info, timeZone, actions } = props;
  const [kind, setKind] = useState<"minor" | "update">("minor");
  const [noteKind, setNoteKind] = useState<NoteKind>("update");
  const [note, setNote] = useState("");
  const [at, setAt] = useState("");
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const [savedAt, setSavedAt] = useState(info?.updatedAt ?? null);
  const [pending, startTransition] = useTransition();
  const when = (iso: string) => `${formatDateAtTime(new Date(iso), timeZone)} (${timeZone})`;
  const choice: PendingChoice = kind === "update" ? { kind, noteKind, note } : { kind };

  /** Saves the editor's text as the pending changes. @returns false when refused (the message is shown). */
  const savePending = async (): Promise<boolean> => {
    const r = await actions.save(form.toInput("save", JSON.stringify(form.bodyRef.current), ""));
    if (!r.ok) {
      setState({ error: r.error });
      return false;
    }
    form.setDirty(false);
    clearBackup(id);
    setSavedAt(r.updatedAt);
    setState({ message: "Pending changes saved. Readers still see the published version." });
    return true;
  };
  const then = (step: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) =>
    startTransition(async () => {
      if (form.dirty && !(await savePending())) return;
      const r = await step();
      if (!r.ok) return setState({ error: r.error });
      setState({ message: done });
      reloadSoon();
    });

  return (
    <section aria-labelledby="pending-heading" className="flex flex-col gap-3 rounded border border-violet-300 bg-violet-50 p-3 text-sm" data-testid="pending-panel">
      <h2 id="pending-heading" className="font-semibold">
        Pending changes
      </h2>
      <p>
        Readers see the published version until these changes are published.
        {savedAt ? ` Last saved ${when(savedAt)}${info?.updatedByName ? ` by ${info.updatedByName}` : ""}.` : ""}
      </p>
      {info?.failure ? (
        <p role="alert" className="font-semibold text-red-800" data-testid="pending-failure">
          {info.failure}
        </p>
      ) : null}
      {info?.applyAt ? (
        <p data-testid="pending-scheduled">
          Scheduled to go out at <strong>{when(info.applyAt)}</strong> as {info.applyKind === "update" ? "an update" : "a minor edit"}
          {info.scheduledByName ? `, set by ${info.scheduledByName}` : ""}.{" "}
          <button type="button" disabled={pending} className="underline" onClick={() => then(() => actions.schedule(id, "", choice), "Unscheduled.")}>
            Unschedule
          </button>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" disabled={pending} onClick={() => startTransition(async () => void (await savePending()))} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Save pending changes
        </button>
        <a href={`/dashboard/stories/${id}/preview?pending=1`} target="_blank" rel="noopener" className="underline">
          Preview pending changes
        </a>
        <button
          type="button"
          disabled={pending}
          className="text-red-800 underline"
          onClick={() => {
            if (!window.confirm("Discard the pending changes? The published version stays as it is.")) return;
            startTransition(async () => {
              const r = await actions.discard(id);
              if (!r.ok) return setState({ error: r.error });
              form.setDirty(false);
              clearBackup(id);
              reloadSoon();
            });
          }}
        >
          Discard pending changes
        </button>
      </div>
      <fieldset className="flex flex-col gap-2 rounded border border-violet-200 bg-white p-3">
        <legend className="px-1 font-semibold">Publish them as</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="pending-kind" checked={kind === "minor"} onChange={() => setKind("minor")} />
          Minor edit (a typo: no new date)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="pending-kind" checked={kind === "update"} onChange={() => setKind("update")} />
          Update (moves &ldquo;Last Updated On&rdquo;)
        </label>
        {kind === "update" ? (
          <div className="flex flex-col gap-2 ps-6">
            <label htmlFor="pending-note-kind" className="font-semibold">
              Kind of update
            </label>
            <select id="pending-note-kind" value={noteKind} onChange={(e) => setNoteKind(e.target.value as NoteKind)} className={inputClass}>
              <option value="update">Update</option>
              <option value="correction">Correction</option>
              <option value="clarification">Clarification</option>
            </select>
            <label htmlFor="pending-note" className="font-semibold">
              Note for readers {noteKind === "update" ? <span className="font-normal text-neutral-500">(optional)</span> : null}
            </label>
            <textarea id="pending-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} dir="auto" />
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <button type="button" disabled={pending} onClick={() => then(() => actions.publish(id, choice), "Published.")} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
            Publish changes now
          </button>
          <span className="flex flex-col gap-1">
            <label htmlFor="pending-at">Or at ({timeZone})</label>
            <input id="pending-at" type="datetime-local" step={1} value={at} onChange={(e) => setAt(e.target.value)} className={inputClass} />
          </span>
          <button type="button" disabled={pending || !at} onClick={() => then(() => actions.schedule(id, at, choice), "Scheduled.")} className="rounded border border-neutral-400 px-4 py-2 font-semibold disabled:opacity-60">
            Schedule changes
          </button>
        </div>
      </fieldset>
      <p role="status" aria-live="polite" data-testid="pending-status" className={state.error ? "font-semibold text-red-800" : "text-neutral-700"}>
        {state.error ?? state.message ?? ""}
      </p>
    </section>
  );
}
