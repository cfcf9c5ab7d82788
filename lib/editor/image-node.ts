/**
 * A photo from the media library inside a story body: a block, atomic node that stores the
 * library item's id and a snapshot of what readers see (src, size, alt text, caption,
 * credit). The desk refreshes the snapshot from the library at every save
 * (lib/media/refs.ts `withPhotoAttrs`), so library edits reach stories.
 *
 * Renders `<figure class="story-photo"><img …><figcaption>caption <span>credit</span></figcaption></figure>`
 * with a responsive srcset (lib/media/responsive.ts), lazy-loaded.
 */
import { mergeAttributes, Node } from "@tiptap/core";
import { creditLine, imgAttributes, type PhotoRef } from "@/lib/media/responsive";

export const STORY_PHOTO = "storyPhoto";

/** Body photos fill the text column: 100% of a phone, at most ~768 px. */
export const BODY_PHOTO_SIZES = "(min-width: 800px) 768px, 100vw";

export const StoryPhoto = Node.create({
  name: STORY_PHOTO,
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: { default: null },
      src: { default: null },
      width: { default: null },
      height: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      creditName: { default: "" },
      creditOrg: { default: "" },
      creditUrl: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure[data-media-id]",
        getAttrs: (el) => ({ mediaId: (el as HTMLElement).getAttribute("data-media-id") }),
      },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as { mediaId: string | null; src: string | null; width: number | null; height: number | null; alt: string; caption: string; creditName: string; creditOrg: string; creditUrl: string | null };
    const photo: PhotoRef = {
      url: a.src ?? "",
      width: Number(a.width) || 1,
      height: Number(a.height) || 1,
      altText: a.alt ?? "",
      caption: a.caption ?? "",
      creditName: a.creditName ?? "",
      creditOrg: a.creditOrg ?? "",
      creditUrl: a.creditUrl,
    };
    const img = imgAttributes(photo, BODY_PHOTO_SIZES);
    const credit = creditLine(photo);
    const caption: unknown[] = ["figcaption", {}];
    if (photo.caption) caption.push(photo.caption);
    if (credit) caption.push(["span", { class: "credit" }, (photo.caption ? " " : "") + credit]);
    return [
      "figure",
      mergeAttributes({ class: "story-photo", "data-media-id": a.mediaId ?? "" }),
      ["img", { src: img.src, srcset: img.srcSet, sizes: img.sizes, width: String(img.width), height: String(img.height), alt: img.alt, loading: "lazy", decoding: "async" }],
      ...(caption.length > 2 ? [caption] : []),
    ] as never;
  },
});
