"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";

/**
 * A question asked inside the page before an action readers would notice (unpublish, delete
 * for good): a modal `<dialog>` (the browser keeps focus inside it and Escape cancels), with
 * Cancel focused first so Enter never confirms by accident. Replaces `window.confirm()`,
 * which cannot say what will happen in the desk's own words and blocks the whole tab.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  /** What will happen, in words. */
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
}) {
  const { open, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-neutral-300 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-black/40"
    >
      {open ? (
        <div className="flex flex-col gap-3 p-5">
          <h2 id={titleId} className="text-lg font-bold">
            {props.title}
          </h2>
          <div className="text-sm text-neutral-700">{props.children}</div>
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <Button variant="secondary" size="sm" autoFocus onClick={onCancel}>
              Cancel
            </Button>
            <Button variant="danger" size="sm" disabled={props.pending} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
