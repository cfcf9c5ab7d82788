"use client";

import type { ReactNode } from "react";
import { inputClass } from "./fields";

/**
 * The schedule form: a publication time typed as wall-clock time in the newsroom's zone
 * (`value` as "YYYY-MM-DDTHH:mm:ss"), with Schedule and Cancel.
 */
export function SchedulePanel(props: {
  timeZone: string;
  value: string;
  onChange: (v: string) => void;
  pending: boolean;
  onSchedule: () => void;
  onCancel: () => void;
  error: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 rounded border border-neutral-300 bg-white p-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="schedule-at" className="text-sm font-semibold">
          Publish at ({props.timeZone})
        </label>
        <input
          id="schedule-at"
          type="datetime-local"
          step={1}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          className={`${inputClass} text-sm`}
        />
        {props.error}
      </div>
      <button type="button" disabled={props.pending} onClick={props.onSchedule} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Schedule
      </button>
      <button type="button" onClick={props.onCancel} className="rounded px-3 py-2 text-sm">
        Cancel
      </button>
    </div>
  );
}
