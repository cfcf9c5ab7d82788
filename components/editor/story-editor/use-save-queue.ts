import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { bodyTooLarge, type SaveIntent } from "@/lib/stories/story-schema";
import { utf8Bytes } from "@/lib/text/clean";
import { clearBackup, liveSnapshots } from "./browser-backup";
import { initialSaveQueue, isNewerVersionConflict, savedMessage, saveQueueStep, type SaveQueueEvent } from "./save-queue";
import type { Conflict, EditorActions, EditorStory, SaveStoryResult, SaveUi } from "./types";
import type { ScheduleState } from "./use-schedule";
import type { StoryForm } from "./use-story-form";

const AUTOSAVE_IDLE_MS = 4_000;

const UNREACHABLE =
  "The save did not reach the server (the connection failed or the request was refused). Your text is still here; try again.";

/**
 * Saving: one save at a time through the queue in save-queue.ts, autosave of drafts four
 * seconds after typing stops (never a live story: its readers see only deliberate saves),
 * Ctrl/Cmd+S, the conflict view when someone else saved first, and deleting.
 * Nothing typed is lost on a failed save: the fields keep their text and the error is shown.
 * A save refused because the session ended sets `signedOut`; after signing in again in the
 * page, `retryAfterSignIn` sends it again.
 * Returns the status line `ui`, `pending`, the `conflict`, `signedOut`, and the commands.
 */
