"use client";

import { FieldError, inputClass } from "./fields";
import type { StoryForm } from "./use-story-form";

/**
 * The embargo: an instant, in the newsroom's zone, before which the story cannot be published
 * (publishing now and earlier schedules are refused on the server). Empty for none; "Lift
 * embargo" clears it. Saved with the story.
 */
export function EmbargoField(props: { form: StoryForm; editable: boolean; timeZone: string; errors: Record<string, string>; touch: () => void }) {
  const { form, editable, timeZone, errors, touch } = props;
  return (
    <div className="flex flex-col gap-1 rounded border border-neutral-300 p-3" data-testid="embargo-field">
      <label htmlFor="embargoUntil" className="text-sm font-semibold">
        Embargo until ({timeZone})
      </label>
      <div className="flex gap-2">
        <input
          id="embargoUntil"
          type="datetime-local"
          value={form.embargoUntil}
          disabled={!editable}
          aria-describedby="embargoUntil-hint embargoUntil-error"
          aria-invalid={Boolean(errors.embargoUntil)}
          onChange={(e) => {
            form.setEmbargoUntil(e.target.value);
            touch();
          }}
          className={`${inputClass} min-w-0 flex-1`}
        />
        {form.embargoUntil && editable ? (
          <button
            type="button"
            className="rounded border border-neutral-400 px-2 text-xs"
            onClick={() => {
              form.setEmbargoUntil("");
              touch();
            }}
          >
            Lift embargo
          </button>
        ) : null}
      </div>
      <p id="embargoUntil-hint" className="text-xs text-neutral-600">
        Until then the story cannot be published; schedule it for this time or later. Preview links say “EMBARGOED”.
      </p>
      <FieldError name="embargoUntil" errors={errors} />
    </div>
  );
}
