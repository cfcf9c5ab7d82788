"use client";

import Link from "next/link";
import { formatDateAtTime } from "@/lib/dates/format";
import type { DeskStatus } from "@/lib/stories/story-schema";
import { StatusMark } from "@/components/dashboard/status-mark";
import type { Backup } from "./browser-backup";
import type { SaveUi } from "./types";
import { PreviewLink } from "./preview-panel";

/** The top row: the story's desk state, links to its history, preview and public page, and the save status line. */
export function StatusBar(props: { id?: string; status: DeskStatus; slug: string; ui: SaveUi; dirty: boolean; pendingChanges?: boolean }) {
  const { id, status, ui } = props;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm">
        <StatusMark status={status} testId="story-status" />
        {id ? (
          <Link href={`/dashboard/stories/${id}/history`} className="ml-3 text-neutral-700 underline">
            History
          </Link>
        ) : null}
        {id ? (
          <span className="ml-3">
            <PreviewLink id={id} dirty={props.dirty} pendingChanges={props.pendingChanges} />
          </span>
        ) : null}
        {status === "published" && id ? (
          <Link href={`/news/${props.slug}`} className="ml-3 text-neutral-700 underline" target="_blank">
            View on site
          </Link>
        ) : null}
      </p>
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        className={`text-sm ${ui.state === "error" ? "font-semibold text-red-700" : "text-neutral-600"}`}
      >
        {ui.state === "idle" ? (props.dirty ? "Unsaved changes" : "") : ui.message}
      </p>
    </div>
  );
}

/** Who else has the story open (nothing when nobody). */
export function PresenceNote({ others }: { others: string[] }) {
  if (others.length === 0) return null;
  return (
    <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="presence">
      Also open by {others.join(", ")}. Save often; if you both save, the second save is stopped and shown both versions.
    </p>
  );
}

/** The offer to restore unsaved text found in this browser, dated in the newsroom's zone. */
export function BackupOffer(props: { backup: Backup; timeZone: string; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="backup-offer">
      <span>
        Unsaved text from {formatDateAtTime(new Date(props.backup.at), props.timeZone)} ({props.timeZone}) was found in this browser.
      </span>
      <button type="button" onClick={props.onRestore} className="rounded bg-neutral-900 px-3 py-1 font-semibold text-white">
        Restore unsaved text
      </button>
      <button type="button" onClick={props.onDiscard} className="rounded border border-neutral-400 px-3 py-1">
        Discard it
      </button>
    </div>
  );
}
