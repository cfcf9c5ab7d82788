"use client";

/**
 * The story editor: headline, dek, slug, body, excerpt, tags, bylines, language, breaking
 * flag, and the actions the viewer's role allows. The server decides again on every save
 * (lib/articles/desk.ts); hiding a button is only courtesy.
 *
 * Nothing typed is ever lost on a failed save: all fields live in this component's state,
 * the error is shown beside them, and leaving with unsaved changes asks first.
 */
import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import {
  conflictViewAction,
  deleteStoryAction,
  presenceAction,
  saveStoryAction,
  type SaveResult,
} from "@/app/(dashboard)/dashboard/stories/actions";
import type { DeskStory } from "@/lib/articles/desk";
import { bodyTooLarge, DESK_STATUS_LABELS, type DeskStatus, type SaveIntent } from "@/lib/articles/story-schema";
import { utf8Bytes } from "@/lib/text/clean";
import { makeSlug } from "@/lib/articles/slug";
import { directionOf, STORY_LANGUAGES } from "@/lib/i18n/languages";
import { RichTextEditor } from "./rich-text";
import { PhotoDetails } from "@/components/media/photo-details";
import { updateMediaAction } from "@/app/(dashboard)/dashboard/media/actions";
import { PhotoPicker } from "@/components/media/photo-picker";
import type { LibraryPhoto } from "@/lib/media/body";

/** A story as the editor holds it: the desk's fields, with instants as ISO strings. */
export type EditorStory = Omit<DeskStory, "id" | "version" | "publishedAt" | "lastUpdatedAt" | "updatedAt"> & {
  id?: string;
  version?: number;
  /** The story has been public at some point (its slug is in readers' hands). */
  everPublished: boolean;
  /** ISO instant of publication (the scheduled one while in the future). */
  publishedAt: string | null;
};

interface Props {
  story: EditorStory;
  role: "writer" | "editor" | "admin";
  /** The newsroom's IANA time zone: schedules are typed and shown in it. */
  timeZone: string;
  options: { tags: { id: string; name: string }[]; bylines: { id: string; name: string; retired?: boolean }[] };
}

type SaveUi = { state: "idle" | "saving" | "saved" | "error"; message: string; fields: Record<string, string> };

interface EditorSnapshot {
  version?: number;
  status: DeskStatus;
  publishedAt: string | null;
  title: string;
  dek: string;
  slug: string;
  slugTouched: boolean;
  excerpt: string;
  language: string;
  isBreaking: boolean;
  tags: string[];
  bylineIds: string[];
  body: JSONContent;
  dirty: boolean;
}

const AUTOSAVE_IDLE_MS = 4_000;
const PRESENCE_EVERY_MS = 8_000;

interface Conflict {
  intent: SaveIntent;
  version: number;
  title: string;
  dek: string;
  bodyText: string;
  updatedAt: string;
  updatedByName: string | null;
}

/** A copy of unsaved work kept in this browser (localStorage) until it is saved. */
interface Backup {
  at: number;
  baseVersion?: number;
  snapshot: EditorSnapshot;
}

const backupKey = (id: string) => `newsroom:unsaved-story:${id}`;

function writeBackup(id: string, snapshot: EditorSnapshot, baseVersion?: number): void {
  try {
    window.localStorage.setItem(backupKey(id), JSON.stringify({ at: Date.now(), baseVersion, snapshot } satisfies Backup));
  } catch {
    /* storage full or disabled: the server copy is the only copy */
  }
}

