import type { JSONContent } from "@tiptap/core";
import { useRef, useState } from "react";
import type { DeskStatus, SaveIntent } from "@/lib/stories/story-schema";
import type { LibraryPhoto } from "@/lib/media/body";
import { instantToZonedLocal } from "@/lib/publishing/zoned-time";
import { liveSnapshots } from "./browser-backup";
import type { EditorSnapshot, EditorStory, NoteKind, StorySaveInput } from "./types";

/** The snapshot an editor starts from: the one handed over in this tab if not older, else the story. */
function startingSnapshot(story: EditorStory, timeZone: string): EditorSnapshot {
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
    breakingUntil: story.breakingUntil ? instantToZonedLocal(new Date(story.breakingUntil), timeZone).slice(0, 16) : "",
    embargoUntil: story.embargoUntil ? instantToZonedLocal(new Date(story.embargoUntil), timeZone).slice(0, 16) : "",
    tags: story.tags,
    bylineIds: story.bylineIds,
    body: story.body,
    dirty: false,
  };
}

/**
 * The story's fields as the editor holds them, with their setters; the story's id and version
 * (also in refs, updated the moment a save returns, so a save queued behind another builds on
 * them); `snapshot()` of everything and `restore()` from one; and `toInput()`, the save input.
 * The body lives in a ref (the rich-text editor owns its state); `bodyKey` remounts it with
 * `bodyInit` after a restore.
 */
export function useStoryForm(story: EditorStory, timeZone: string) {
  // Whether this instance took over from one in this tab (then there is no backup to offer).
  const [handedOver] = useState(() => Boolean(story.id && liveSnapshots.has(story.id)));
  const [initial] = useState<EditorSnapshot>(() => startingSnapshot(story, timeZone));
  const [id, setId] = useState(story.id);
  const [version, setVersion] = useState(initial.version);
  const idRef = useRef(story.id);
  const versionRef = useRef(initial.version);
  const [status, setStatus] = useState<DeskStatus>(initial.status);
  const [title, setTitle] = useState(initial.title);
  const [dek, setDek] = useState(initial.dek);
  const [featured, setFeatured] = useState<LibraryPhoto | null>(story.featuredPhoto);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(initial.slugTouched);
  const [excerpt, setExcerpt] = useState(initial.excerpt);
  const [language, setLanguage] = useState(initial.language);
  const [isBreaking, setIsBreaking] = useState(initial.isBreaking);
  const [breakingUntil, setBreakingUntil] = useState(initial.breakingUntil ?? "");
  const [embargoUntil, setEmbargoUntil] = useState(initial.embargoUntil ?? "");
  const [tags, setTags] = useState<string[]>(initial.tags);
  const [bylineIds, setBylineIds] = useState<string[]>(initial.bylineIds);
  const bodyRef = useRef<JSONContent>(initial.body);
  const [dirty, setDirty] = useState(initial.dirty);
  const [publishedAt, setPublishedAt] = useState<string | null>(initial.publishedAt);
  const [bodyKey, setBodyKey] = useState(0);
  const [bodyInit, setBodyInit] = useState<JSONContent>(initial.body);
  // How a save of a live story appears to readers.
  const [saveKind, setSaveKind] = useState<"" | "minor" | "update">("");
  const [noteKind, setNoteKind] = useState<NoteKind>("update");
  const [note, setNote] = useState("");

  /** Everything, for the hand-over and the browser backup (call outside render: reads the body ref). */
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
    breakingUntil,
    embargoUntil,
    tags,
    bylineIds,
    body: bodyRef.current,
    dirty,
  });

  /** Puts a backup's text back in the fields and the body (not its version or state). */
  const restore = (b: EditorSnapshot) => {
    setTitle(b.title);
    setDek(b.dek);
    setSlug(b.slug);
    setSlugTouched(b.slugTouched);
    setExcerpt(b.excerpt);
    setLanguage(b.language);
    setIsBreaking(b.isBreaking);
    setBreakingUntil(b.breakingUntil ?? "");
    if (b.embargoUntil !== undefined) setEmbargoUntil(b.embargoUntil);
    setTags(b.tags);
    setBylineIds(b.bylineIds);
    bodyRef.current = b.body;
    setBodyInit(b.body);
    setBodyKey((k) => k + 1);
  };

  /** Records the body's latest JSON (from the rich-text editor). */
  const setBody = (json: JSONContent) => {
    bodyRef.current = json;
  };
  /** The id and version the next save builds on, set the moment a save returns or a conflict is settled. */
  const setBase = (base: { id?: string; version: number }) => {
    if (base.id !== undefined) idRef.current = base.id;
    versionRef.current = base.version;
  };

  /** The save input for `intent`; `body` is the serialised body, `scheduleAt` the schedule form's value. */
  const toInput = (intent: SaveIntent, body: string, scheduleAt: string): StorySaveInput => ({
    id: idRef.current,
    version: versionRef.current,
    intent,
    title,
    dek,
    slug: slugTouched ? slug : "",
    excerpt,
    body,
    language,
    tags,
    bylineIds,
    isBreaking,
    breakingUntil: isBreaking ? breakingUntil : "",
    embargoUntil,
    featuredMediaId: featured?.id ?? "",
    scheduledAt: intent === "schedule" ? scheduleAt : undefined,
    noteKind,
    note: intent === "update" ? note : "",
  });

  return {
    handedOver,
    id, setId, idRef, version, setVersion, versionRef,
    status, setStatus, publishedAt, setPublishedAt,
    title, setTitle, dek, setDek, slug, setSlug, slugTouched, setSlugTouched,
    excerpt, setExcerpt, language, setLanguage, isBreaking, setIsBreaking, breakingUntil, setBreakingUntil, embargoUntil, setEmbargoUntil,
    tags, setTags, bylineIds, setBylineIds, featured, setFeatured,
    bodyRef, bodyKey, bodyInit, dirty, setDirty,
    saveKind, setSaveKind, noteKind, setNoteKind, note, setNote,
    setBody, setBase, snapshot, restore, toInput,
  };
}

/** The form as useStoryForm returns it. */
export type StoryForm = ReturnType<typeof useStoryForm>;
