"use client";

import { useState, type ReactNode } from "react";
import { PhotoDetails, type SavePhotoDetails } from "@/components/media/photo-details";
import { PhotoPicker } from "@/components/media/photo-picker";
import type { LibraryPhoto } from "@/lib/media/body";

/**
 * The story's featured photo: a preview with its details (editable in place), and, for those
 * who may edit the story, change and remove. `onChange` reports a photo chosen or removed;
 * `onDetailsSaved` the photo with details saved in place (not a change of the story).
 */
export function FeaturedPhotoField(props: {
  featured: LibraryPhoto | null;
  editable: boolean;
  onChange: (photo: LibraryPhoto | null) => void;
  onDetailsSaved: (photo: LibraryPhoto) => void;
  savePhotoDetails: SavePhotoDetails;
  error: ReactNode;
}) {
  const { featured, editable } = props;
  const [picking, setPicking] = useState(false);
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-neutral-200 p-3" data-testid="featured-photo">
      <legend className="px-1 text-sm font-semibold">Featured photo</legend>
      {featured ? (
        <div className="flex flex-col gap-3 sm:flex-row">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`/_next/image?url=${encodeURIComponent(featured.url)}&w=480&q=75`}
            alt={featured.altText || "(no alt text yet)"}
            width={featured.width}
            height={featured.height}
            className="h-auto w-full max-w-60 self-start rounded object-cover"
          />
          <div className="flex flex-1 flex-col gap-2">
            <PhotoDetails
              key={featured.id}
              id={featured.id}
              initial={featured}
              idPrefix="featured"
              withUsageNotes={false}
              action={props.savePhotoDetails}
              onSaved={(v) => props.onDetailsSaved({ ...featured, ...v, creditUrl: v.creditUrl })}
            />
          </div>
        </div>
      ) : (
        <p className="text-sm text-neutral-600">No featured photo. It shows above the story and on its cards.</p>
      )}
      {editable ? (
        <div className="flex gap-3">
          <button type="button" onClick={() => setPicking(true)} className="self-start rounded border border-neutral-300 px-3 py-1.5 text-sm font-semibold">
            {featured ? "Change featured photo…" : "Add featured photo…"}
          </button>
          {featured ? (
            <button type="button" onClick={() => props.onChange(null)} className="text-sm text-red-700 underline">
              Remove featured photo
            </button>
          ) : null}
        </div>
      ) : null}
      {picking ? (
        <PhotoPicker
          title="Featured photo"
          onClose={() => setPicking(false)}
          onChoose={(m) => {
            props.onChange({ id: m.id, url: m.url, width: m.width, height: m.height, altText: m.altText, caption: m.caption, creditName: m.creditName, creditOrg: m.creditOrg, creditUrl: m.creditUrl, originalName: m.originalName });
            setPicking(false);
          }}
        />
      ) : null}
      {props.error}
    </fieldset>
  );
}