function readBackup(id: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function clearBackup(id: string): void {
  try {
    window.localStorage.removeItem(backupKey(id));
    window.localStorage.removeItem(backupKey("new"));
  } catch {
    /* nothing to clear */
  }
}

/** The latest state of each open story's editor in this tab, by story id (see below). */
const liveSnapshots = new Map<string, EditorSnapshot>();

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

/** A labelled two-line text field (dek, excerpt) in the story's direction. */
function TextAreaField(props: { id: string; label: string; hint?: string; value: string; disabled: boolean; error?: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-semibold">
        {props.label} {props.hint ? <span className="font-normal text-neutral-500">{props.hint}</span> : null}
      </label>
      <textarea
        id={props.id}
        rows={2}
        value={props.value}
        disabled={props.disabled}
        dir="auto"
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** An instant as "YYYY-MM-DDTHH:mm:ss" wall-clock time in `timeZone` (for datetime-local). */
function toZonedLocal(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

function formatInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

export function StoryEditor({ story, role, options, timeZone }: Props) {
  const router = useRouter();
  // A story created here moves from /stories/new to /stories/<id>; when a save refreshes the
  // page, React may mount a fresh editor for it. The last instance's state is handed over
  // (text typed after the save included), so nothing typed is lost in the switch.
  // Whether this instance took over from one in this tab (then there is nothing to offer).
  const [handedOver] = useState(() => Boolean(story.id && liveSnapshots.has(story.id)));
  const [initial] = useState<EditorSnapshot>(() => {
    const snap = story.id ? liveSnapshots.get(story.id) : undefined;
    if (snap && (snap.version ?? 0) >= (story.version ?? 0)) return snap;
    return {
      version: story.version,
      status: story.status,
      publishedAt: story.publishedAt,
      title: story.title,
      dek: story.dek,
      slug: story.slug,
      slugTouched: Boolean(story.id),
      excerpt: story.excerpt,
      language: story.language,
      isBreaking: story.isBreaking,
      tags: story.tags,
      bylineIds: story.bylineIds,
      body: story.body,
      dirty: false,
    };
  });
  const [id, setId] = useState(story.id);
  const [version, setVersion] = useState(initial.version);
  // The id and version a save must carry, updated the moment a save returns (not at the next
  // render), so a save queued behind another always builds on it.
  const idRef = useRef(story.id);
  const versionRef = useRef(initial.version);
  const [status, setStatus] = useState<DeskStatus>(initial.status);
  const [title, setTitle] = useState(initial.title);
  const titleRef = useRef(initial.title);
  const [dek, setDek] = useState(initial.dek);
  const [featured, setFeatured] = useState<LibraryPhoto | null>(story.featuredPhoto);
  const [pickingFeatured, setPickingFeatured] = useState(false);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(initial.slugTouched);
  const [excerpt, setExcerpt] = useState(initial.excerpt);
  const [language, setLanguage] = useState(initial.language);
  const [isBreaking, setIsBreaking] = useState(initial.isBreaking);
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [tagDraft, setTagDraft] = useState("");
  const [bylineIds, setBylineIds] = useState<string[]>(initial.bylineIds);
  const [bylineDraft, setBylineDraft] = useState("");
  const bodyRef = useRef<JSONContent>(initial.body);
  const [dirty, setDirty] = useState(initial.dirty);
  const [publishedAt, setPublishedAt] = useState<string | null>(initial.publishedAt);
  const [scheduling, setScheduling] = useState(false);
  const [scheduleAt, setScheduleAt] = useState(() => toZonedLocal(new Date(Date.now() + 3_600_000).toISOString(), timeZone).slice(0, 16) + ":00");
  const [saveKind, setSaveKind] = useState<"" | "minor" | "update">("");
  const [noteKind, setNoteKind] = useState<"update" | "correction" | "clarification">("update");
  const [note, setNote] = useState("");
  const [ui, setUi] = useState<SaveUi>({ state: "idle", message: "", fields: {} });
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const queued = useRef<SaveIntent | null>(null);
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const saveRef = useRef<(intent: SaveIntent, opts?: { autosave?: boolean }) => void>(() => {});
  const statusRef = useRef<DeskStatus>(initial.status);
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const conflictRef = useRef(false);
  const [others, setOthers] = useState<string[]>([]);
  const [backup, setBackup] = useState<Backup | null>(null);
  const [bodyKey, setBodyKey] = useState(0);
  const [bodyInit, setBodyInit] = useState<JSONContent>(initial.body);

  const isEditor = role === "editor" || role === "admin";
  const editable = story.canEdit;
  const dir = directionOf(language);
  const touch = () => {
    edits.current += 1;
    setDirty(true);
    if (ui.state === "saved") setUi({ state: "idle", message: "", fields: {} });
    // Autosave drafts a few seconds after typing stops (never a live story: its readers see
    // only deliberate saves).
    if (autosaveTimer.current) clearTimeout(autosaveTimer.current);
    autosaveTimer.current = setTimeout(() => saveRef.current("save", { autosave: true }), AUTOSAVE_IDLE_MS);
  };

  // Leaving with unsaved changes asks first: a reload or closed tab (beforeunload), and the
  // desk's own links and forms (sign out), which navigate without unloading the page.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    const question = "This story has unsaved changes. Leave without saving?";
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!link || e.defaultPrevented || link.getAttribute("target") === "_blank") return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onSubmit = (e: SubmitEvent) => {
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit, true);
    };
  }, [dirty]);

  const save = useCallback(
    (intent: SaveIntent, opts: { autosave?: boolean } = {}) => {
      const autosave = opts.autosave === true;
      if (autosave) {
        // Autosave only a draft-like story with a headline, never into a conflict or a live story.
        if (!editable || statusRef.current === "published" || conflictRef.current || !titleRef.current.trim()) return;
        if (inFlight.current) return;
        if (edits.current === savedEdits.current) return;
      }
      if (!autosave && autosaveTimer.current) clearTimeout(autosaveTimer.current);
      // Saves from one editor run one at a time, each carrying the latest version, so a quick
      // second save never conflicts with the first (C13); one requested meanwhile runs next.
      if (inFlight.current) {
        queued.current = intent;
        return;
      }
      const bodyJson = JSON.stringify(bodyRef.current);
      const tooLarge = bodyTooLarge(utf8Bytes(bodyJson));
      if (tooLarge) {
        setUi({ state: "error", message: tooLarge, fields: {} });
        return;
      }
      inFlight.current = true;
      const editsAtStart = edits.current;
      setUi({ state: "saving", message: autosave ? "Autosaving…" : "Saving…", fields: {} });
      startTransition(async () => {
        let result: SaveResult;
        try {
          result = await saveStoryAction({
            id: idRef.current,
            version: versionRef.current,
            intent,
            title,
            dek,
            slug: slugTouched ? slug : "",
            excerpt,
            body: bodyJson,
            language,
            tags,
            bylineIds,
            isBreaking,
            featuredMediaId: featured?.id ?? "",
            scheduledAt: intent === "schedule" ? scheduleAt : undefined,
            noteKind,
            note: intent === "update" ? note : "",
          }, { autosave });
        } catch {
          result = {
            ok: false,
            code: "internal",
            error: "The save did not reach the server (the connection failed or the request was refused). Your text is still here; try again.",
          };
        }
        inFlight.current = false;
        if (!result.ok) {
          queued.current = null;
          setUi({ state: "error", message: result.error, fields: result.fields ?? {} });
          if (result.code === "conflict" && idRef.current) {
            conflictRef.current = true;
            const theirs = await conflictViewAction(idRef.current);
            if (theirs.ok) setConflict({ ...theirs, intent });
          }
          return;
        }
        if (!result.changed) {
          setDirty(false);
          setUi({ state: "saved", message: autosave ? "Autosaved" : "Saved · nothing had changed", fields: {} });
          return;
        }
        idRef.current = result.id;
        versionRef.current = result.version;
        statusRef.current = result.status;
        savedEdits.current = editsAtStart;
        setVersion(result.version);
        setStatus(result.status);
        setPublishedAt(result.publishedAt);
        setScheduling(false);
        if (intent === "update" || intent === "minor") {
          setSaveKind("");
          setNote("");
        }
        setSlug(result.slug);
        setSlugTouched(true);
        // Edits typed while the save was on its way are not in it: they stay unsaved.
        const unsavedEdits = edits.current !== editsAtStart;
        setDirty(unsavedEdits);
        const verbs: Partial<Record<SaveIntent, string>> = {
          publish: "Published",
          unpublish: "Unpublished",
          submit: "Submitted for review",
          return: "Returned to writer",
          schedule: "Scheduled",
          unschedule: "Unscheduled",
          update: "Updated",
          minor: "Minor edit",
        };
        const verb = verbs[intent] ?? "Saved";
        const message = autosave ? "Autosaved" : verb === "Saved" ? "Saved" : `${verb} · Saved`;
        if (!unsavedEdits) clearBackup(story.id ?? result.id);
        setUi({ state: "saved", message: unsavedEdits ? `${message} · newer changes not saved yet` : message, fields: {} });
        if (!story.id && result.id) {
          setId(result.id);
          window.history.replaceState(null, "", `/dashboard/stories/${result.id}`);
        }
        const next = queued.current;
        queued.current = null;
        // Run the queued save after React has applied the new id and version.
        if (next) setTimeout(() => saveRef.current(next), 0);
      });
    },
    [story.id, editable, title, dek, slug, slugTouched, excerpt, language, tags, bylineIds, isBreaking, featured, scheduleAt, noteKind, note],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const snapshot = (): EditorSnapshot => ({
    version,
    status,
    publishedAt,
    title,
    dek,
    slug,
    slugTouched,
    excerpt,
    language,
    isBreaking,
    tags,
    bylineIds,
    body: bodyRef.current,
    dirty,
  });
  const snapshotRef = useRef(snapshot);
  useEffect(() => {
    snapshotRef.current = snapshot;
    titleRef.current = title;
    if (id) liveSnapshots.set(id, snapshot());
    if (dirty) writeBackup(id ?? "new", snapshot(), versionRef.current);
  });

  // A backup left in this browser by a crashed tab or a failed network: offer it once.
  useEffect(() => {
    const found = readBackup(story.id ?? "new");
    if (!found || handedOver) return;
    const differs =
      found.snapshot.title !== story.title ||
      found.snapshot.dek !== story.dek ||
      JSON.stringify(found.snapshot.body) !== JSON.stringify(story.body);
    // localStorage exists only in the browser, so the offer can only be made after mounting.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (differs) setBackup(found);
    else clearBackup(story.id ?? "new");
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Presence: who else has this story open, refreshed every few seconds.
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    const beat = async () => {
      const r = await presenceAction(id).catch(() => null);
      if (!stopped && r?.ok) setOthers(r.others);
    };
    void beat();
    const timer = setInterval(beat, PRESENCE_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [id]);

  const restoreBackup = () => {
    if (!backup) return;
    const b = backup.snapshot;
    setTitle(b.title);
    setDek(b.dek);
    setSlug(b.slug);
    setSlugTouched(b.slugTouched);
    setExcerpt(b.excerpt);
    setLanguage(b.language);
    setIsBreaking(b.isBreaking);
    setTags(b.tags);
    setBylineIds(b.bylineIds);
    bodyRef.current = b.body;
    setBodyInit(b.body);
    setBodyKey((k) => k + 1);
    setBackup(null);
    touch();
  };

  // Ctrl/Cmd+S saves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (editable) save("save");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [save, editable]);

  const addTag = () => {
    const name = tagDraft.trim();
    if (!name) return;
    if (!tags.some((t) => t.toLowerCase() === name.toLowerCase())) setTags([...tags, name]);
    setTagDraft("");
    touch();
  };
  const addByline = () => {
    if (bylineDraft && !bylineIds.includes(bylineDraft)) setBylineIds([...bylineIds, bylineDraft]);
    setBylineDraft("");
    touch();
  };
  const onDelete = () => {
    if (!id || !window.confirm("Delete this story? This cannot be undone.")) return;
    startTransition(async () => {
      const r = await deleteStoryAction(id);
      if (!r.ok) {
        setUi({ state: "error", message: r.error, fields: {} });
        return;
      }
      setDirty(false);
      router.push("/dashboard");
    });
  };

  const bylineName = (bid: string) => options.bylines.find((b) => b.id === bid)?.name ?? "Unknown byline";
  const fieldError = (name: string) =>
    ui.fields[name] ? (
      <p id={`${name}-error`} className="text-sm text-red-700">
        {ui.fields[name]}
      </p>
    ) : null;

  const live = status === "published";
  const scheduled = status === "scheduled";
  const buttons: { intent: SaveIntent; label: string; primary?: boolean }[] = [];
  if (editable && !live) {
    buttons.push({ intent: "save", label: scheduled ? "Save changes" : "Save draft" });
    if (!isEditor && (status === "draft" || status === "unpublished")) buttons.push({ intent: "submit", label: "Submit for review", primary: true });
    if (isEditor && status === "in_review") buttons.push({ intent: "return", label: "Return to writer" });
    if (isEditor) buttons.push({ intent: "publish", label: scheduled ? "Publish now" : "Publish", primary: true });
    if (isEditor && scheduled) buttons.push({ intent: "unschedule", label: "Unschedule" });
  }
  if (editable && live && isEditor) buttons.push({ intent: "unpublish", label: "Unpublish" });
  const saveLive = () => {
    if (!saveKind) {
      setUi({ state: "error", message: "Choose how readers see this save: update or minor edit.", fields: {} });
      return;
    }
    save(saveKind);
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="flex flex-col gap-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm">
            <span className="rounded bg-neutral-200 px-2 py-0.5 font-semibold" data-testid="story-status">
              {DESK_STATUS_LABELS[status]}
            </span>
            {id ? (
              <Link href={`/dashboard/stories/${id}/history`} className="ml-3 text-neutral-700 underline">
                History
              </Link>
            ) : null}
            {status === "published" && id ? (
              <Link href={`/news/${slug}`} className="ml-3 text-neutral-700 underline" target="_blank">
                View on site
              </Link>
            ) : null}
          </p>
          <p
            role="status"
            aria-live="polite"
            data-testid="save-status"
            className={`text-sm ${ui.state === "error" ? "font-semibold text-red-700" : "text-neutral-600"}`}
          >
            {ui.state === "idle" ? (dirty ? "Unsaved changes" : "") : ui.message}
          </p>
        </div>
        {others.length > 0 ? (
          <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="presence">
            Also open by {others.join(", ")}. Save often; if you both save, the second save is stopped and shown both versions.
          </p>
        ) : null}
        {backup ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="backup-offer">
            <span>
              Unsaved text from {formatInZone(new Date(backup.at).toISOString(), timeZone)} ({timeZone}) was found in this browser.
            </span>
            <button type="button" onClick={restoreBackup} className="rounded bg-neutral-900 px-3 py-1 font-semibold text-white">
              Restore unsaved text
            </button>
            <button
              type="button"
              onClick={() => {
                clearBackup(id ?? "new");
                setBackup(null);
              }}
              className="rounded border border-neutral-400 px-3 py-1"
            >
              Discard it
            </button>
          </div>
        ) : null}
        {conflict ? (
          <section role="alert" aria-labelledby="conflict-heading" className="rounded border-2 border-red-400 bg-white p-4 text-sm" data-testid="conflict">
            <h2 id="conflict-heading" className="font-semibold text-red-800">
              This story was changed since you opened it
              {conflict.updatedByName ? ` by ${conflict.updatedByName}` : ""} at {formatInZone(conflict.updatedAt, timeZone)} ({timeZone}). Nothing of yours was saved.
            </h2>
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <div data-testid="conflict-theirs">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Saved version (theirs)</h3>
                <p className="mt-1 font-serif text-lg font-bold" dir="auto">{conflict.title}</p>
                {conflict.dek ? <p dir="auto">{conflict.dek}</p> : null}
                <p className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap text-neutral-700" dir="auto">{conflict.bodyText}</p>
              </div>
              <div data-testid="conflict-mine">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Your version (not saved)</h3>
                <p className="mt-1 font-serif text-lg font-bold" dir="auto">{title}</p>
                {dek ? <p dir="auto">{dek}</p> : null}
                <p className="mt-2 text-neutral-700">Your text is still in the editor below.</p>
              </div>
            </div>
            <div className="mt-3 flex flex-wrap gap-3">
              <button
                type="button"
                onClick={() => {
                  // Re-apply: save this text on top of their version, deliberately.
                  versionRef.current = conflict.version;
                  conflictRef.current = false;
                  const intent = conflict.intent;
                  setConflict(null);
                  save(intent);
                }}
                className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white"
              >
                Keep mine and save over theirs
              </button>
              <button
                type="button"
                onClick={() => {
                  if (!window.confirm("Discard your unsaved changes and load the saved version?")) return;
                  if (id) liveSnapshots.delete(id);
                  clearBackup(id ?? "new");
                  setDirty(false);
                  window.location.reload();
                }}
                className="rounded border border-neutral-400 px-3 py-1.5 font-semibold"
              >
                Load their version
              </button>
            </div>
          </section>
        ) : null}
        {!editable ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            You can read this story but not change it{status === "published" ? " now that it is published" : ""}.
          </p>
        ) : null}

        <div className="flex flex-col gap-1">
          <label htmlFor="title" className="text-sm font-semibold">
            Headline
          </label>
          <input
            id="title"
            value={title}
            disabled={!editable}
            dir="auto"
            aria-invalid={!!ui.fields.title}
            aria-describedby={ui.fields.title ? "title-error" : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              if (!slugTouched && !story.everPublished) setSlug(makeSlug(e.target.value, ""));
              touch();
            }}
            className={`${inputClass} font-serif text-2xl font-bold`}
          />
          {fieldError("title")}
        </div>
        <TextAreaField
          id="dek"
          label="Dek"
          value={dek}
          disabled={!editable}
          error={ui.fields.dek}
          onChange={(v) => {
            setDek(v);
            touch();
          }}
        />
        <fieldset className="flex flex-col gap-2 rounded border border-neutral-200 p-3" data-testid="featured-photo">
          <legend className="px-1 text-sm font-semibold">Featured photo</legend>
          {featured ? (
            <div className="flex flex-col gap-3 sm:flex-row">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={`/_next/image?url=${encodeURIComponent(featured.url)}&w=480&q=75`}
                alt={featured.altText || "(no alt text yet)"}
                width={featured.width}
                height={featured.height}
                className="h-auto w-full max-w-60 self-start rounded object-cover"
              />
              <div className="flex flex-1 flex-col gap-2">
                <PhotoDetails
                  key={featured.id}
                  id={featured.id}
                  initial={featured}
                  action={updateMediaAction}
                  idPrefix="featured"
                  withUsageNotes={false}
                  onSaved={(v) => setFeatured({ ...featured, ...v, creditUrl: v.creditUrl })}
                />
              </div>
            </div>
          ) : (
            <p className="text-sm text-neutral-600">No featured photo. It shows above the story and on its cards.</p>
          )}
          {editable ? (
            <div className="flex gap-3">
              <button type="button" onClick={() => setPickingFeatured(true)} className="self-start rounded border border-neutral-300 px-3 py-1.5 text-sm font-semibold">
                {featured ? "Change featured photo…" : "Add featured photo…"}
              </button>
              {featured ? (
                <button
                  type="button"
                  onClick={() => {
                    setFeatured(null);
                    touch();
                  }}
                  className="text-sm text-red-700 underline"
                >
                  Remove featured photo
                </button>
              ) : null}
            </div>
          ) : null}
          {pickingFeatured ? (
            <PhotoPicker
              title="Featured photo"
              onClose={() => setPickingFeatured(false)}
              onChoose={(m) => {
                setFeatured({ id: m.id, url: m.url, width: m.width, height: m.height, altText: m.altText, caption: m.caption, creditName: m.creditName, creditOrg: m.creditOrg, creditUrl: m.creditUrl, originalName: m.originalName });
                setPickingFeatured(false);
                touch();
              }}
            />
          ) : null}
          {fieldError("photos")}
        </fieldset>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-semibold" id="body-label">
            Body
          </span>
          <RichTextEditor
            key={bodyKey}
            initial={bodyInit}
            dir={dir}
            editable={editable}
            onChange={(json) => {
              bodyRef.current = json;
              const current = idRef.current;
              if (current) liveSnapshots.set(current, { ...snapshotRef.current(), body: json, dirty: true });
              writeBackup(current ?? "new", { ...snapshotRef.current(), body: json, dirty: true }, versionRef.current);
              touch();
            }}
          />
          {fieldError("body")}
        </div>
        <TextAreaField
          id="excerpt"
          label="Excerpt"
          hint="(optional: the start of the body is used when empty)"
          value={excerpt}
          disabled={!editable}
          error={ui.fields.excerpt}
          onChange={(v) => {
            setExcerpt(v);
            touch();
          }}
        />

        {scheduled && publishedAt ? (
          <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="scheduled-for">
            Scheduled for <strong>{formatInZone(publishedAt, timeZone)}</strong> ({timeZone})
          </p>
        ) : null}

        {editable && live ? (
          <fieldset className="flex flex-col gap-2 rounded border border-neutral-300 bg-white p-3">
            <legend className="px-1 text-sm font-semibold">This story is live. How should this save appear to readers?</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="save-kind" checked={saveKind === "minor"} onChange={() => setSaveKind("minor")} />
              Minor edit (a typo: no new date)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="save-kind" checked={saveKind === "update"} onChange={() => setSaveKind("update")} />
              Update (moves &ldquo;Last Updated On&rdquo; to now)
            </label>
            {saveKind === "update" && isEditor ? (
              <div className="flex flex-col gap-2 pl-6">
                <label htmlFor="note-kind" className="text-sm font-semibold">
                  Kind of update
                </label>
                <select id="note-kind" value={noteKind} onChange={(e) => setNoteKind(e.target.value as typeof noteKind)} className={`${inputClass} text-sm`}>
                  <option value="update">Update</option>
                  <option value="correction">Correction</option>
                  <option value="clarification">Clarification</option>
                </select>
                <label htmlFor="note" className="text-sm font-semibold">
                  Note for readers {noteKind === "update" ? <span className="font-normal text-neutral-500">(optional)</span> : null}
                </label>
                <textarea id="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} className={`${inputClass} text-sm`} dir="auto" />
                {fieldError("note")}
              </div>
            ) : null}
            <div>
              <button
                type="button"
                disabled={pending}
                onClick={saveLive}
                className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
              >
                Save changes
              </button>
            </div>
          </fieldset>
        ) : null}

        {editable && isEditor && !live && scheduling ? (
          <div className="flex flex-wrap items-end gap-3 rounded border border-neutral-300 bg-white p-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="schedule-at" className="text-sm font-semibold">
                Publish at ({timeZone})
              </label>
              <input
                id="schedule-at"
                type="datetime-local"
                step={1}
                value={scheduleAt}
                onChange={(e) => setScheduleAt(e.target.value)}
                className={`${inputClass} text-sm`}
              />
              {fieldError("scheduledAt")}
            </div>
            <button type="button" disabled={pending} onClick={() => save("schedule")} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
              Schedule
            </button>
            <button type="button" onClick={() => setScheduling(false)} className="rounded px-3 py-2 text-sm">
              Cancel
            </button>
          </div>
        ) : null}

        {ui.state === "error" ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {ui.message}
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {buttons.map((b) => (
            <button
              key={b.intent}
              type="button"
              disabled={pending}
              onClick={() => save(b.intent)}
              className={
                b.primary
                  ? "rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60"
                  : "rounded border border-neutral-400 bg-white px-4 py-2 font-semibold hover:bg-neutral-100 disabled:opacity-60"
              }
            >
              {b.label}
            </button>
          ))}
          {editable && isEditor && !live && !scheduling ? (
            <button
              type="button"
              onClick={() => {
                if (scheduled && publishedAt) setScheduleAt(toZonedLocal(publishedAt, timeZone));
                setScheduling(true);
              }}
              className="rounded border border-neutral-400 bg-white px-4 py-2 font-semibold hover:bg-neutral-100"
            >
              {scheduled ? "Reschedule…" : "Schedule…"}
            </button>
          ) : null}
          {story.canDelete && id ? (
            <button type="button" onClick={onDelete} disabled={pending} className="ml-auto rounded px-4 py-2 text-sm text-red-700 hover:bg-red-50">
              Delete
            </button>
          ) : null}
        </div>
      </div>

      <aside className="flex flex-col gap-5">
        <div className="flex flex-col gap-1">
          <label htmlFor="slug" className="text-sm font-semibold">
            Slug
          </label>
          <input
            id="slug"
            value={slug}
            disabled={!editable}
            onChange={(e) => {
              setSlug(e.target.value);
              setSlugTouched(true);
              touch();
            }}
            onBlur={() => setSlug((s) => (s.trim() ? makeSlug(s, "") : s))}
            className={`${inputClass} font-mono text-sm`}
          />
          <p className="text-xs text-neutral-500">
            /news/{slug || "…"}
            {story.everPublished ? " · changing it keeps the old address working" : ""}
          </p>
          {fieldError("slug")}
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor="language" className="text-sm font-semibold">
            Language
          </label>
          <select
            id="language"
            value={language}
            disabled={!editable}
            onChange={(e) => {
              setLanguage(e.target.value);
              touch();
            }}
            className={inputClass}
          >
            {STORY_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold">Tags</legend>
          <ol className="flex flex-col gap-1" aria-label="Chosen tags">
            {tags.map((t, i) => (
              <li key={t} className="flex items-center justify-between rounded bg-white px-2 py-1 text-sm ring-1 ring-neutral-200">
                <span>
                  {t}
                  {i === 0 ? <span className="ml-2 text-xs text-neutral-500">section</span> : null}
                </span>
                {editable ? (
                  <button
                    type="button"
                    aria-label={`Remove tag ${t}`}
                    onClick={() => {
                      setTags(tags.filter((x) => x !== t));
                      touch();
                    }}
                    className="px-1 text-neutral-500 hover:text-red-700"
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {editable ? (
            <div className="flex gap-2">
              <label htmlFor="tag-input" className="sr-only">
                Add a tag
              </label>
              <input
                id="tag-input"
                list="tag-options"
                value={tagDraft}
                placeholder="Add a tag"
                onChange={(e) => setTagDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addTag();
                  }
                }}
                className={`${inputClass} text-sm`}
              />
              <datalist id="tag-options">
                {options.tags.map((t) => (
                  <option key={t.id} value={t.name} />
                ))}
              </datalist>
              <button type="button" onClick={addTag} className="rounded border border-neutral-400 px-3 text-sm font-semibold">
                Add
              </button>
            </div>
          ) : null}
          <p className="text-xs text-neutral-500">The first tag is the story&apos;s section.</p>
        </fieldset>

        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-semibold">Bylines</legend>
          <ol className="flex flex-col gap-1" aria-label="Chosen bylines">
            {bylineIds.map((b) => (
              <li key={b} className="flex items-center justify-between rounded bg-white px-2 py-1 text-sm ring-1 ring-neutral-200">
                <span>{bylineName(b)}</span>
                {editable && isEditor ? (
                  <button
                    type="button"
                    aria-label={`Remove byline ${bylineName(b)}`}
                    onClick={() => {
                      setBylineIds(bylineIds.filter((x) => x !== b));
                      touch();
                    }}
                    className="px-1 text-neutral-500 hover:text-red-700"
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          {editable && isEditor ? (
            <div className="flex gap-2">
              <label htmlFor="byline-select" className="sr-only">
                Add a byline
              </label>
              <select id="byline-select" value={bylineDraft} onChange={(e) => setBylineDraft(e.target.value)} className={`${inputClass} text-sm`}>
                <option value="">Choose a byline…</option>
                {options.bylines
                  .filter((b) => !bylineIds.includes(b.id) && !b.retired)
                  .map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
              </select>
              <button type="button" onClick={addByline} className="rounded border border-neutral-400 px-3 text-sm font-semibold">
                Add
              </button>
            </div>
          ) : (
            <p className="text-xs text-neutral-500">Writers file under their own byline; editors can add others.</p>
          )}
          {fieldError("bylineIds")}
        </fieldset>

        {isEditor ? (
          <label className="flex items-center gap-2 text-sm font-semibold">
            <input
              type="checkbox"
              checked={isBreaking}
              disabled={!editable}
              onChange={(e) => {
                setIsBreaking(e.target.checked);
                touch();
              }}
            />
            Breaking news
          </label>
        ) : null}
      </aside>
    </div>
  );
}
