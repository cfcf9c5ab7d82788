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
