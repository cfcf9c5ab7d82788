"use client";

/**
 * The story body editor: Tiptap with the shared extension list (lib/editor/extensions.ts),
 * so what is typed here is exactly what the server renders for readers.
 */
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useState } from "react";
import { PhotoPicker } from "@/components/media/photo-picker";
import { storyExtensions, TEXT_DIRECTION } from "@/lib/editor/extensions";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import { isSafeUrl } from "@/lib/text/urls";

interface Props {
  initial: JSONContent;
  /** Direction of the story's language: sets the editor's base direction. */
  dir: "ltr" | "rtl";
  editable: boolean;
  onChange: (json: JSONContent) => void;
}

function ToolButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm font-semibold hover:bg-neutral-200 disabled:opacity-40 ${
        active ? "bg-neutral-900 text-white hover:bg-neutral-700" : "text-neutral-800"
      }`}
    >
      {children}
    </button>
  );
}

function Toolbar({ editor, onLinkError, onPhoto }: { editor: Editor; onLinkError: (message: string) => void; onPhoto: () => void }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "";
    const url = window.prompt("Link address (https://…, mailto:…, tel:… or /path)", previous);
    if (url === null) return;
    if (url.trim() === "") {
      chain().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isSafeUrl(url)) {
      onLinkError("That link address is not allowed. Use http(s), mailto, tel or a path on this site.");
      return;
    }
    chain().extendMarkRange("link").setLink({ href: url.trim() }).run();
  };
  return (
    <div role="toolbar" aria-label="Formatting" dir="ltr" className="flex flex-wrap gap-1 border-b border-neutral-200 bg-neutral-50 p-1">
      <ToolButton label="Bold" shortcut="Ctrl+B" active={s.bold} onClick={() => chain().toggleBold().run()}>
        B
      </ToolButton>
      <ToolButton label="Italic" shortcut="Ctrl+I" active={s.italic} onClick={() => chain().toggleItalic().run()}>
        <em>I</em>
      </ToolButton>
      <ToolButton label="Heading" shortcut="Ctrl+Alt+2" active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label="Subheading" shortcut="Ctrl+Alt+3" active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <ToolButton label="Bulleted list" shortcut="Ctrl+Shift+8" active={s.bullet} onClick={() => chain().toggleBulletList().run()}>
        • List
      </ToolButton>
      <ToolButton label="Numbered list" shortcut="Ctrl+Shift+7" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}>
        1. List
      </ToolButton>
      <ToolButton label="Quote" shortcut="Ctrl+Shift+B" active={s.quote} onClick={() => chain().toggleBlockquote().run()}>
        “ ”
      </ToolButton>
      <ToolButton label="Link" active={s.link} onClick={setLink}>
        Link
      </ToolButton>
      <ToolButton label="Horizontal rule" onClick={() => chain().setHorizontalRule().run()}>
        ―
      </ToolButton>
      <ToolButton label="Insert photo" onClick={onPhoto}>
        Photo
      </ToolButton>
      <ToolButton label="Undo" shortcut="Ctrl+Z" disabled={!s.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={!s.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
    </div>
  );
}

/** Rich-text body editor with a formatting toolbar and keyboard shortcuts. */
export function RichTextEditor({ initial, dir, editable, onChange }: Props) {
  const [linkError, setLinkError] = useState("");
  const [picking, setPicking] = useState(false);
  const editor = useEditor({
    extensions: storyExtensions,
    content: initial,
    editable,
    immediatelyRender: false,
    textDirection: TEXT_DIRECTION,
    editorProps: {
      attributes: {
        "aria-label": "Story body",
        "aria-multiline": "true",
        role: "textbox",
        class: "story-body prose prose-lg max-w-none min-h-80 px-4 py-3 focus:outline-none",
      },
    },
    onUpdate: ({ editor: e }) => {
      setLinkError("");
      onChange(e.getJSON());
    },
  });
  return (
    <div className="rounded border border-neutral-300 bg-white focus-within:border-neutral-900" dir={dir}>
      {editor && editable ? <Toolbar editor={editor} onLinkError={setLinkError} onPhoto={() => setPicking(true)} /> : null}
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
      <EditorContent editor={editor} />
      {linkError ? (
        <p role="alert" className="border-t border-neutral-200 px-4 py-2 text-sm text-red-700">
          {linkError}
        </p>
      ) : null}
    </div>
  );
}
