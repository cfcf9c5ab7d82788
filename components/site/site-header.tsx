import type { TagRef } from "@/lib/stories/queries";

/** The reader site's masthead and section navigation. Plain links: reader pages are plain HTML. */
export function SiteHeader({
  siteName,
  tagline,
  sections,
  logoUrl = null,
}: {
  siteName: string;
  tagline: string;
  sections: TagRef[];
  logoUrl?: string | null;
}) {
  return (
    <header className="border-b border-neutral-200">
      <div className="mx-auto max-w-6xl px-4 py-5 text-center">
        <a href="/" className="inline-flex items-center gap-3 font-serif text-3xl font-bold tracking-tight text-neutral-900 sm:text-4xl">
          {logoUrl ? (
            // A logo from any host an admin names: next/image would need each host configured.
            <img src={logoUrl} alt="" className="h-10 w-auto" />
          ) : null}
          {siteName}
        </a>
        {tagline ? <p className="mt-1 text-sm text-neutral-600">{tagline}</p> : null}
      </div>
      {sections.length > 0 ? (
        <nav aria-label="Sections" className="border-t border-neutral-200">
          <ul className="mx-auto flex max-w-6xl flex-wrap justify-center gap-x-5 gap-y-1 px-4 py-2 text-sm font-semibold uppercase tracking-wide">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`/tag/${s.slug}`} className="text-neutral-700 hover:text-brand">
                  {s.name}
                </a>
              </li>
            ))}
            <li>
              <a href="/about" className="text-neutral-700 hover:text-brand">
                About
              </a>
            </li>
            <li>
              <a href="/search" className="text-neutral-700 hover:text-brand">
                Search
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/** The reader site's footer. */
export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-neutral-600">
        <p>
          © {siteName}
        </p>
        <p className="flex gap-4">
          <a href="/about" className="hover:text-brand">
            About
          </a>
          <a href="/search" className="hover:text-brand">
            Search
          </a>
          <a href="/feed.xml" type="application/rss+xml" className="hover:text-brand">
            RSS feed
          </a>
        </p>
      </div>
    </footer>
  );
}
