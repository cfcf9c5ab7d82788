/**
 * Clipboard HTML from word processors, made into plain story HTML before the editor parses it
 * (Tiptap's `transformPastedHTML`). Pure DOM work on a document the caller parses (the
 * browser's DOMParser in the editor, linkedom in tests), so it runs without a server.
 *
 * What the clipboard carries, and what is done with it:
 * - Microsoft Word writes list items as paragraphs, not `<li>`: `<p style="mso-list:l0 level2
 *   lfo1">` with the number or bullet in a `<span style="mso-list:Ignore">` (Word's HTML
 *   export, "Microsoft Office HTML and XML Reference"). Runs of such paragraphs become nested
 *   `<ol>`/`<ul>` by their level, ordered when the marker is a number or letter; the marker goes.
 *   Without this, each item arrives as a paragraph starting "1." — the fault reported against
 *   many editors (e.g. https://github.com/ueberdosis/tiptap/issues/3756).
 * - Google Docs nests a sub-list as a sibling `<ul>` inside its parent list (not inside the
 *   `<li>`), wraps the whole fragment in `<b style="font-weight:normal">`, and marks bold and
 *   italic only with `font-weight` and `font-style` on spans.
 * - Both carry styles, classes, fonts, `<o:p>`, comments and conditional comments: all office
 *   styling is dropped; bold, italic and links are kept as `<strong>`, `<em>` and `<a href>`
 *   (the address under the one address rule, `checkAddress`; a link it refuses keeps its text).
 * - Images from the clipboard are files on the writer's computer (`file://`): dropped; body
 *   photos come from the media library.
 */
import { checkAddress } from "@/lib/text/urls";

const DROP = new Set(["STYLE", "SCRIPT", "META", "LINK", "TITLE", "XML", "IMG", "SVG", "O:P", "V:SHAPE", "V:SHAPETYPE", "V:IMAGEDATA", "IFRAME", "OBJECT"]);
const KEEP_ATTRIBUTES: Record<string, string[]> = { A: ["href"], OL: ["start"] };

/** The value of one CSS property in an element's style attribute ("" when absent). */
function styleOf(el: Element, property: string): string {
  const match = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, "i").exec(el.getAttribute("style") ?? "");
  return match?.[1]?.trim().toLowerCase() ?? "";
}

function isBoldWeight(weight: string): boolean {
  return weight === "bold" || weight === "bolder" || (/^\d+$/.test(weight) && Number(weight) >= 600);
}

/** Replaces `el` with its children. */
function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Moves `el`'s children into a new `tag` element that takes `el`'s place. */
function rewrap(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.parentNode?.replaceChild(next, el);
  return next;
}

interface WordListItem {
  level: number;
  ordered: boolean;
}

/** The list level and kind of a Word list paragraph, or null for any other element. */
function wordListItem(el: Element): WordListItem | null {
  if (el.tagName !== "P" && !/^H[1-6]$/.test(el.tagName)) return null;
  const list = styleOf(el, "mso-list");
  const level = /level(\d+)/.exec(list);
  if (!level || list === "ignore") return null;
  const marker = [...el.querySelectorAll("span")].find((s) => styleOf(s, "mso-list") === "ignore");
  const text = (marker?.textContent ?? "").replace(/[\s\u00a0]+/g, "");
  marker?.remove();
  return { level: Number(level[1]), ordered: /^\(?([0-9]+|[a-z]{1,3})[.)]$/i.test(text) };
}

