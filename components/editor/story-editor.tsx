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
import { deleteStoryAction, saveStoryAction, type SaveResult } from "@/app/(dashboard)/dashboard/stories/actions";
import type { DeskStatus, SaveIntent } from "@/lib/articles/desk";
import { makeSlug } from "@/lib/articles/slug";
import { directionOf, STORY_LANGUAGES } from "@/lib/i18n/languages";
import { RichTextEditor } from "./rich-text";

export interface EditorStory {
  id?: string;
  version?: number;
  title: string;
  dek: string;
  slug: string;
  excerpt: string;
  body: JSONContent;
  language: string;
  status: DeskStatus;
  isBreaking: boolean;
  tags: string[];
  bylineIds: string[];
  /** The story has been public at some point (its slug is in readers' hands). */
  everPublished: boolean;
  /** ISO instant of publication (the scheduled one while in the future). */
  publishedAt: string | null;
  canEdit: boolean;
  canDelete: boolean;
}

interface Props {
  story: EditorStory;
  role: "writer" | "editor" | "admin";
  /** The newsroom's IANA time zone: schedules are typed and shown in it. */
  timeZone: string;
  options: { tags: { id: string; name: string }[]; bylines: { id: string; name: string }[] };
}

const STATUS_LABEL: Record<DeskStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};

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

/** The latest state of each open story's editor in this tab, by story id (see below). */
const liveSnapshots = new Map<string, EditorSnapshot>();

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

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
  const [dek, setDek] = useState(initial.dek);
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
  const saveRef = useRef<(intent: SaveIntent) => void>(() => {});

  const isEditor = role === "editor" || role === "admin";
  const editable = story.canEdit;
  const dir = directionOf(language);
  const touch = () => {
    edits.current += 1;
    setDirty(true);
    if (ui.state === "saved") setUi({ state: "idle", message: "", fields: {} });
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
    (intent: SaveIntent) => {
      // Saves from one editor run one at a time, each carrying the latest version, so a quick
      // second save never conflicts with the first (C13); one requested meanwhile runs next.
      if (inFlight.current) {
        queued.current = intent;
        return;
      }
      const bodyJson = JSON.stringify(bodyRef.current);
      if (bodyJson.length > 2 * 1024 * 1024) {
        setUi({ state: "error", message: "The story body is larger than 2 MB and cannot be saved. Remove pasted material or split the story.", fields: {} });
        return;
      }
      inFlight.current = true;
      const editsAtStart = edits.current;
      setUi({ state: "saving", message: "Saving…", fields: {} });
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
            scheduledAt: intent === "schedule" ? scheduleAt : undefined,
            noteKind,
            note: intent === "update" ? note : "",
          });
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
          return;
        }
        if (!result.changed) {
          setDirty(false);
          setUi({ state: "saved", message: "No changes to save", fields: {} });
          return;
        }
        idRef.current = result.id;
        versionRef.current = result.version;
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
        const message = verb === "Saved" ? "Saved" : `${verb} · Saved`;
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
    [story.id, title, dek, slug, slugTouched, excerpt, language, tags, bylineIds, isBreaking, scheduleAt, noteKind, note],
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
    if (id) liveSnapshots.set(id, snapshot());
  });

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
              {STATUS_LABEL[status]}
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
        <div className="flex flex-col gap-1">
          <label htmlFor="dek" className="text-sm font-semibold">
            Dek
          </label>
          <textarea
            id="dek"
            rows={2}
            value={dek}
            disabled={!editable}
            dir="auto"
            onChange={(e) => {
              setDek(e.target.value);
              touch();
            }}
            className={inputClass}
          />
          {fieldError("dek")}
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-semibold" id="body-label">
            Body
          </span>
          <RichTextEditor
            initial={initial.body}
            dir={dir}
            editable={editable}
            onChange={(json) => {
              bodyRef.current = json;
              if (id) liveSnapshots.set(id, { ...snapshotRef.current(), body: json, dirty: true });
              touch();
            }}
          />
          {fieldError("body")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="excerpt" className="text-sm font-semibold">
            Excerpt <span className="font-normal text-neutral-500">(optional: the start of the body is used when empty)</span>
          </label>
          <textarea
            id="excerpt"
            rows={2}
            value={excerpt}
            disabled={!editable}
            dir="auto"
            onChange={(e) => {
              setExcerpt(e.target.value);
              touch();
            }}
            className={inputClass}
          />
        </div>

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
                  .filter((b) => !bylineIds.includes(b.id))
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
