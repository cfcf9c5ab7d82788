"use client";

import { instantToZonedLocal } from "@/lib/publishing/zoned-time";
import { DEFAULT_BREAKING_HOURS, MAX_BREAKING_HOURS } from "@/lib/stories/story-schema";
import { FieldError, inputClass } from "./fields";
import type { StoryForm } from "./use-story-form";

/**
 * Breaking news (editors): the flag and when it ends, in the newsroom's zone. Ticking it
 * proposes an end DEFAULT_BREAKING_HOURS ahead; the label on the story and the bar on every
 * reader page go by themselves at that time.
 */
export function BreakingField(props: { form: StoryForm; editable: boolean; timeZone: string; errors: Record<string, string>; touch: () => void }) {
  const { form, editable, timeZone, errors, touch } = props;
  return (
    <div className="flex flex-col gap-2 rounded border border-neutral-300 p-3">
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input
          type="checkbox"
          checked={form.isBreaking}
          disabled={!editable}
          onChange={(e) => {
            form.setIsBreaking(e.target.checked);
            if (e.target.checked && !form.breakingUntil) {
              form.setBreakingUntil(instantToZonedLocal(new Date(Date.now() + DEFAULT_BREAKING_HOURS * 3_600_000), timeZone).slice(0, 16));
            }
            touch();
          }}
        />
        Breaking news
      </label>
      {form.isBreaking ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="breakingUntil" className="text-sm">
            Ends at ({timeZone})
          </label>
          <input
            id="breakingUntil"
            type="datetime-local"
            value={form.breakingUntil}
            disabled={!editable}
            aria-describedby="breakingUntil-hint breakingUntil-error"
            aria-invalid={Boolean(errors.breakingUntil)}
            onChange={(e) => {
              form.setBreakingUntil(e.target.value);
              touch();
            }}
            className={inputClass}
          />
          <p id="breakingUntil-hint" className="text-xs text-neutral-600">
            Until then the story carries the “Breaking News” label and every page shows the bar linking to it (at most {MAX_BREAKING_HOURS} hours).
          </p>
          <FieldError name="breakingUntil" errors={errors} />
        </div>
      ) : null}
    </div>
  );
}
