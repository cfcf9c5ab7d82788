/**
 * Previous / next links around a "Page N of M" line, for the desk's paginated lists. Server
 * Component: `hrefFor` is a function, so render it from a Server Component.
 */
import Link from "next/link";

/**
 * `label` names the navigation landmark; `prev`/`next` are the link texts; `hrefFor(n)` is the
 * URL of page n; `children` is the middle line. An empty `<span>` keeps the layout where a
 * link is missing (first or last page).
 */
export function PageNav({
  label,
  page,
  pages,
  hrefFor,
  prev,
  next,
  children,
}: {
  label: string;
  page: number;
  pages: number;
  hrefFor: (n: number) => string;
  prev: string;
  next: string;
  children: React.ReactNode;
}) {
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)}>{prev}</Link> : <span />}
      <span className="text-neutral-600">{children}</span>
      {page < pages ? <Link href={hrefFor(page + 1)}>{next}</Link> : <span />}
    </nav>
  );
}
