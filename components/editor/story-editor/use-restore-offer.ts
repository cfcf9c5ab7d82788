import { useEffect, useState } from "react";
import type { EditorSnapshot, RestoreOfferView } from "./types";
import type { StoryForm } from "./use-story-form";

/**
 * Loads an old version's headline, dek and body into the form once, unsaved (the story's
 * other fields stay), and drops `?restore=` from the address so a reload shows the saved
 * story. `undo` puts the saved text back.
 * @returns the offer while it applies (null after Undo), and `undo`.
 */
export function useRestoreOffer(offer: RestoreOfferView | undefined, form: StoryForm, touch: () => void) {
  const [state, setState] = useState<{ offer: RestoreOfferView; saved: EditorSnapshot } | null>(null);
  useEffect(() => {
    if (!offer) return;
    const saved = form.snapshot();
    form.restore({ ...saved, title: offer.title, dek: offer.dek, body: offer.body });
    touch();
    // The saved text is read from the form as first rendered, so this runs after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState({ offer, saved });
    window.history.replaceState(null, "", window.location.pathname);
    // Once, on opening: the offer comes with the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const undo = () => {
    if (!state) return;
    form.restore(state.saved);
    form.setDirty(false);
    setState(null);
  };
  return { offer: state?.offer ?? null, undo };
}
