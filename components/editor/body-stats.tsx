"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { countOf } from "@/lib/text/count";
import { countWords, readingMinutes } from "@/lib/text/typography";

/** The body's word count and reading time, under the editor, updated as people type. */
export function BodyStats({ editor, language }: { editor: Editor; language: string }) {
  const words = useEditorState({ editor, selector: ({ editor: e }) => (e ? countWords(e.getText({ blockSeparator: "\n" }), language) : 0) });
  const minutes = readingMinutes(words, language);
  return (
    <p className="border-t border-neutral-200 px-4 py-1.5 text-xs text-neutral-600" dir="ltr" data-testid="body-stats" aria-live="off">
      {countOf(words, "word", "words")}
      {minutes > 0 ? ` · ${countOf(minutes, "minute", "minutes")} to read` : ""}
    </p>
  );
}
