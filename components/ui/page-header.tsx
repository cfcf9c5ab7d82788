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