export function useSaveQueue(args: { story: EditorStory; form: StoryForm; schedule: ScheduleState; actions: EditorActions }) {
  const { story, form, schedule, actions } = args;
  const editable = story.canEdit;
  const router = useRouter();
  const [ui, setUi] = useState<SaveUi>({ state: "idle", message: "", fields: {} });
  const [pending, startTransition] = useTransition();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // A save that came back "signed out": the text stays, the sign-in prompt shows, and this
  // save is sent again once signed in.
  const [signedOut, setSignedOut] = useState<{ intent: SaveIntent; autosave: boolean } | null>(null);
  const queue = useRef(initialSaveQueue);
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef<(intent: SaveIntent, opts?: { autosave?: boolean; reviewNote?: string }) => void>(() => {});
  // The note of a submission or return, kept until that save is sent (it may wait in the queue).
  const reviewNoteRef = useRef("");
  const statusRef = useRef(form.status);
  const step = (event: SaveQueueEvent) => {
    const next = saveQueueStep(queue.current, event);
    queue.current = next.state;
    return next.effect;
  };

  /** Marks a change: unsaved, and an autosave due once typing stops. */
  const touch = () => {
    step({ type: "edit" });
    form.setDirty(true);
    if (ui.state === "saved") setUi({ state: "idle", message: "", fields: {} });
    if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
    autosaveTimer.current = setTimeout(() => saveRef.current("save", { autosave: true }), AUTOSAVE_IDLE_MS);
  };

  const save = (intent: SaveIntent, opts: { autosave?: boolean; reviewNote?: string } = {}) => {
    const autosave = opts.autosave === true;
    if (opts.reviewNote !== undefined) reviewNoteRef.current = opts.reviewNote;
    // Autosave only a draft-like story with a headline.
    const autosaveAllowed = editable && statusRef.current !== "published" && Boolean(form.title.trim());
    const decision = step({ type: "request", intent, autosave, autosaveAllowed });
    if (decision.type === "skip") return;
    if (!autosave && autosaveTimer.current) clearTimeout(autosaveTimer.current);
    if (decision.type === "queued") return;
    const bodyJson = JSON.stringify(form.bodyRef.current);
    const tooLarge = bodyTooLarge(utf8Bytes(bodyJson));
    if (tooLarge) {
      setUi({ state: "error", message: tooLarge, fields: {} });
      return;
    }
    step({ type: "start" });
    const review = intent === "submit" || intent === "return" ? { reviewNote: reviewNoteRef.current } : {};
    const input = { ...form.toInput(intent, bodyJson, schedule.scheduleAt), ...review };
    setUi({ state: "saving", message: autosave ? "Autosaving…" : "Saving…", fields: {} });
    startTransition(async () => {
      let result: SaveStoryResult;
      try {
        result = await actions.saveStory(input, { autosave });
      } catch {
        result = { ok: false, code: "internal", error: UNREACHABLE };
      }
      if (!result.ok) {
        const id = form.idRef.current;
        const newerVersion = isNewerVersionConflict(result) && Boolean(id);
        step({ type: "fail", conflict: newerVersion });
        setUi({ state: "error", message: result.error, fields: result.fields ?? {} });
        if (result.code === "unauthorized") {
          // A deliberate save outranks an autosave waiting for the same sign-in.
          setSignedOut((waiting) => (waiting && !waiting.autosave && autosave ? waiting : { intent, autosave }));
        }
        if (newerVersion && id) {
          const theirs = await actions.conflictView(id);
          if (theirs.ok) setConflict({ ...theirs, intent });
        }
        return;
      }
      const done = step({ type: "succeed", changed: result.changed });
      if (done.type !== "done") return;
      if (!result.changed) {
        form.setDirty(false);
        setUi({ state: "saved", message: savedMessage(intent, { autosave, changed: false, unsavedEdits: false }), fields: {} });
        return;
      }
      form.setBase({ id: result.id, version: result.version });
      statusRef.current = result.status;
      form.setVersion(result.version);
      form.setStatus(result.status);
      form.setPublishedAt(result.publishedAt);
      schedule.setScheduling(false);
      if (intent === "submit" || intent === "return") reviewNoteRef.current = "";
      if (intent === "update" || intent === "minor") {
        form.setSaveKind("");
        form.setNote("");
      }
      form.setSlug(result.slug);
      form.setSlugTouched(true);
      // Edits typed while the save was on its way are not in it: they stay unsaved.
      form.setDirty(done.unsavedEdits);
      if (!done.unsavedEdits) clearBackup(story.id ?? result.id);
      setUi({ state: "saved", message: savedMessage(intent, { autosave, changed: true, unsavedEdits: done.unsavedEdits }), fields: {} });
      if (!story.id && result.id) {
        form.setId(result.id);
        window.history.replaceState(null, "", `/dashboard/stories/${result.id}`);
      }
      // Run the queued save after React has applied the new id and version.
      const next = done.next;
      if (next) setTimeout(() => saveRef.current(next), 0);
    });
  };

  useEffect(() => {
    saveRef.current = save;
  });

  // Ctrl/Cmd+S saves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (editable) saveRef.current("save");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editable]);

  /** Saves a live story as the chosen kind (update or minor edit); asks for the kind first. */
  const saveLive = () => {
    if (!form.saveKind) {
      setUi({ state: "error", message: "Choose how readers see this save: update or minor edit.", fields: {} });
      return;
    }
    save(form.saveKind);
  };

  /** After a conflict: saves this text on top of their version, deliberately. */
  const keepMine = () => {
    if (!conflict) return;
    form.setBase({ version: conflict.version });
    step({ type: "resolve" });
    const intent = conflict.intent;
    setConflict(null);
    save(intent);
  };

  /** After a conflict: drops the unsaved text (once confirmed) and reloads the saved version. */
  const loadTheirs = () => {
    if (!window.confirm("Discard your unsaved changes and load the saved version?")) return;
    if (form.id) liveSnapshots.delete(form.id);
    clearBackup(form.id ?? "new");
    form.setDirty(false);
    window.location.reload();
  };

  /**
   * After signing in again: sends the save that came back "signed out" once more, built from
   * the fields as they are now and on the version the editor had (so the usual conflict check
   * applies).
   */
  const retryAfterSignIn = () => {
    const waiting = signedOut;
    setSignedOut(null);
    if (waiting) save(waiting.intent, { autosave: waiting.autosave });
  };

  /** Runs a trash action on the saved story; on success `then(id)`, else the error in the status line. */
  const onStory = (call: (id: string) => Promise<{ ok: true } | { ok: false; error: string }>, then: (id: string) => void) => {
    const id = form.id;
    if (!id) return;
    startTransition(async () => {
      const r = await call(id);
      if (!r.ok) setUi({ state: "error", message: r.error, fields: {} });
      else then(id);
    });
  };

  /**
   * Moves the story to the trash (no question: it can be restored for 30 days), then goes to
   * the desk, which offers Undo.
   */
  const remove = () =>
    onStory(actions.trashStory, (id) => {
      form.setDirty(false);
      if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
      clearBackup(id);
      router.push(`/dashboard?trashed=${id}`);
    });

  /** Takes a trashed story out of the trash and reloads it, editable again. */
  const restoreFromTrash = () => onStory(actions.restoreFromTrash, () => window.location.reload());

  return { ui, pending, conflict, signedOut, retryAfterSignIn, touch, save, saveLive, keepMine, loadTheirs, remove, restoreFromTrash };
}
