/**
 * Typing comforts in the story editor, as ProseMirror input rules (they act only on what is
 * typed, never on pasted or stored text, and Backspace right after one undoes it): curly
 * quotation marks in the story language's style, an em dash for "--", an ellipsis for "...",
 * and Arabic-script comma, semicolon and question mark in Arabic-script stories. The rules
 * themselves are in lib/text/typography.ts.
 */
import { Extension, InputRule } from "@tiptap/core";
import { arabicPunctuation, smartQuote } from "@/lib/text/typography";

/** The extension's storage: the story's language now (it can change while the editor is open). */
export interface SmartTypographyStorage {
  language: string;
}

declare module "@tiptap/core" {
  interface Storage {
    smartTypography: SmartTypographyStorage;
  }
  interface Commands<ReturnType> {
    smartTypography: {
      /** Sets the language whose typing conventions apply (a BCP 47 code). */
      setTypingLanguage: (language: string) => ReturnType;
    };
  }
}

/**
 * A rule for one typed character: `find` captures the character before it (group 1, "" at the
 * start of a paragraph) and the typed one (group 2); `replace` answers what to put instead,
 * or null to leave it as typed.
 */
function charRule(find: RegExp, replace: (before: string, typed: string) => string | null): InputRule {
  return new InputRule({
    find,
    handler: ({ state, range, match }) => {
      const before = match[1] ?? "";
      const put = replace(before, match[2] ?? "");
      if (put === null) return null;
      // Only the typed character is replaced; the one before keeps its marks.
      state.tr.insertText(put, range.from + before.length, range.to);
    },
  });
}

/** The typing rules; `setTypingLanguage` tells them the story's language. */
export const SmartTypography = Extension.create<object, SmartTypographyStorage>({
  name: "smartTypography",
  addStorage() {
    return { language: "en" };
  },
  addCommands() {
    return {
      setTypingLanguage: (language: string) => () => {
        this.storage.language = language;
        return true;
      },
    };
  },
  addInputRules() {
    const lang = () => this.storage.language;
    return [
      charRule(/(^|[^])(")$/u, (before) => smartQuote(lang(), before, "double")),
      charRule(/(^|[^])(')$/u, (before) => smartQuote(lang(), before, "single")),
      charRule(/([^])([,;?])$/u, (before, typed) => arabicPunctuation(lang(), before, typed)),
      new InputRule({ find: /--$/, handler: ({ state, range }) => void state.tr.insertText("—", range.from, range.to) }),
      new InputRule({ find: /\.\.\.$/, handler: ({ state, range }) => void state.tr.insertText("…", range.from, range.to) }),
    ];
  },
});
