/**
 * What every reader page has around its content: masthead and section navigation, the
 * site-wide breaking-news bar while it is on, the page in <main>, and the footer.
 */
import type { TagRef } from "@/lib/stories/queries";
import type { SiteSettings } from "@/lib/site/settings";
import { SiteFooter, SiteHeader } from "./site-header";

/** The data the shell shows, read once per render (components/site/render.tsx). */
export interface ShellData {
  settings: SiteSettings;
  sections: TagRef[];
  bar: { text: string; url: string | null } | null;
}

export function SiteShell({ shell, children }: { shell: ShellData; children: React.ReactNode }) {
  const { settings, sections, bar } = shell;
  return (
    <>
      <SiteHeader siteName={settings.siteName} tagline={settings.tagline} sections={sections} logoUrl={settings.logoUrl} />
      {bar ? (
        <div role="region" aria-label="Breaking news" className="bg-brand text-white" data-testid="site-breaking-bar">
          <p className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2 text-sm">
            <span className="rounded-sm bg-white px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-brand">Breaking News</span>
            {bar.url ? (
              <a href={bar.url} className="font-semibold hover:underline" dir="auto">
                {bar.text}
              </a>
            ) : (
              <span className="font-semibold" dir="auto">
                {bar.text}
              </span>
            )}
          </p>
        </div>
      ) : null}
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <SiteFooter siteName={settings.siteName} />
    </>
  );
}
