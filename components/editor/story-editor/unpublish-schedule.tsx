"use client";

/**
 * "Take off the site at…" for a published or scheduled story (editors): readers stop seeing it
 * at that instant, in the newsroom's zone; the schedule shows who set it and can be cancelled.
 * Saved at once, apart from the story's text.
 */
import { useState, useTransition } from "react";
import { formatDateAtTime } from "@/lib/dates/format";
import { FieldError, inputClass } from "./fields";
import type { EditorActions } from "./types";

export function UnpublishSchedule(props: {
  id: string;
  timeZone: string;
  initial: { at: string | null; setBy: string | null };
  action: EditorActions["scheduleUnpublish"];
}) {
  const { id, timeZone, action } = props;
  const [at, setAt] = useState(props.initial.at);
  const [setBy, setSetBy] = useState(props.initial.setBy);
  const [local, setLocal] = useState("");
  const [error, setError] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [pending, startTransition] = useTransition();
  const send = (value: string, you: boolean) =>
    startTransition(async () => {
      const r = await action(id, value);
      if (!r.ok) {
        setError({ unpublishAt: r.error });
        setMessage("");
        return;
      }
      setError({});
      setAt(r.unpublishAt);
      setSetBy(you && r.unpublishAt ? "you" : null);
      setLocal("");
      setMessage(r.unpublishAt ? "Scheduled to come off the site." : "Scheduled unpublish cancelled.");
    });
  return (
    <div className="flex flex-col gap-2 rounded border border-neutral-300 p-3" data-testid="unpublish-schedule">
      <p className="text-sm font-semibold">Take off the site</p>
      {at ? (
        <>
          <p className="text-sm" data-testid="unpublish-at">
            Comes off the site at <strong>{formatDateAtTime(new Date(at), timeZone)}</strong> ({timeZone}){setBy ? `, set by ${setBy}` : ""}.
          </p>
          <div>
            <button type="button" disabled={pending} onClick={() => send("", false)} className="rounded border border-neutral-400 px-2 py-1 text-xs">
              Cancel scheduled unpublish
            </button>
          </div>
        </>
      ) : (
        <>
          <label htmlFor="unpublishAt" className="text-sm">
            At ({timeZone})
          </label>
          <input
            id="unpublishAt"
            type="datetime-local"
            step={1}
            value={local}
            onChange={(e) => setLocal(e.target.value)}
            aria-describedby="unpublishAt-error"
            aria-invalid={Boolean(error.unpublishAt)}
            className={inputClass}
          />
          <div>
            <button type="button" disabled={pending || !local} onClick={() => send(local, true)} className="rounded border border-neutral-400 px-2 py-1 text-xs font-semibold">
              Schedule unpublish
            </button>
          </div>
        </>
      )}
      <FieldError name="unpublishAt" errors={error} />
      {message ? (
        <p role="status" className="text-xs text-neutral-600">
          {message}
        </p>
      ) : null}
    </div>
  );
}
