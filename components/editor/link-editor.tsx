"use client";

/**
 * The body editor's inline link editor, in place of the browser's `prompt()` (which cannot show
 * an error at the field, open the link or remove it). Two states:
 * - with the caret in a link: a bar naming its address, with Edit, Open link and Remove link;
 * - editing: a "Link address" field checked by the one address rule (`checkAddress`), with
 *   the refusal shown at the field; Enter applies, Escape cancels, and focus returns to the body.
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { checkAddress } from "@/lib/text/urls";

const linkClass = "rounded px-2 py-1 text-sm font-semibold underline hover:bg-neutral-100";

function LinkForm({ editor, initial, onClose }: { editor: Editor; initial: string; onClose: () => void }) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState("");
  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const apply = () => {
    const checked = checkAddress(value, "link");
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (checked.href === "") chain.unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive("link")) {
      // No text chosen: the address itself becomes the link's text.
      chain.insertContent({ type: "text", text: checked.href, marks: [{ type: "link", attrs: { href: checked.href } }] }).run();
    } else chain.setLink({ href: checked.href }).run();
    onClose();
  };
  return (
    <div role="group" aria-label="Edit link" dir="ltr" className="flex flex-wrap items-start gap-2 border-b border-neutral-200 bg-neutral-50 p-2">
      <label htmlFor={id} className="pt-1.5 text-sm font-semibold">
        Link address
      </label>
      <div className="min-w-0 flex-1 basis-56">
        <Input
          id={id}
          size="sm"
          className="w-full"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          placeholder="https://…, mailto:…, tel:… or /path"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setError("");
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              apply();
            } else if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <Button size="sm" onClick={apply}>
        Apply
      </Button>
      <Button size="sm" variant="secondary" onClick={close}>
        Cancel
      </Button>
    </div>
  );
}

/**
 * The link bar under the toolbar.
 * @param editing whether the "Link address" form is open (the toolbar's Link button and Ctrl+K
 *   open it through `onEdit`).
 */
export function LinkEditor({ editor, editing, onEdit, onClose }: { editor: Editor; editing: boolean; onEdit: () => void; onClose: () => void }) {
  const href = useEditorState({
    editor,
    selector: ({ editor: e }) => (e.isActive("link") ? String(e.getAttributes("link").href ?? "") : null),
  });
  if (editing) return <LinkForm editor={editor} initial={href ?? ""} onClose={onClose} />;
  if (href === null) return null;
  return (
    <div role="group" aria-label="Link" dir="ltr" className="flex flex-wrap items-center gap-1 border-b border-neutral-200 bg-neutral-50 px-2 py-1 text-sm">
      <span className="text-neutral-600">Link:</span>
      <span className="min-w-0 max-w-full truncate font-mono text-xs" title={href}>
        {href}
      </span>
      <button type="button" className={linkClass} onClick={onEdit}>
        Edit link
      </button>
      <a className={linkClass} href={href} target="_blank" rel="noopener noreferrer">
        Open link
      </a>
      <button type="button" className={linkClass} onClick={() => editor.chain().focus().extendMarkRange("link").unsetLink().run()}>
        Remove link
      </button>
    </div>
  );
}
