import type { TagRef } from "@/lib/stories/queries";
import { t } from "@/lib/i18n/messages";

/**
 * The reader site's masthead and section navigation, its words in `language` (the page's
 * chrome language). Plain links: reader pages are plain HTML.
 */
export function SiteHeader({
  siteName,
  tagline,
  sections,
  logoUrl = null,
  language,
}: {
  siteName: string;
  tagline: string;
  sections: TagRef[];
  logoUrl?: string | null;
  language: string;
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
        <nav aria-label={t(language, "shell.sections")} className="border-t border-neutral-200">
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
                {t(language, "shell.about")}
              </a>
            </li>
            <li>
              <a href="/search" className="text-neutral-700 hover:text-brand">
                {t(language, "shell.search")}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/** The reader site's footer, its words in `language` (the page's chrome language). */
export function SiteFooter({ siteName, language }: { siteName: string; language: string }) {
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-neutral-600">
        <p>{t(language, "shell.copyright", { site: siteName })}</p>
        <p className="flex gap-4">
          <a href="/about" className="hover:text-brand">
            {t(language, "shell.about")}
          </a>
          <a href="/search" className="hover:text-brand">
            {t(language, "shell.search")}
          </a>
          <a href="/feed.xml" type="application/rss+xml" className="hover:text-brand">
            {t(language, "shell.rssFeed")}
          </a>
        </p>
      </div>
    </footer>
  );
}
