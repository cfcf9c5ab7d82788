/**
 * Story bodies: validation of Tiptap JSON and rendering to reader HTML, on the server,
 * without a DOM (@tiptap/static-renderer).
 *
 * Two walls against script in stored content (a `javascript:` link in stored Tiptap JSON
 * reached readers: https://github.com/ueberdosis/tiptap/issues/3673): unsafe link marks are
 * removed from the JSON before it is stored (`cleanBody`), and the rendered HTML goes through
 * sanitize-html with an allow-list of elements, attributes and URL schemes.
 */
import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { applyStaticEditorOptionsToExtensions, renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { storyExtensions, TEXT_DIRECTION } from "./extensions";
import { checkAddress, isSafeUrl, SAFE_SCHEMES } from "@/lib/text/urls";
import { cleanText, utf8Bytes } from "@/lib/text/clean";
import { bodyTooLarge } from "@/lib/stories/story-schema";


const staticOptions = { textDirection: TEXT_DIRECTION } as const;
const schemaExtensions = applyStaticEditorOptionsToExtensions(storyExtensions, staticOptions);
/** The ProseMirror schema of story bodies (from the shared extension list). */
export const bodySchema = getSchema(schemaExtensions);

/** Thrown when a body is not a valid story document; `message` is safe to show to staff. */
export class InvalidBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidBodyError";
  }
}

/** A body with no content: one empty paragraph. */
export function emptyBody(): JSONContent {
  return { type: "doc", content: [{ type: "paragraph" }] };
}


/**
 * A link mark under the one address rule (`checkAddress`): `www.…` becomes `https://www.…`;
 * an address the rule refuses (a plain word, a relative path) would be a broken link on the
 * live page, so the mark goes and its text stays.
 */
function cleanLink(mark: NonNullable<JSONContent["marks"]>[number]) {
  if (mark.type !== "link") return mark;
  const checked = checkAddress(String(mark.attrs?.href ?? ""), "link");
  return checked.ok && checked.href !== "" ? { ...mark, attrs: { ...mark.attrs, href: checked.href } } : null;
}

/** Removes unsafe link marks and forbidden characters; drops text nodes left empty. */
function cleanNode(node: JSONContent): JSONContent {
  const marks = node.marks?.map(cleanLink).filter((m) => m !== null);
  return {
    ...node,
    ...(typeof node.text === "string" ? { text: cleanText(node.text) } : {}),
    ...(node.marks ? { marks } : {}),
    ...(node.content
      ? { content: node.content.map(cleanNode).filter((c) => c.type !== "text" || (typeof c.text === "string" && c.text.length > 0)) }
      : {}),
  };
}

/**
 * Validates a story body against the shared schema and removes link marks whose URL is not
 * allowed (the text stays, the link goes).
 * @param input parsed JSON (unknown shape).
 * @returns a ProseMirror document node of the cleaned body.
 * @throws InvalidBodyError for non-objects, oversize bodies, unknown nodes or marks, or a
 *   structure the schema does not allow.
 */
export function parseBody(input: unknown): PMNode {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidBodyError("The body must be a Tiptap JSON document.");
  }
  const tooLarge = bodyTooLarge(utf8Bytes(JSON.stringify(input)));
  if (tooLarge) throw new InvalidBodyError(tooLarge);
  const json = input as JSONContent;
  if (json.type !== "doc") throw new InvalidBodyError('The body must be a document (type "doc").');
  try {
    const node = PMNode.fromJSON(bodySchema, cleanNode(json));
    node.check();
    return node;
  } catch (e) {
    throw new InvalidBodyError(`The body is not a valid story document: ${(e as Error).message}`);
  }
}

/** The cleaned JSON of a body (what is stored). @throws InvalidBodyError */
export function cleanBody(input: unknown): JSONContent {
  return parseBody(input).toJSON() as JSONContent;
}

/**
 * Sanitiser options. `dir` is kept on text blocks only: lists and quotes take the story's
 * direction from the page, because `dir="auto"` on a container whose children all carry their
 * own `dir` resolves to ltr and puts Dari bullets and quote bars on the wrong side.
 */
const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "u", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "br", "figure", "img", "figcaption", "span"],
  allowedAttributes: {
    figure: ["class", "data-media-id"],
    img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"],
    span: ["class"],
    p: ["dir"],
    h2: ["dir"],
    h3: ["dir"],
    h4: ["dir"],
    pre: ["dir"],
    a: ["href"],
    ol: ["start", "type"],
    code: ["class"],
  },
  // Only a code block's language: site CSS classes ("fixed", "hidden") must not reach stories.
  allowedClasses: { code: ["language-*"], figure: ["story-photo"], span: ["credit"] },
  allowedSchemes: [...SAFE_SCHEMES],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: true,
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) =>
    (frame.tag === "a" && !!frame.attribs.href && !isSafeUrl(frame.attribs.href)) ||
    // Images only from our own media library, through the image optimiser.
    (frame.tag === "img" && !/^\/_next\/image\?url=%2Fmedia%2F[0-9a-f]{32}\.(jpg|png|webp|avif|gif)&/.test(frame.attribs.src ?? "")),
};

/** Sanitises HTML with the story allow-list (used for rendered bodies and imported HTML). */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

export interface RenderedBody {
  /** The cleaned JSON to store. */
  json: JSONContent;
  /** Sanitised HTML for readers. */
  html: string;
  /** Plain text, blocks separated by blank lines (for excerpts and search). */
  text: string;
}

/**
 * Validates, cleans and renders a story body. Costs a few milliseconds for a long story;
 * call it at save time, never per reader request.
 * @throws InvalidBodyError
 */
export function renderBody(input: unknown): RenderedBody {
  const node = parseBody(input);
  const html = renderToHTMLString({ content: node, extensions: storyExtensions, staticEditorOptions: staticOptions });
  return {
    json: node.toJSON() as JSONContent,
    html: sanitizeBodyHtml(html),
    text: node.textBetween(0, node.content.size, "\n\n", " ").trim(),
  };
}

/** Builds a body document from plain paragraphs (used by seeds, importers and tests). */
export function bodyFromParagraphs(paragraphs: string[]): JSONContent {
  return {
    type: "doc",
    content: paragraphs.map((text) => ({
      type: "paragraph",
      content: text ? [{ type: "text", text }] : [],
    })),
  };
}
