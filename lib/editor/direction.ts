/**
 * The direction of a story's blocks follows the story's language. Every block carries `dir`
 * (lib/editor/extensions.ts: "auto" by default, so a Dari paragraph in an English story
 * turns right to left by itself). In a right-to-left story (Dari, Pashto, Arabic, Urdu) that
 * default goes wrong: "auto" takes the direction of the paragraph's first strong letter
 * (HTML, https://html.spec.whatwg.org/multipage/dom.html#the-directionality), so a Dari
 * paragraph that opens with a Latin name ("BBC ۲۰۲۶ گزارش داد …") would be laid out left to
 * right, its full stop on the wrong side; and text pasted from Word or a web page brings
 * `dir="ltr"` from its source document, which says nothing about our story. So in a
 * right-to-left story a block with any right-to-left letter is `rtl`, whatever it opens with;
 * a block with none (a quotation wholly in English) is "auto", so it reads left to right with
 * its punctuation where English puts it; and an empty block is `rtl`, ready for the story's
 * language. In a left-to-right story a block keeps "auto" or an explicit "ltr", and an `rtl`
 * left from a former language goes back to "auto" (a genuinely Dari paragraph still turns
 * right to left by itself).
 */
import { Extension, type JSONContent } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

export type BlockDir = "ltr" | "rtl" | "auto";

/** Letters of the right-to-left scripts (Hebrew, Arabic and its supplements and presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Any other letter (Latin, Cyrillic, …): a strong left-to-right character. */
const LTR_LETTER = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;

/**
 * The `dir` a block keeps in a story of `story` direction.
 * @param dir the block's `dir` as stored or pasted (anything; absent is "auto").
 * @param text the block's text (right-to-left stories look at its letters).
 */
export function blockDirection(story: "ltr" | "rtl", dir: unknown, text = ""): BlockDir {
  if (story === "rtl") return !RTL_LETTER.test(text) && LTR_LETTER.test(text) ? "auto" : "rtl";
  return dir === "ltr" ? "ltr" : "auto";
}

/** The text of a Tiptap JSON node, its text nodes joined. */
function textOf(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return Array.isArray(node.content) ? node.content.map(textOf).join("") : "";
}

/**
 * A body (Tiptap JSON) with every block's `dir` set by `blockDirection`; text nodes and the
 * document itself are left alone. Returns a new object; the input is not changed.
 */
export function alignBodyDirections(body: JSONContent, story: "ltr" | "rtl"): JSONContent {
  const walk = (node: JSONContent, isRoot: boolean): JSONContent => {
    // Anything that is not a node is left for the schema check to refuse (lib/editor/render.ts).
    if (typeof node !== "object" || node === null || node.type === "text") return node;
    const content = Array.isArray(node.content) ? node.content.map((c) => walk(c, false)) : node.content;
    const attrs = isRoot ? node.attrs : { ...node.attrs, dir: blockDirection(story, node.attrs?.dir, textOf(node)) };
    return { ...node, ...(attrs ? { attrs } : {}), ...(content !== undefined ? { content } : {}) };
  };
  return walk(body, true);
}

const key = new PluginKey("storyDirection");

/** The extension's storage: the story's direction now (its language can change while the editor is open). */
export interface StoryDirectionStorage {
  direction: "ltr" | "rtl";
}

declare module "@tiptap/core" {
  interface Storage {
    storyDirection: StoryDirectionStorage;
  }
  interface Commands<ReturnType> {
    storyDirection: {
      /** Sets the story's direction and applies it to every block (`blockDirection`). */
      setStoryDirection: (direction: "ltr" | "rtl") => ReturnType;
    };
  }
}

/**
 * The editor's side of the rule: after any change of the document (typing, paste, a new
 * paragraph), blocks whose `dir` differs from `blockDirection` are set to it, in the same
 * undo step; `setStoryDirection` applies a new direction to the whole body.
 */
export const StoryDirection = Extension.create<Record<string, never>, StoryDirectionStorage>({
  name: "storyDirection",
  addStorage() {
    return { direction: "ltr" };
  },
  addCommands() {
    return {
      setStoryDirection:
        (direction) =>
        ({ tr, dispatch }) => {
          this.storage.direction = direction;
          if (dispatch) tr.setMeta(key, true);
          return true;
        },
    };
  },
  addProseMirrorPlugins() {
    const direction = () => this.storage.direction;
    return [
      new Plugin({
        key,
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((t) => t.docChanged || t.getMeta(key))) return null;
          const story = direction();
          let tr: ReturnType<typeof state.tr.setNodeMarkup> | null = null;
          state.doc.descendants((node, pos) => {
            if (node.isText || !("dir" in node.attrs)) return;
            const dir = blockDirection(story, node.attrs.dir, node.textContent);
            if (dir !== node.attrs.dir) tr = (tr ?? state.tr).setNodeMarkup(pos, undefined, { ...node.attrs, dir });
          });
          return tr;
        },
      }),
    ];
  },
});
