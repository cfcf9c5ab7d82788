/** Small form pieces shared by the editor's panels. */
import { FieldError as EditableFieldError } from "@/components/ui/field-error";

export const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

/** Each answer's errors get their own number, so an error given again shows again. */
const answers = new WeakMap<object, number>();
const counter = { next: 1 };
function answerNumber(errors: object): number {
  const known = answers.get(errors);
  if (known !== undefined) return known;
  const n = counter.next++;
  answers.set(errors, n);
  return n;
}

/**
 * A field's error message (id `<name>-error`; the field's control has the id `name`), or
 * nothing. Like every desk form's errors it hides as soon as the field is edited, and shows
 * again when the next save answers with it.
 */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string> }) {
  const message = errors[name];
  return message ? <EditableFieldError key={answerNumber(errors)} controlId={name} id={`${name}-error`} message={message} /> : null;
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
