"use client";

import { useState, type ReactNode } from "react";
import { inputClass } from "./fields";

/** One chosen item: its key (what is stored), what is shown, and an optional note beside it. */
export interface Chip {
  key: string;
  label: string;
  note?: string;
}

/** How new items are added: free text with suggestions, or a choice from a list. */
export type ChipAdder =
  | { kind: "text"; inputId: string; label: string; suggestionsId: string; suggestions: { id: string; name: string }[] }
  | { kind: "select"; inputId: string; label: string; placeholder: string; choices: { id: string; name: string }[] };

/**
 * A list of chosen items (tags, bylines) with a remove button on each and an adder below,
 * inside a fieldset titled `legend`. `onAdd` gets the draft and returns whether it was taken
 * (the draft is then cleared). `hint` shows under the adder; `readOnlyHint` in its place when
 * the viewer may not change the list.
 */
export function ChipPicker(props: {
  legend: string;
  listLabel: string;
  /** The remove button's accessible name for an item, e.g. "Remove tag Politics". */
  removeLabel: (chip: Chip) => string;
  chips: Chip[];
  canChange: boolean;
  adder: ChipAdder;
  onAdd: (draft: string) => boolean;
  onRemove: (key: string) => void;
  hint?: ReactNode;
  readOnlyHint?: ReactNode;
  error?: ReactNode;
}) {
  const { adder } = props;
  const [draft, setDraft] = useState("");
  const add = () => {
    if (props.onAdd(draft)) setDraft("");
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-semibold">{props.legend}</legend>
      <ol className="flex flex-col gap-1" aria-label={props.listLabel}>
        {props.chips.map((c) => (
          <li key={c.key} className="flex items-center justify-between rounded bg-white px-2 py-1 text-sm ring-1 ring-neutral-200">
            <span>
              {c.label}
              {c.note ? <span className="ml-2 text-xs text-neutral-500">{c.note}</span> : null}
            </span>
            {props.canChange ? (
              <button type="button" aria-label={props.removeLabel(c)} onClick={() => props.onRemove(c.key)} className="px-1 text-neutral-500 hover:text-red-700">
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {props.canChange ? (
        <div className="flex gap-2">
          <label htmlFor={adder.inputId} className="sr-only">
            {adder.label}
          </label>
          {adder.kind === "text" ? (
            <>
              <input
                id={adder.inputId}
                list={adder.suggestionsId}
                value={draft}
                placeholder={adder.label}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    add();
                  }
                }}
                className={`${inputClass} text-sm`}
              />
              <datalist id={adder.suggestionsId}>
                {adder.suggestions.map((t) => (
                  <option key={t.id} value={t.name} />
                ))}
              </datalist>
            </>
          ) : (
            <select id={adder.inputId} value={draft} onChange={(e) => setDraft(e.target.value)} className={`${inputClass} text-sm`}>
              <option value="">{adder.placeholder}</option>
              {adder.choices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" onClick={add} className="rounded border border-neutral-400 px-3 text-sm font-semibold">
            Add
          </button>
        </div>
      ) : (
        props.readOnlyHint
      )}
      {props.hint}
      {props.error}
    </fieldset>
  );
}
