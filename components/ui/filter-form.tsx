/**
 * Filters over a list: the GET form and its labelled controls. Server Components.
 */
import { Input, Options, Select, type OptionItem } from "./controls";
import { Field } from "./field";

/**
 * A GET form of filters over a list (the query string is the state), laid out in one wrapping
 * row with its controls aligned at the bottom. Server Component.
 */
export function FilterForm({ label, role, className, children }: { label?: string; role?: "search"; className?: string; children: React.ReactNode }) {
  return (
    <form method="get" className={`flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white p-3${className ? ` ${className}` : ""}`} role={role} aria-label={label}>
      {children}
    </form>
  );
}

/**
 * A filter's drop-down: small caps label, then a select named and identified by `id` whose
 * first option (value "") is `anyLabel`, then `items`. `value` is the current choice.
 */
export function FilterSelect({ id, label, value, anyLabel, items }: { id: string; label: string; value: string | undefined; anyLabel: string; items: readonly OptionItem[] }) {
  return (
    <Field id={id} label={label} variant="filter">
      <Select id={id} name={id} defaultValue={value ?? ""} size="sm">
        <option value="">{anyLabel}</option>
        <Options items={items} />
      </Select>
    </Field>
  );
}

/** A filter's text or date box: small caps label, then an input named and identified by `id`. */
export function FilterInput({ id, label, value, type }: { id: string; label: string; value: string | undefined; type?: "date" }) {
  return (
    <Field id={id} label={label} variant="filter">
      <Input id={id} name={id} type={type} defaultValue={value ?? ""} size="sm" />
    </Field>
  );
}
