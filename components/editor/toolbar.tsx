"use client";

/**
 * The body editor's formatting toolbar, built on the WAI-ARIA toolbar pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/): the whole toolbar is one Tab stop, and
 * the arrow keys, Home and End move between its buttons, so a keyboard user reaches the body
 * in one Tab instead of thirteen.
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState } from "react";

function ToolButton({
  label,
  shortcut,
  active,
  disabled,
  focusable,
  onFocus,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  /** The toolbar's one Tab stop (roving tabindex). */
  focusable: boolean;
  onFocus: () => void;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      data-tool={label}
      aria-label={label}
      aria-keyshortcuts={shortcut?.replace(/Ctrl/g, "Control")}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      tabIndex={focusable ? 0 : -1}
      onFocus={onFocus}
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

/** Moves focus between the toolbar's enabled buttons: arrows step (wrapping), Home/End jump. */
function moveFocus(toolbar: HTMLElement, key: string): boolean {
  const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>("button[data-tool]:not(:disabled)")];
  if (buttons.length === 0) return false;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    key === "Home" ? 0 : key === "End" ? buttons.length - 1 : key === "ArrowRight" ? (at + 1) % buttons.length : key === "ArrowLeft" ? (at - 1 + buttons.length) % buttons.length : -1;
  if (next < 0) return false;
  buttons[next]?.focus();
  return true;
}

interface Props {
  editor: Editor;
  onLink: () => void;
  onPhoto: () => void;
}

/** The formatting toolbar: marks, blocks, link, photo, undo and redo. */
export function Toolbar({ editor, onLink, onPhoto }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState("Bold");
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
  const tools: { label: string; shortcut?: string; active?: boolean; disabled?: boolean; run: () => void; face: React.ReactNode }[] = [
    { label: "Bold", shortcut: "Ctrl+B", active: s.bold, run: () => chain().toggleBold().run(), face: "B" },
    { label: "Italic", shortcut: "Ctrl+I", active: s.italic, run: () => chain().toggleItalic().run(), face: <em>I</em> },
    { label: "Heading", shortcut: "Ctrl+Alt+2", active: s.h2, run: () => chain().toggleHeading({ level: 2 }).run(), face: "H2" },
    { label: "Subheading", shortcut: "Ctrl+Alt+3", active: s.h3, run: () => chain().toggleHeading({ level: 3 }).run(), face: "H3" },
    { label: "Bulleted list", shortcut: "Ctrl+Shift+8", active: s.bullet, run: () => chain().toggleBulletList().run(), face: "• List" },
    { label: "Numbered list", shortcut: "Ctrl+Shift+7", active: s.ordered, run: () => chain().toggleOrderedList().run(), face: "1. List" },
    { label: "Quote", shortcut: "Ctrl+Shift+B", active: s.quote, run: () => chain().toggleBlockquote().run(), face: "“ ”" },
    { label: "Link", shortcut: "Ctrl+K", active: s.link, run: onLink, face: "Link" },
    { label: "Horizontal rule", run: () => chain().setHorizontalRule().run(), face: "―" },
    { label: "Insert photo", run: onPhoto, face: "Photo" },
    { label: "Undo", shortcut: "Ctrl+Z", disabled: !s.canUndo, run: () => chain().undo().run(), face: "↶" },
    { label: "Redo", shortcut: "Ctrl+Shift+Z", disabled: !s.canRedo, run: () => chain().redo().run(), face: "↷" },
  ];
  // The Tab stop stays on an enabled button (Undo is disabled until there is something to undo).
  const stop = tools.find((t) => t.label === current && !t.disabled)?.label ?? tools[0]!.label;
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Formatting"
      aria-orientation="horizontal"
      dir="ltr"
      className="flex flex-wrap gap-1 border-b border-neutral-200 bg-neutral-50 p-1"
      onKeyDown={(e) => {
        if (ref.current && moveFocus(ref.current, e.key)) e.preventDefault();
      }}
    >
      {tools.map((t) => (
        <ToolButton
          key={t.label}
          label={t.label}
          shortcut={t.shortcut}
          active={t.active}
          disabled={t.disabled}
          focusable={t.label === stop}
          onFocus={() => setCurrent(t.label)}
          onClick={t.run}
        >
          {t.face}
        </ToolButton>
      ))}
    </div>
  );
}
