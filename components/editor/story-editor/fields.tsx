/** Small form pieces shared by the editor's panels. */

export const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

/** A field's error message (id `<name>-error`), or nothing. */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  return errors[name] ? (
    <p id={`${name}-error`} className="text-sm text-red-700">
      {errors[name]}
    </p>
  ) : null;
}

/** A labelled two-line text field (dek, excerpt) in the story's direction. */
export function TextAreaField(props: { id: string; label: string; hint?: string; value: string; disabled: boolean; error?: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-semibold">
        {props.label} {props.hint ? <span className="font-normal text-neutral-500">{props.hint}</span> : null}
      </label>
      <textarea
        id={props.id}
        rows={2}
        value={props.value}
        disabled={props.disabled}
        dir="auto"
        onChange={(e) => props.onChange(e.target.value)}
        className={inputClass}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
