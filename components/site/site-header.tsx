import type { TagRef } from "@/lib/stories/queries";
import type { Edition } from "@/lib/site/editions";
import { endonymOf } from "@/lib/i18n/languages";
import { t } from "@/lib/i18n/messages";

/**
 * Links to the site's other language editions, each named in its own language with `lang`,
 * `dir` and `hreflang` (so a screen reader pronounces it in that language). None on a site
 * with one edition.
 */
function EditionSwitcher({ edition, editions, language }: { edition: Edition; editions: Edition[]; language: string }) {
  const others = editions.filter((e) => e.language !== edition.language);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t(language, "shell.editions")} className="mt-2 flex justify-center" data-testid="edition-switcher">
      <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
        {others.map((e) => (
          <li key={e.language}>
            <a href={e.prefix || "/"} hrefLang={e.language} lang={e.language} dir={e.direction} className="font-semibold text-brand underline-offset-2 hover:underline">
              {endonymOf(e.language)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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
  edition,
  editions,
}: {
  siteName: string;
  tagline: string;
  sections: TagRef[];
  logoUrl?: string | null;
  language: string;
  /** The page's edition: its home, sections, About and search pages are the links. */
  edition: Edition;
  editions: Edition[];
}) {
  const prefix = edition.prefix;
  return (
    <header className="border-b border-neutral-200">
      <div className="mx-auto max-w-6xl px-4 py-5 text-center">
        <a href={prefix || "/"} className="inline-flex items-center gap-3 font-serif text-3xl font-bold tracking-tight text-neutral-900 sm:text-4xl">
          {logoUrl ? (
            // A logo from any host an admin names: next/image would need each host configured.
            <img src={logoUrl} alt="" className="h-10 w-auto" />
          ) : null}
          {siteName}
        </a>
        {tagline ? <p className="mt-1 text-sm text-neutral-600">{tagline}</p> : null}
        <EditionSwitcher edition={edition} editions={editions} language={language} />
      </div>
      {sections.length > 0 ? (
        <nav aria-label={t(language, "shell.sections")} className="border-t border-neutral-200">
          <ul className="mx-auto flex max-w-6xl flex-wrap justify-center gap-x-5 gap-y-1 px-4 py-2 text-sm font-semibold uppercase tracking-wide">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`${prefix}/tag/${s.slug}`} className="text-neutral-700 hover:text-brand">
                  {s.name}
                </a>
              </li>
            ))}
            <li>
              <a href={`${prefix}/about`} className="text-neutral-700 hover:text-brand">
                {t(language, "shell.about")}
              </a>
            </li>
            <li>
              <a href={`${prefix}/search`} className="text-neutral-700 hover:text-brand">
                {t(language, "shell.search")}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/** The reader site's footer, its words in `language` (the page's chrome language), its links in the edition at `prefix`. */
export function SiteFooter({ siteName, language, prefix = "" }: { siteName: string; language: string; prefix?: string }) {
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-6 text-sm text-neutral-600">
        <p>{t(language, "shell.copyright", { site: siteName })}</p>
        <p className="flex gap-4">
          <a href={`${prefix}/about`} className="hover:text-brand">
            {t(language, "shell.about")}
          </a>
          <a href={`${prefix}/search`} className="hover:text-brand">
            {t(language, "shell.search")}
          </a>
          <a href={`${prefix}/feed.xml`} type="application/rss+xml" className="hover:text-brand">
            {t(language, "shell.rssFeed")}
          </a>
        </p>
      </div>
    </footer>
  );
}
