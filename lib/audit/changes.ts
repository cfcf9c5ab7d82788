/**
 * What an audit entry records of an edit: only the fields whose value really changed, each as
 * `{ from, to }`. Recording every field (changed or not) made the log claim changes that did
 * not happen and bury the one that did.
 */

/** One field's change: the stored value before and after (JSON-safe: strings, numbers, booleans, null). */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

function comparable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined || v === "") return null;
  // Objects (jsonb) by their keys in order: PostgreSQL's jsonb does not keep the order they were written in.
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, comparable((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/**
 * The fields among `keys` whose values differ between `before` and `after` ("" and null count
 * as the same empty value; Dates are compared and stored as ISO instants).
 * @returns `{ field: { from, to } }` for the changed fields only; `{}` when nothing changed.
 */
export function changedFields<T extends object>(before: T, after: Partial<T>, keys: readonly (keyof T & string)[]): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const key of keys) {
    if (!(key in after)) continue;
    const from = comparable(before[key]);
    const to = comparable(after[key]);
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
