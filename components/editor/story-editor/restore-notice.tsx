"use client";

import { Button } from "@/components/ui/button";
import { formatDateAtTime } from "@/lib/dates/format";
import type { RestoreOfferView } from "./types";

const NOTE_LABEL = { update: "Update", correction: "Correction", clarification: "Clarification" } as const;

/**
 * An old version's text loaded into a live story, not yet saved: what happens next (the
 * update / minor-edit question below), the public notes that stay on the story, and Undo.
 */
export function RestoreNotice(props: { offer: RestoreOfferView; timeZone: string; onUndo: () => void }) {
  const { offer, timeZone } = props;
  const later = offer.notes.some((n) => n.afterRestored);
  return (
    <section aria-labelledby="restore-heading" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="restore-notice">
      <h2 id="restore-heading" className="font-semibold">
        Version {offer.version} is in the editor, not saved yet
      </h2>
      <p>
        Readers still see the current version. Choose below how they see this one: an update moves “Last Updated On” and can carry a note; a minor
        edit changes no date.
      </p>
      {offer.notes.length > 0 ? (
        <>
          <p>These public notes stay on the story:</p>
          <ul className="list-disc ps-5">
            {offer.notes.map((n, i) => (
              <li key={i} dir="auto">
                <strong>{NOTE_LABEL[n.kind]}</strong> ({formatDateAtTime(new Date(n.at), timeZone)}): {n.note}
                {n.afterRestored ? <em className="ms-1 text-amber-900">(written after version {offer.version})</em> : null}
              </li>
            ))}
          </ul>
          {later ? <p>A note written after version {offer.version} may describe a fix this text does not have: say so in an update note.</p> : null}
        </>
      ) : (
        <p>The story has no public notes.</p>
      )}
      <p>
        <Button size="sm" variant="secondary" onClick={props.onUndo}>
          Undo restore
        </Button>
      </p>
    </section>
  );
}
