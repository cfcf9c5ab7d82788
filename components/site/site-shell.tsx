/**
 * What every reader page has around its content: masthead and section navigation, the
 * breaking-news bar while a story is marked breaking (until its expiry), the page in <main>,
 * and the footer.
 */
import type { BreakingStory, TagRef } from "@/lib/stories/queries";
import type { SiteSettings } from "@/lib/site/settings";
import type { Edition } from "@/lib/site/editions";
import { t } from "@/lib/i18n/messages";
import { SiteFooter, SiteHeader } from "./site-header";

/** The data the shell shows, read once per render (components/site/render.tsx). */
export interface ShellData {
  /** The settings as the shell's edition shows them (its site name, tagline). */
  settings: SiteSettings;
  /** The edition the page belongs to: its links stay in it. */
  edition: Edition;
  /** Every edition of the site, for the edition switcher. */
  editions: Edition[];
  /** The navigation, named in the edition's language. */
  sections: TagRef[];
  /** The stories in the breaking-news bar, newest first (empty: no bar). */
  breaking: BreakingStory[];
}

/** The one breaking-news bar: the label in the page's chrome language, then a link to each story. */
function BreakingBar({ stories, language }: { stories: BreakingStory[]; language: string }) {
  return (
    <section aria-label={t(language, "shell.breakingNews")} className="bg-brand text-white" data-testid="breaking-bar">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
        <span className="rounded-sm bg-white px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-brand">{t(language, "label.breaking")}</span>
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {stories.map((b) => (
            <li key={b.id} lang={b.language} dir={b.direction}>
              <a href={`/news/${b.slug}`} className="font-semibold underline-offset-2 hover:underline">
                {b.title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/**
 * The shell around a page's content; its words (skip link, navigation, breaking-news bar,
 * footer) in `language`, the page's chrome language (render.tsx).
 */
export function SiteShell({ shell, language, children }: { shell: ShellData; language: string; children: React.ReactNode }) {
  const { settings, sections, breaking, edition, editions } = shell;
  return (
    <>
      {/* WCAG 2.2 success criterion 2.4.1 (bypass blocks): the first thing a keyboard reaches. */}
      <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:font-semibold focus:text-brand focus:shadow">
        {t(language, "shell.skipToContent")}
      </a>
      <SiteHeader siteName={settings.siteName} tagline={settings.tagline} sections={sections} logoUrl={settings.logoUrl} language={language} edition={edition} editions={editions} />
      {breaking.length > 0 ? <BreakingBar stories={breaking} language={language} /> : null}
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter siteName={settings.siteName} language={language} prefix={edition.prefix} />
    </>
  );
}
