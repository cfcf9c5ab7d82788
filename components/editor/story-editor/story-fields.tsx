"use client";

import type { SavePhotoDetails } from "@/components/media/photo-details";
import type { JSONContent } from "@tiptap/core";
import { makeSlug } from "@/lib/text/slug";
import { directionOf } from "@/lib/i18n/languages";
import { RichTextEditor } from "../rich-text";
import { FeaturedPhotoField } from "./featured-photo-field";
import { FieldError, inputClass, TextAreaField } from "./fields";
import type { StoryForm } from "./use-story-form";

/**
 * The main column's fields: headline (which names the slug until the slug is set by hand or
 * the story was ever public), dek, featured photo, body (in the story language's direction)
 * and excerpt. `touch` marks a change; `onBody` gets every body change after the form has it.
 */
export function StoryFields(props: {
  form: StoryForm;
  editable: boolean;
  everPublished: boolean;
  errors: Record<string, string>;
  touch: () => void;
  onBody: (json: JSONContent) => void;
  savePhotoDetails: SavePhotoDetails;
  /** A body photo to select and describe after a refusal to publish it without alt text. */
  focusPhoto: { mediaId: string } | null;
}) {
  const { form, editable, errors, touch } = props;
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor="title" className="text-sm font-semibold">
          Headline
        </label>
        <input
          id="title"
          value={form.title}
          disabled={!editable}
          dir="auto"
          aria-invalid={!!errors.title}
          aria-describedby={errors.title ? "title-error" : undefined}
          onChange={(e) => {
            form.setTitle(e.target.value);
            if (!form.slugTouched && !props.everPublished) form.setSlug(makeSlug(e.target.value, ""));
            touch();
          }}
          className={`${inputClass} font-serif text-2xl font-bold`}
        />
        <FieldError name="title" errors={errors} />
      </div>
      <TextAreaField
        id="dek"
        label="Dek"
        value={form.dek}
        disabled={!editable}
        error={errors.dek}
        onChange={(v) => {
          form.setDek(v);
          touch();
        }}
      />
      <FeaturedPhotoField
        featured={form.featured}
        editable={editable}
        onChange={(photo) => {
          form.setFeatured(photo);
          touch();
        }}
        onDetailsSaved={form.setFeatured}
        savePhotoDetails={props.savePhotoDetails}
        error={<FieldError name="featuredPhoto" errors={errors} />}
      />
      <div className="flex flex-col gap-1">
        <span className="text-sm font-semibold" id="body-label">
          Body
        </span>
        <RichTextEditor
          key={form.bodyKey}
          initial={form.bodyInit}
          dir={directionOf(form.language)}
          language={form.language}
          blocksFollowDirection
          editable={editable}
          savePhotoDetails={props.savePhotoDetails}
          focusPhoto={props.focusPhoto}
          onChange={(json) => {
            form.setBody(json);
            props.onBody(json);
            touch();
          }}
        />
        <FieldError name="body" errors={errors} />
      </div>
      <TextAreaField
        id="excerpt"
        label="Excerpt"
        hint="(optional: the start of the body is used when empty)"
        value={form.excerpt}
        disabled={!editable}
        error={errors.excerpt}
        onChange={(v) => {
          form.setExcerpt(v);
          touch();
        }}
      />
    </>
  );
}
