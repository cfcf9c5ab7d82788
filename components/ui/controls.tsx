/**
 * Form controls with the desk's look: text input, text area, select and a labelled checkbox.
 * Plain elements with a class chosen by `size`; every other prop passes through unchanged, so
 * they work in Server Components and in client forms alike (no hooks, no "use client").
 */

/** `md`: a full-width form field; `sm`: a compact filter or toolbar control; `xs`: inside a table row. */
export type ControlSize = "md" | "sm" | "xs";

const CONTROL_CLASS: Record<ControlSize, string> = {
  md: "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none",
  sm: "rounded border border-neutral-300 bg-white px-2 py-1.5 text-sm",
  xs: "rounded border border-neutral-300 bg-white px-2 py-1 text-sm",
};

/** The class of a control of `size`, followed by `extra` (widths, fonts) when given. */
export function controlClass(size: ControlSize = "md", extra?: string): string {
  return extra ? `${CONTROL_CLASS[size]} ${extra}` : CONTROL_CLASS[size];
}

type Sized<P> = Omit<P, "size"> & { size?: ControlSize };

/** An `<input>`; `className` adds to the size's class. */
export function Input({ size, className, ...rest }: Sized<React.ComponentProps<"input">>) {
  return <input {...rest} className={controlClass(size, className)} />;
}

/** A `<textarea>`; `className` adds to the size's class. */
export function Textarea({ size, className, ...rest }: Sized<React.ComponentProps<"textarea">>) {
  return <textarea {...rest} className={controlClass(size, className)} />;
}

/** A `<select>` with its `<option>`s as children; `className` adds to the size's class. */
export function Select({ size, className, ...rest }: Sized<React.ComponentProps<"select">>) {
  return <select {...rest} className={controlClass(size, className)} />;
}

/** An option of a list: `{ value, label }`, or a record's `{ id, name }`. */
export type OptionItem = { value: string; label: string } | { id: string; name: string };

/** `<option>`s for `items`, in order. */
export function Options({ items }: { items: readonly OptionItem[] }) {
  return items.map((o) => {
    const [value, label] = "value" in o ? [o.value, o.label] : [o.id, o.name];
    return (
      <option key={value} value={value}>
        {label}
      </option>
    );
  });
}

/** A checkbox inside its own label (the label text follows the box). */
export function Checkbox({ label, labelClassName, ...rest }: Omit<React.ComponentProps<"input">, "type"> & { label: React.ReactNode; labelClassName?: string }) {
  return (
    <label className={`flex items-center gap-2 text-sm${labelClassName ? ` ${labelClassName}` : ""}`}>
      <input type="checkbox" {...rest} />
      {label}
    </label>
  );
}
