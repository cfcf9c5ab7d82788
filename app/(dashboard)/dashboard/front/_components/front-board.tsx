"use client";

/**
 * The front page's positions: the lead, then the top stories. Each shows its story and whether
 * an editor pinned it (until when, by whom) or the automatic rule filled it (and which). Pin a
 * story to a position with an optional end, or preview that first; unpin; move a pinned story
 * up or down (buttons, so the keyboard does everything a mouse does).
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import { formatDateAtTime } from "@/lib/dates/format";
import { moveFrontAction, pinFrontAction, unpinFrontAction } from "../actions";
import type { PreviewRequest } from "./front-preview";
import { useRun } from "./use-run";

/** How a position was filled (lib/front/arrange.ts FrontFill). */
export type SlotFill = "pinned" | "newest" | "breaking" | "photo";

export interface SlotView {
  position: number;
  id: string;
  title: string;
  pinned: boolean;
  fill: SlotFill;
  pinnedUntil: string | null;
  setByName: string | null;
}

const POSITIONS = 7;
const label = (position: number) => (position === 0 ? "Lead story" : `Top story ${position}`);
const AUTOMATIC: Record<Exclude<SlotFill, "pinned">, string> = {
  newest: "the newest story",
  breaking: "the newest breaking story",
  photo: "the newest story with a photo",
};

export function FrontBoard({
  slots,
  candidates,
  timeZone,
  rule,
  onPreview,
}: {
  slots: SlotView[];
  candidates: { id: string; title: string }[];
  timeZone: string;
  /** The automatic rule in force: its value and its words. */
  rule: { value: string; label: string };
  onPreview: (request: PreviewRequest) => void;
}) {
  const { pending, state, run } = useRun();
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [until, setUntil] = useState<Record<number, string>>({});
  const pin = (position: number) => run(() => pinFrontAction(position, choice[position]!, until[position] ?? ""), `Pinned to the ${label(position).toLowerCase()} position.`);
  const titleOf = (id: string) => candidates.find((c) => c.id === id)?.title ?? "the story";

  return (
    <div className="flex flex-col gap-4">
      <ol className="flex flex-col gap-3" aria-label="Front page positions">
        {Array.from({ length: POSITIONS }, (_, position) => {
          const slot = slots.find((s) => s.position === position);
          const pickId = `pick-${position}`;
          const untilId = `until-${position}`;
          return (
            <li key={position} className="flex flex-col gap-2 rounded border border-neutral-300 bg-white p-3" data-testid="front-slot">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-sm font-bold uppercase tracking-wide text-neutral-600">{label(position)}</h2>
                <span className={`text-xs ${slot?.pinned ? "font-semibold text-violet-900" : "text-neutral-500"}`} data-testid="front-slot-fill">
                  {slot?.pinned
                    ? `Pinned${slot.pinnedUntil ? ` until ${formatDateAtTime(new Date(slot.pinnedUntil), timeZone)} (${timeZone})` : ""}${slot.setByName ? ` by ${slot.setByName}` : ""}`
                    : `Automatic: ${AUTOMATIC[slot?.fill === "breaking" || slot?.fill === "photo" ? slot.fill : "newest"]}${rule.value === "newest" ? "" : ` (rule: ${rule.label})`}`}
                </span>
              </div>
              <p className="font-serif text-lg font-bold" dir="auto" data-testid="front-slot-title">
                {slot?.title ?? "—"}
              </p>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                <span className="flex flex-col gap-1 sm:min-w-0 sm:flex-1">
                  <label htmlFor={pickId} className="text-xs font-semibold">
                    Pin a story here
                  </label>
                  <Select id={pickId} size="sm" value={choice[position] ?? ""} onChange={(e) => setChoice({ ...choice, [position]: e.target.value })}>
                    <option value="">Choose a published story…</option>
                    {candidates.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.title}
                      </option>
                    ))}
                  </Select>
                </span>
                <span className="flex flex-col gap-1">
                  <label htmlFor={untilId} className="text-xs font-semibold">
                    Until ({timeZone}, optional)
                  </label>
                  <input id={untilId} type="datetime-local" step={1} value={until[position] ?? ""} onChange={(e) => setUntil({ ...until, [position]: e.target.value })} className="rounded border border-neutral-400 px-2 py-1 text-sm" />
                </span>
                <span className="flex gap-2">
                  <Button size="sm" disabled={pending || !choice[position]} onClick={() => pin(position)}>
                    Pin
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={!choice[position]}
                    aria-label={`Preview ${label(position)}`}
                    onClick={() => onPreview({ query: `pin=${position}&story=${choice[position]}`, what: `“${titleOf(choice[position]!)}” as the ${label(position).toLowerCase()}`, save: () => pin(position) })}
                  >
                    Preview
                  </Button>
                </span>
              </div>
              {slot?.pinned ? (
                <div className="flex flex-wrap gap-2">
                  <Button size="xs" variant="secondary" disabled={pending} onClick={() => run(() => unpinFrontAction(position), "Unpinned.")} aria-label={`Unpin ${label(position)}`}>
                    Unpin
                  </Button>
                  {position > 0 ? (
                    <Button size="xs" variant="secondary" disabled={pending} onClick={() => run(() => moveFrontAction(position, "up"), "Moved up.")} aria-label={`Move ${label(position)} up`}>
                      Move up
                    </Button>
                  ) : null}
                  {position < POSITIONS - 1 ? (
                    <Button size="xs" variant="secondary" disabled={pending} onClick={() => run(() => moveFrontAction(position, "down"), "Moved down.")} aria-label={`Move ${label(position)} down`}>
                      Move down
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <FormStatus error={state.error} message={state.message} testId="front-status" />
    </div>
  );
}
