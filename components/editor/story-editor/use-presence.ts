import { useEffect, useRef, useState } from "react";
import type { EditorActions } from "./types";

const PRESENCE_EVERY_MS = 8_000;

/**
 * Who else has story `id` open: the names of the others, refreshed every 8 seconds while
 * mounted (none for an unsaved story). A failed heartbeat keeps the last list.
 */
export function usePresence(id: string | undefined, presence: EditorActions["presence"]): string[] {
  const [others, setOthers] = useState<string[]>([]);
  // The latest action, without restarting the heartbeat when the page passes a new reference.
  const presenceRef = useRef(presence);
  useEffect(() => {
    presenceRef.current = presence;
  });
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    const beat = async () => {
      const r = await presenceRef.current(id).catch(() => null);
      if (!stopped && r?.ok) setOthers(r.others);
    };
    void beat();
    const timer = setInterval(beat, PRESENCE_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id]);
  return others;
}
