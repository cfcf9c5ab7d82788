/**
 * Headings of desk pages. Server Components.
 */
import Link from "next/link";

/** A desk page's `<h1>`. */
export function PageTitle({ children, className, dir }: { children: React.ReactNode; className?: string; dir?: "auto" }) {
  return (
    <h1 className={`font-serif text-3xl font-bold${className ? ` ${className}` : ""}`} dir={dir}>
      {children}
    </h1>
  );
}

/**
 * The head of a page one level down: a link back (`back.href`, text `back.label`), the title
 * (written in any direction) and a short line under it (`children`).
 */
export function SubpageHeader({ back, title, children }: { back: { href: string; label: string }; title: React.ReactNode; children?: React.ReactNode }) {
  return (
    <div>
      <Link href={back.href} className="text-sm text-neutral-600 hover:underline">
        {back.label}
      </Link>
      <PageTitle className="mt-2" dir="auto">
        {title}
      </PageTitle>
      {children ? <p className="text-sm text-neutral-600">{children}</p> : null}
    </div>
  );
}

/**
 * A desk page: its title, with `actions` (a "New …" button) at the far side when given, then
 * the content, evenly spaced.
 */
export function PageFrame({ title, actions, children }: { title: React.ReactNode; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      {actions ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <PageTitle>{title}</PageTitle>
          {actions}
        </div>
      ) : (
        <PageTitle>{title}</PageTitle>
      )}
      {children}
    </div>
  );
}
