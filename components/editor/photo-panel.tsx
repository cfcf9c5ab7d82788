"use client";

/**
 * Details of the photo selected in the story body (a click selects it): the same form as the
 * featured photo's (alt text, caption, credit), saved to the media library. Once saved, the
 * photo in the body shows the new details at once (the server refreshes them from the
 * library at every save too).
 */
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { PhotoDetails, type SavePhotoDetails } from "@/components/media/photo-details";
import { STORY_PHOTO } from "@/lib/editor/image-node";

interface PhotoAttrs {
  mediaId: string | null;
  src: string | null;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  creditName: string;
  creditOrg: string;
  creditUrl: string | null;
}

/** The story photo the selection is on, or null. */
function selectedPhoto(editor: Editor): PhotoAttrs | null {
  const { selection } = editor.state;
  if (selection instanceof NodeSelection && selection.node.type.name === STORY_PHOTO) return selection.node.attrs as PhotoAttrs;
  return null;
}

/** The details form of the selected body photo, or nothing when no photo is selected. */
export function BodyPhotoPanel({ editor, savePhotoDetails }: { editor: Editor; savePhotoDetails: SavePhotoDetails }) {
  const photo = useEditorState({ editor, selector: ({ editor: e }) => (e ? selectedPhoto(e) : null) });
  if (!photo?.mediaId) return null;
  return (
    <section aria-label="Photo in the body" dir="ltr" className="flex flex-col gap-3 border-b border-neutral-200 bg-neutral-50 p-3 sm:flex-row" data-testid="body-photo-panel">
      {photo.src ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={`/_next/image?url=${encodeURIComponent(photo.src)}&w=256&q=75`}
          alt={photo.alt || "(no alt text yet)"}
          width={photo.width ?? undefined}
          height={photo.height ?? undefined}
          className="h-auto w-full max-w-40 self-start rounded object-cover"
        />
      ) : null}
      <div className="flex-1">
        <PhotoDetails
          key={photo.mediaId}
          id={photo.mediaId}
          idPrefix="body-photo"
          withUsageNotes={false}
          initial={{ altText: photo.alt, caption: photo.caption, creditName: photo.creditName, creditOrg: photo.creditOrg, creditUrl: photo.creditUrl }}
          action={savePhotoDetails}
          onSaved={(v) => {
            // Every copy of this photo in the body takes the saved details.
            const { tr } = editor.state;
            editor.state.doc.descendants((node, pos) => {
              if (node.type.name === STORY_PHOTO && node.attrs.mediaId === photo.mediaId) {
                tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt: v.altText, caption: v.caption, creditName: v.creditName, creditOrg: v.creditOrg, creditUrl: v.creditUrl });
              }
            });
            editor.view.dispatch(tr);
          }}
        />
      </div>
    </section>
  );
}

/**
 * Selects the body photo with library id `mediaId`, scrolls to it and puts the caret in its
 * alt text field (after a refusal to publish a photo without alt text).
 * @returns false when the body has no such photo.
 */
export function focusBodyPhoto(editor: Editor, mediaId: string): boolean {
  let at = -1;
  editor.state.doc.descendants((node, pos) => {
    if (at < 0 && node.type.name === STORY_PHOTO && node.attrs.mediaId === mediaId) at = pos;
    return at < 0;
  });
  if (at < 0) return false;
  editor.chain().setNodeSelection(at).scrollIntoView().run();
  // The panel renders with the new selection; focus its first field once it is there.
  requestAnimationFrame(() => document.getElementById("body-photo-altText")?.focus());
  return true;
}