/** Rebuilds each run of Word list paragraphs under `container` as nested lists. */
function rebuildWordLists(container: Element): void {
  const doc = container.ownerDocument;
  let run: { p: Element; item: WordListItem }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const root = doc.createDocumentFragment();
    const stack: { level: number; ordered: boolean; list: Element; lastLi: Element | null }[] = [];
    for (const { p, item } of run) {
      while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
      let top = stack[stack.length - 1];
      if (!top || top.level < item.level || top.ordered !== item.ordered) {
        if (top && top.level === item.level) stack.pop();
        const list = doc.createElement(item.ordered ? "ol" : "ul");
        (stack[stack.length - 1]?.lastLi ?? root).appendChild(list);
        top = { level: item.level, ordered: item.ordered, list, lastLi: null };
        stack.push(top);
      }
      const li = doc.createElement("li");
      const para = doc.createElement("p");
      while (p.firstChild) para.appendChild(p.firstChild);
      li.appendChild(para);
      top.list.appendChild(li);
      top.lastLi = li;
    }
    run[0]!.p.parentNode?.insertBefore(root, run[0]!.p);
    for (const { p } of run) p.remove();
    run = [];
  };
  for (const child of [...container.childNodes]) {
    if (child.nodeType === 8 || (child.nodeType === 3 && !(child.textContent ?? "").trim())) continue;
    const item = child.nodeType === 1 ? wordListItem(child as Element) : null;
    if (item) run.push({ p: child as Element, item });
    else {
      flush();
      if (child.nodeType === 1) rebuildWordLists(child as Element);
    }
  }
  flush();
}

/** Moves a list that sits directly inside a list (Google Docs' nesting) into the item before it. */
function nestStrayLists(root: Element): void {
  for (const list of [...root.querySelectorAll("ul, ol")]) {
    const parent = list.parentElement;
    if (!parent || (parent.tagName !== "UL" && parent.tagName !== "OL")) continue;
    let before = list.previousElementSibling;
    if (!before || before.tagName !== "LI") {
      before = root.ownerDocument.createElement("li");
      parent.insertBefore(before, list);
    }
    before.appendChild(list);
  }
}

/** Drops office styling from one element (children first), keeping bold, italic and links. */
function cleanElement(el: Element): void {
  for (const child of [...el.children]) cleanElement(child);
  for (const node of [...el.childNodes]) if (node.nodeType === 8) node.remove();
  const tag = el.tagName.toUpperCase();
  if (DROP.has(tag)) {
    el.remove();
    return;
  }
  const bold = isBoldWeight(styleOf(el, "font-weight"));
  const italic = styleOf(el, "font-style") === "italic";
  for (const name of el.getAttributeNames()) if (!KEEP_ATTRIBUTES[tag]?.includes(name)) el.removeAttribute(name);
  if (tag === "A") {
    const checked = checkAddress(el.getAttribute("href") ?? "", "link");
    if (checked.ok && checked.href) el.setAttribute("href", checked.href);
    else unwrap(el);
    return;
  }
  if (tag === "SPAN" || tag === "FONT" || tag.includes(":")) {
    if (!bold && !italic) {
      unwrap(el);
      return;
    }
    const outer = rewrap(el, bold ? "strong" : "em");
    if (bold && italic) {
      const em = outer.ownerDocument.createElement("em");
      while (outer.firstChild) em.appendChild(outer.firstChild);
      outer.appendChild(em);
    }
  }
}

/** True for a block with no text but spaces and no-break spaces (Word's spacer paragraphs). */
function isEmptyBlock(el: Element): boolean {
  return (el.textContent ?? "").replace(/[\s\u00a0]+/g, "") === "" && el.querySelector("br, hr") === null;
}

/**
 * Turns word-processor clipboard HTML into clean story HTML.
 * @param doc the clipboard HTML parsed as a document (`DOMParser` with "text/html").
 * @returns the body's HTML: lists as nested `<ul>`/`<ol>`, bold and italic as `<strong>`/`<em>`,
 *   links with allowed addresses; no styles, classes, fonts or office elements.
 */
export function cleanPastedDocument(doc: Document): string {
  const body = doc.body;
  // Docs' fragment wrapper, <b style="font-weight:normal">, is not bold.
  for (const b of [...body.querySelectorAll("b, strong")]) {
    if (/^(normal|[1-4]00)$/.test(styleOf(b, "font-weight"))) unwrap(b);
  }
  rebuildWordLists(body);
  nestStrayLists(body);
  for (const child of [...body.children]) cleanElement(child);
  for (const node of [...body.childNodes]) if (node.nodeType === 8) node.remove();
  for (const block of [...body.querySelectorAll("p, h1, h2, h3, h4, h5, h6")]) if (isEmptyBlock(block) && !block.closest("li")) block.remove();
  return body.innerHTML.trim();
}
