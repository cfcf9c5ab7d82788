import type { JSONContent } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { clearBackup, liveSnapshots, readBackup, writeBackup, type Backup } from "./browser-backup";
import type { EditorStory } from "./types";
import type { StoryForm } from "./use-story-form";

/**
 * Keeps unsaved work safe in this browser: after every render the form's snapshot is handed
 * to this tab's next editor instance and, while there are unsaved changes, stored in
 * localStorage. On mount, a stored backup that differs from the saved story is offered once
 * (`offer`), unless this instance took over from another in this tab.
 * Returns the offer, `dismiss` (hide it), `discard` (delete the backup and hide it), and
 * `recordBody`, which the body editor calls on every change (its text is not in React state).
 */
export function useBrowserBackup(story: EditorStory, form: StoryForm) {
  const [offer, setOffer] = useState<Backup | null>(null);
  const snapshotRef = useRef(form.snapshot);
  const { id, dirty, versionRef } = form;

  useEffect(() => {
    snapshotRef.current = form.snapshot;
    if (id) liveSnapshots.set(id, form.snapshot());
    if (dirty) writeBackup(id ?? "new", form.snapshot(), versionRef.current);
  });

  // A backup left in this browser by a crashed tab or a failed network: offer it once.
  useEffect(() => {
    const found = readBackup(story.id ?? "new");
    if (!found || form.handedOver) return;
    const differs =
      found.snapshot.title !== story.title ||
      found.snapshot.dek !== story.dek ||
      JSON.stringify(found.snapshot.body) !== JSON.stringify(story.body);
    // localStorage exists only in the browser, so the offer can only be made after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (differs) setOffer(found);
    else clearBackup(story.id ?? "new");
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const recordBody = (json: JSONContent) => {
    const current = form.idRef.current;
    if (current) liveSnapshots.set(current, { ...snapshotRef.current(), body: json, dirty: true });
    writeBackup(current ?? "new", { ...snapshotRef.current(), body: json, dirty: true }, versionRef.current);
  };

  return {
    offer,
    dismiss: () => setOffer(null),
    discard: () => {
      clearBackup(id ?? "new");
      setOffer(null);
    },
    recordBody,
  };
}
