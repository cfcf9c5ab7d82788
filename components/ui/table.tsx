/**
 * The desk's data table: a bordered, scrolling box with a header row of column headings and a
 * body of rows. Server Component safe (no hooks); rows may be client components.
 */
import Link from "next/link";

/**
 * `columns`: the header cells in order (`scope="col"`); a column with no visible heading
 * passes `<span className="sr-only">…</span>`. `children`: the body's `<tr>`s. `caption`:
 * a visually hidden `<caption>` when given. `footer`: shown under the table, inside the box.
 */
export function DataTable({
  columns,
  caption,
  footer,
  children,
}: {
  columns: React.ReactNode[];
  caption?: string;
  footer?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    // On a phone each row becomes a card of stacked cells, so no table is wider than the screen.
    <div className="overflow-x-auto rounded border border-neutral-200 bg-white max-sm:[&_table]:block max-sm:[&_tbody]:block max-sm:[&_tbody_tr]:block max-sm:[&_tbody_tr]:py-2 max-sm:[&_td]:block max-sm:[&_td]:py-1 max-sm:[&_thead]:sr-only">
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-100">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

/** A body cell with the table's padding; `className` adds to it. */
export function Td({ className, ...rest }: React.ComponentProps<"td">) {
  return <td {...rest} className={className ? `px-3 py-2 ${className}` : "px-3 py-2"} />;
}

/**
 * A row's title cell: bold, in any writing direction, linking to `href` when given (plain
 * text otherwise); `after` follows the title inside the cell.
 */
export function TitleCell({ href, after, className, children }: { href?: string; after?: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <Td className={className ? `${className} font-semibold` : "font-semibold"} dir="auto">
      {href ? (
        <Link href={href} className="hover:underline">
          {children}
        </Link>
      ) : (
        children
      )}
      {after}
    </Td>
  );
}

/** A column heading read by screen readers only (for a column of buttons or results). */
export function HiddenHeading({ children }: { children: React.ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
