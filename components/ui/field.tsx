/**
 * A labelled form field: label, control, optional hint and optional error, stacked. Server
 * Component safe (no hooks of its own; the error is a small client piece that hides once the
 * field is edited: ./field-error.tsx). The control is the child; it must carry `id` equal to
 * `id` here.
 */
import { Input } from "./controls";
import { FieldError } from "./field-error";

const LABEL_CLASS = {
  /** A form's field label. */
  form: "text-sm font-semibold",
  /** A small caps label over a filter control. */
  filter: "text-xs font-semibold uppercase tracking-wide text-neutral-600",
} as const;

/**
 * `<label for={id}>` then the control, the hint and the error. `errorId` names the error
 * paragraph (for a control's `aria-describedby`); without it the paragraph has no id.
 */
export function Field({
  id,
  label,
  hint,
  error,
  errorId,
  variant = "form",
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** One message, or several (shown in one paragraph). */
  error?: string | readonly string[];
  errorId?: string;
  variant?: keyof typeof LABEL_CLASS;
  children: React.ReactNode;
}) {
  const message = typeof error === "string" ? error : error?.join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={LABEL_CLASS[variant]}>
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-neutral-500">{hint}</p> : null}
      {message ? <FieldError controlId={id} id={errorId} message={message} /> : null}
    </div>
  );
}

/**
 * The usual field: a `Field` around an `Input` that shares its `id`. Every prop other than
 * `label`, `hint`, `error` and `errorId` goes to the input.
 */
export function InputField({
  id,
  label,
  hint,
  error,
  errorId,
  ...input
}: Omit<React.ComponentProps<typeof Input>, "id"> & Pick<React.ComponentProps<typeof Field>, "id" | "label" | "hint" | "error" | "errorId">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} errorId={errorId}>
      <Input id={id} {...input} />
    </Field>
  );
}

/**
 * A field whose label wraps the control, so it needs no id: the label text, the control (the
 * child), then an optional hint.
 */
export function WrapField({ label, hint, className, children }: { label: React.ReactNode; hint?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <label className={`flex flex-col gap-1${className ? ` ${className}` : ""}`}>
      <span className="font-semibold">{label}</span>
      {children}
      {hint ? <span className="text-xs text-neutral-500">{hint}</span> : null}
    </label>
  );
}
