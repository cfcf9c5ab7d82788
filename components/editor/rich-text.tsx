"use client";

/**
 * The story body editor: Tiptap with the shared extension list (lib/editor/extensions.ts),
 * so what is typed here is exactly what the server renders for readers.
 */
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import type { SavePhotoDetails } from "@/components/media/photo-details";
import { PhotoPicker } from "@/components/media/photo-picker";
import { storyExtensions, TEXT_DIRECTION } from "@/lib/editor/extensions";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { cleanPastedDocument } from "@/lib/editor/paste";
import { alignBodyDirections, StoryDirection } from "@/lib/editor/direction";
import { LinkEditor } from "./link-editor";
import { BodyPhotoPanel, focusBodyPhoto } from "./photo-panel";
import { BodyStats } from "./body-stats";
import { SmartTypography } from "@/lib/editor/smart-typography";
import { Toolbar } from "./toolbar";

interface Props {
  initial: JSONContent;
  /** Saves a library photo's details (the body photo panel). */
  savePhotoDetails: SavePhotoDetails;
  /** A body photo to select and describe (its library id) (a new object asks again). */
  focusPhoto?: { mediaId: string } | null;
  /** Direction of the story's language: sets the editor's base direction. */
  dir: "ltr" | "rtl";
  /** The story's language: its quotation marks, punctuation, word count and reading time. */
  language: string;
  editable: boolean;
  onChange: (json: JSONContent) => void;
  /** The text box's accessible name; "Story body" by default. */
  label?: string;
  /** A smaller box (a live blog entry), with the story body's extensions and rendering. */
  compact?: boolean;
  /**
   * Every block takes `dir` (lib/editor/direction.ts): a story body, whose paragraphs are all
   * in its language. Off, each paragraph takes the direction of its first letter ("auto"):
   * live blog entries, where an English entry may follow a Dari one.
   */
  blocksFollowDirection?: boolean;
}

/** Rich-text body editor with a formatting toolbar and keyboard shortcuts. */
export function RichTextEditor({ initial, dir, language, editable, onChange, savePhotoDetails, focusPhoto, label = "Story body", compact = false, blocksFollowDirection = false }: Props) {
  const [editingLink, setEditingLink] = useState(false);
  const [picking, setPicking] = useState(false);
  const editor = useEditor({
    // Blocks follow the story's direction (lib/editor/direction.ts): a pasted or typed
    // paragraph of a Dari story stays right to left even when it opens with a Latin word.
    extensions: [...storyExtensions, SmartTypography, ...(blocksFollowDirection ? [StoryDirection] : [])],
    content: blocksFollowDirection ? alignBodyDirections(initial, dir) : initial,
    editable,
    immediatelyRender: false,
    textDirection: TEXT_DIRECTION,
    editorProps: {
      // Word and Google Docs clipboard HTML: lists rebuilt, office styling dropped.
      transformPastedHTML: (html) => cleanPastedDocument(new DOMParser().parseFromString(html, "text/html")),
      // A click on a link in the body places the caret (the link bar then offers "Open link");
      // it must never leave the editor.
      handleDOMEvents: {
        click: (_view, event) => {
          if (event.target instanceof Element && event.target.closest("a")) event.preventDefault();
          return false;
        },
      },
      attributes: {
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        class: compact ? "story-body prose max-w-none min-h-28 px-3 py-2 focus:outline-none" : "story-body prose prose-lg max-w-none min-h-80 px-4 py-3 focus:outline-none",
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  useEffect(() => {
    if (editor && focusPhoto) focusBodyPhoto(editor, focusPhoto.mediaId);
  }, [editor, focusPhoto]);
  // The typing rules read the language when a character is typed, so a change of language
  // applies at once without rebuilding the editor.
  useEffect(() => {
    editor?.commands.setTypingLanguage(language);
  }, [editor, language]);
  // Only a change of direction changes the body: the first run finds it aligned already.
  useEffect(() => {
    if (editor && blocksFollowDirection && editor.storage.storyDirection.direction !== dir) editor.commands.setStoryDirection(dir);
  }, [editor, dir, blocksFollowDirection]);
  return (
    <div
      className="rounded border border-neutral-300 bg-white focus-within:border-neutral-900"
      dir={dir}
      onKeyDown={(e) => {
        // Ctrl+K (Cmd+K): the usual shortcut for a link in word processors and Google Docs.
        if (editable && (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "k") {
          e.preventDefault();
          setEditingLink(true);
        }
      }}
    >
      {editor && editable ? <Toolbar editor={editor} onLink={() => setEditingLink(true)} onPhoto={() => setPicking(true)} /> : null}
      {editor && editable ? <BodyPhotoPanel editor={editor} savePhotoDetails={savePhotoDetails} /> : null}
      {editor && editable ? <LinkEditor editor={editor} editing={editingLink} onEdit={() => setEditingLink(true)} onClose={() => setEditingLink(false)} /> : null}
      {editor && picking ? (
        <div className="border-b border-neutral-200 p-2" dir="ltr">
          <PhotoPicker
            title="Insert a photo"
            onClose={() => setPicking(false)}
            onChoose={(m) => {
              setPicking(false);
              editor
                .chain()
                .focus()
                .insertContent({
                  type: STORY_PHOTO,
                  attrs: { mediaId: m.id, src: m.url, width: m.width, height: m.height, alt: m.altText, caption: m.caption, creditName: m.creditName, creditOrg: m.creditOrg, creditUrl: m.creditUrl },
                })
                .run();
            }}
          />
        </div>
      ) : null}
      {/* The story's language on its text, so the Arabic-script rules (app/theme.css: upright
          emphasis, no synthetic italics) apply here as on the reader page. */}
      <div lang={language}>
        <EditorContent editor={editor} />
      </div>
      {editor ? <BodyStats editor={editor} language={language} /> : null}
    </div>
  );
}
