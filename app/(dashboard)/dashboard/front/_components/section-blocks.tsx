"use client";

/**
 * The section blocks below the front page's top stories: which sections, in what order. Move
 * a section up or down with its buttons (or drag it), remove it, add another; then save or
 * preview. "Back to automatic" returns to the first four sections of the navigation.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import { setSectionBlocksAction } from "../actions";
import type { PreviewRequest } from "./front-preview";
import { useRun } from "./use-run";

interface Section {
  id: string;
  name: string;
}

/** How many blocks the front page shows at most (MAX_SECTION_BLOCKS in lib/front/arrange.ts). */
const MAX_BLOCKS = 8;

export function SectionBlocks({ chosen, blocks, sections, onPreview }: { chosen: boolean; blocks: Section[]; sections: Section[]; onPreview: (request: PreviewRequest) => void }) {
  const { pending, state, run } = useRun();
  const key = (list: Section[]) => list.map((s) => s.id).join(",");
  const [order, setOrder] = useState<Section[]>(blocks);
  // When the saved blocks change (saved here, or back to automatic), the list starts from them.
  const [saved, setSaved] = useState(`${chosen}:${key(blocks)}`);
  if (saved !== `${chosen}:${key(blocks)}`) {
    setSaved(`${chosen}:${key(blocks)}`);
    setOrder(blocks);
  }
  const [adding, setAdding] = useState("");
  const [dragged, setDragged] = useState<number | null>(null);
  const changed = key(order) !== key(blocks) || !chosen;
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setOrder(next);
  };
  const addable = sections.filter((s) => !order.some((o) => o.id === s.id));
  const save = () => run(() => setSectionBlocksAction(order.map((s) => s.id)), "Section blocks saved.");
  const names = order.map((s) => s.name).join(", ") || "no section blocks";

  return (
    <section aria-labelledby="section-blocks-heading" className="flex flex-col gap-3 rounded border border-neutral-300 bg-white p-3" data-testid="section-blocks">
      <div>
        <h2 id="section-blocks-heading" className="text-sm font-bold uppercase tracking-wide text-neutral-600">
          Section blocks
        </h2>
        <p className="text-sm text-neutral-600" data-testid="section-blocks-state">
          {chosen ? "Chosen by editors, in this order." : "Automatic: the first four sections of the navigation, in its order."} Each block shows its section’s newest stories below the top stories.
        </p>
      </div>
      {order.length === 0 ? (
        <p className="text-sm text-neutral-600">No section blocks: the front page ends after the top stories and “Latest”.</p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label="Section blocks, in order">
          {order.map((s, i) => (
            <li
              key={s.id}
              draggable
              onDragStart={() => setDragged(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, i);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              className={`flex flex-wrap items-center justify-between gap-2 rounded border px-2 py-1.5 ${dragged === i ? "border-neutral-900 bg-neutral-100" : "border-neutral-200"}`}
              data-testid="section-block-item"
            >
              <span className="flex items-center gap-2 text-sm">
                <span aria-hidden className="cursor-grab select-none text-neutral-400">
                  ⠿
                </span>
                <span className="font-semibold" data-testid="section-block-name">
                  {s.name}
                </span>
              </span>
              <span className="flex gap-1">
                <Button size="xs" variant="secondary" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move ${s.name} up`}>
                  Up
                </Button>
                <Button size="xs" variant="secondary" disabled={i === order.length - 1} onClick={() => move(i, i + 1)} aria-label={`Move ${s.name} down`}>
                  Down
                </Button>
                <Button size="xs" variant="secondary" onClick={() => setOrder(order.filter((o) => o.id !== s.id))} aria-label={`Remove ${s.name}`}>
                  Remove
                </Button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {addable.length > 0 && order.length < MAX_BLOCKS ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <span className="flex flex-col gap-1">
            <label htmlFor="add-section-block" className="text-xs font-semibold">
              Add a section
            </label>
            <Select id="add-section-block" size="sm" className="w-full min-w-0" value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose a section…</option>
              {addable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </span>
          <Button
            size="sm"
            variant="secondary"
            className="self-start sm:self-auto"
            disabled={!adding}
            onClick={() => {
              const section = sections.find((s) => s.id === adding);
              if (section) setOrder([...order, section]);
              setAdding("");
            }}
          >
            Add
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={pending || !changed} onClick={save}>
          Save order
        </Button>
        <Button size="sm" variant="secondary" disabled={!changed} onClick={() => onPreview({ query: `blocks=${order.map((s) => s.id).join(",")}`, what: `the section blocks ${names}`, save })}>
          Preview order
        </Button>
        {chosen ? (
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => setSectionBlocksAction(null), "Back to the navigation’s sections.")}>
            Back to automatic
          </Button>
        ) : null}
      </div>
      <FormStatus error={state.error} message={state.message} testId="section-blocks-status" />
    </section>
  );
}
