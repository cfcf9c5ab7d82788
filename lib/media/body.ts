/**
 * Photos inside story bodies (Tiptap JSON), pure: which library items a body uses, and the
 * body with each photo's snapshot refreshed from the library.
 */
import type { JSONContent } from "@tiptap/core";
import { STORY_PHOTO } from "@/lib/editor/image-node";
import type { PhotoRef } from "./responsive";

/** A library photo as stories use it. */
export interface LibraryPhoto extends PhotoRef {
  id: string;
  originalName: string;
}

/** Ids of the library photos in `body`, in order, without repeats. */
export function photoIdsIn(body: unknown): string[] {
  const ids: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === STORY_PHOTO && typeof n.attrs?.mediaId === "string" && !ids.includes(n.attrs.mediaId)) ids.push(n.attrs.mediaId);
    for (const c of n.content ?? []) walk(c);
  };
  if (body && typeof body === "object") walk(body as JSONContent);
  return ids;
}

/**
 * How many photo nodes of `body` name no media library item (no `mediaId`, or an empty one).
 * Such a photo would escape the library's rules (alt text before publication, usage
 * tracking that keeps a used photo from being deleted), so a save refuses them.
 */
export function photosWithoutLibraryId(body: unknown): number {
  let n = 0;
  const walk = (node: JSONContent) => {
    if (node.type === STORY_PHOTO && !(typeof node.attrs?.mediaId === "string" && node.attrs.mediaId !== "")) n += 1;
    for (const c of node.content ?? []) walk(c);
  };
  if (body && typeof body === "object") walk(body as JSONContent);
  return n;
}

/**
 * `body` with every photo's attributes taken from `photos` (by mediaId).
 * @throws Error naming nothing when a photo has no id; callers check `photoIdsIn` against the
 *   library first and report missing ones to the person saving.
 */
export function withPhotoAttrs(body: JSONContent, photos: Map<string, LibraryPhoto>): JSONContent {
  const walk = (n: JSONContent): JSONContent => {
    if (n.type === STORY_PHOTO) {
      const p = photos.get(String(n.attrs?.mediaId ?? ""));
      if (!p) return n;
      return {
        ...n,
        attrs: {
          mediaId: p.id,
          src: p.url,
          width: p.width,
          height: p.height,
          alt: p.altText,
          caption: p.caption,
          creditName: p.creditName,
          creditOrg: p.creditOrg,
          creditUrl: p.creditUrl,
        },
      };
    }
    return n.content ? { ...n, content: n.content.map(walk) } : n;
  };
  return walk(body);
}

/** How a photo is named in messages: its caption, else its file name. */
export function photoLabel(p: Pick<LibraryPhoto, "caption" | "originalName">): string {
  const text = p.caption || p.originalName || "untitled photo";
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
