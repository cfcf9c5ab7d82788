"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { countOf } from "@/lib/text/count";
import { bulkStoriesAction, type BulkSummary } from "../stories/actions";

const DONE: Record<BulkSummary["action"], string> = { publish: "Published", unpublish: "Unpublished", tag: "Tagged", trash: "Moved to the trash" };
const NOT_DONE: Record<BulkSummary["action"], string> = { publish: "Not published", unpublish: "Not unpublished", tag: "Not tagged", trash: "Not moved" };

/** The id of the form the list's checkboxes belong to (they sit in the table, outside it). */
export const BULK_FORM = "bulk-form";

/**
 * Editors: one action for the ticked stories of the list (publish, unpublish, add a tag,
 * move to the trash), with a summary of what was done and what was refused, and why.
 * Unpublishing several stories asks first, inside the page.
 */
export function BulkBar() {
  const [state, action, pending] = useActionState<FormState<BulkSummary>, FormData>(bulkStoriesAction, {});
  const [chosen, setChosen] = useState("publish");
  const [asking, setAsking] = useState(0);
  const confirmed = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const [, startTransition] = useTransition();
  const ticked = () => document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="ids"]:checked`).length;
  const summary = state.ok ? state.data : undefined;
  // Once an action has run, its stories are unticked (so it is not applied twice by mistake).
  useEffect(() => {
    if (!state.ok) return;
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][type="checkbox"]`)) box.checked = false;
  }, [state]);
  return (
    <form
      id={BULK_FORM}
      ref={form}
      // Sent by hand, not through `action`: React would reset the form (the chosen action
      // included) whenever the answer arrives, even after new ticks.
      onSubmit={(e) => {
        e.preventDefault();
        // Nothing ticked: the server's answer says so.
        if (chosen === "unpublish" && !confirmed.current && ticked() > 0) {
          setAsking(ticked());
          return;
        }
        confirmed.current = false;
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      aria-label="Selected stories"
      className="flex flex-col gap-2 rounded border border-neutral-200 bg-white p-3 text-sm"
      data-testid="bulk-bar"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-xs font-semibold uppercase tracking-wide text-neutral-600">With the selected stories</span>
          <Select name="action" size="sm" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="publish">Publish</option>
            <option value="unpublish">Unpublish</option>
            <option value="tag">Add a tag</option>
            <option value="trash">Move to trash</option>
          </Select>
        </label>
        {chosen === "tag" ? (
          <label className="flex flex-col gap-1">
            <span className="text-xs font-semibold uppercase tracking-wide text-neutral-600">Tag</span>
            <Input name="tag" size="sm" dir="auto" aria-invalid={state.fields?.tag ? true : undefined} />
          </label>
        ) : null}
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? "Working…" : "Apply"}
        </Button>
      </div>
      <FormStatus error={state.error} message={summary ? `${DONE[summary.action]}: ${countOf(summary.done.length, "story", "stories")}.` : undefined} testId="bulk-status" />
      {summary && summary.failed.length > 0 ? (
        <ul className="list-disc ps-5 text-red-800" data-testid="bulk-failed">
          {summary.failed.map((f, i) => (
            <li key={i}>
              {NOT_DONE[summary.action]}: <span dir="auto">“{f.title}”</span>: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={asking > 0}
        title={`Unpublish ${countOf(asking, "story", "stories")}?`}
        confirmLabel="Unpublish"
        onCancel={() => setAsking(0)}
        onConfirm={() => {
          setAsking(0);
          confirmed.current = true;
          form.current?.requestSubmit();
        }}
      >
        <p>They leave the site at once: their pages answer “not found”, and they drop off the front page, sections, feeds and search. Each keeps its dates.</p>
      </ConfirmDialog>
    </form>
  );
}

/** The list's "select all" checkbox: ticks or clears every story of the page. */
export function SelectAll() {
  return (
    <input
      type="checkbox"
      // In the bulk form without a name: cleared with the ticks when an action has run.
      form={BULK_FORM}
      aria-label="Select every story on this page"
      onChange={(e) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="ids"]`)) box.checked = e.target.checked;
      }}
    />
  );
}
