"use client";

import { makeSlug } from "@/lib/text/slug";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import { BreakingField } from "./breaking-field";
import { EmbargoField } from "./embargo-field";
import { ChipPicker } from "./chip-picker";
import { FieldError, inputClass } from "./fields";
import type { EditorOptions } from "./types";
import type { StoryForm } from "./use-story-form";

/**
 * The editor's side column: slug (with the reader address), language, tags (the first is the
 * section), bylines (editors choose any; writers file under their own), the breaking flag and
 * the embargo.
 * `touch` marks each change as unsaved.
 */
export function StorySidebar(props: {
  form: StoryForm;
  options: EditorOptions;
  everPublished: boolean;
  editable: boolean;
  canPublish: boolean;
  /** The newsroom's zone, for the breaking-news end time. */
  timeZone: string;
  errors: Record<string, string>;
  touch: () => void;
}) {
  const { form, options, editable, canPublish, errors, touch } = props;
  const bylineName = (bid: string) => options.bylines.find((b) => b.id === bid)?.name ?? "Unknown byline";
  return (
    <aside className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <label htmlFor="slug" className="text-sm font-semibold">
          Slug
        </label>
        <input
          id="slug"
          value={form.slug}
          disabled={!editable}
          onChange={(e) => {
            form.setSlug(e.target.value);
            form.setSlugTouched(true);
            touch();
          }}
          onBlur={() => form.setSlug((s) => (s.trim() ? makeSlug(s, "") : s))}
          className={`${inputClass} font-mono text-sm`}
        />
        <p className="text-xs text-neutral-500">
          /news/{form.slug || "…"}
          {props.everPublished ? " · changing it keeps the old address working" : ""}
        </p>
        <FieldError name="slug" errors={errors} />
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="language" className="text-sm font-semibold">
          Language
        </label>
        <select
          id="language"
          value={form.language}
          disabled={!editable}
          onChange={(e) => {
            form.setLanguage(e.target.value);
            touch();
          }}
          className={inputClass}
        >
          {STORY_LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <FieldError name="language" errors={errors} />
      </div>

      <ChipPicker
        legend="Tags"
        listLabel="Chosen tags"
        removeLabel={(c) => `Remove tag ${c.label}`}
        chips={form.tags.map((t, i) => ({ key: t, label: t, note: i === 0 ? "section" : undefined }))}
        canChange={editable}
        adder={{ kind: "text", inputId: "tag-input", label: "Add a tag", suggestionsId: "tag-options", suggestions: options.tags }}
        onAdd={(draft) => {
          const name = draft.trim();
          if (!name) return false;
          if (!form.tags.some((t) => t.toLowerCase() === name.toLowerCase())) form.setTags([...form.tags, name]);
          touch();
          return true;
        }}
        onRemove={(t) => {
          form.setTags(form.tags.filter((x) => x !== t));
          touch();
        }}
        hint={<p className="text-xs text-neutral-500">The first tag is the story&apos;s section.</p>}
      />

      <ChipPicker
        legend="Bylines"
        listLabel="Chosen bylines"
        removeLabel={(c) => `Remove byline ${c.label}`}
        chips={form.bylineIds.map((b) => ({ key: b, label: bylineName(b) }))}
        canChange={editable && canPublish}
        adder={{
          kind: "select",
          inputId: "byline-select",
          label: "Add a byline",
          placeholder: "Choose a byline…",
          choices: options.bylines.filter((b) => !form.bylineIds.includes(b.id) && !b.retired),
        }}
        onAdd={(draft) => {
          if (draft && !form.bylineIds.includes(draft)) form.setBylineIds([...form.bylineIds, draft]);
          touch();
          return true;
        }}
        onRemove={(b) => {
          form.setBylineIds(form.bylineIds.filter((x) => x !== b));
          touch();
        }}
        readOnlyHint={<p className="text-xs text-neutral-500">Writers file under their own byline; editors can add others.</p>}
        error={<FieldError name="bylineIds" errors={errors} />}
      />

      {canPublish ? <BreakingField form={form} editable={editable} timeZone={props.timeZone} errors={errors} touch={touch} /> : null}
      {/* A story readers already see cannot take an embargo. */}
      {form.status !== "published" ? <EmbargoField form={form} editable={editable && canPublish} timeZone={props.timeZone} errors={errors} touch={touch} /> : null}
    </aside>
  );
}
