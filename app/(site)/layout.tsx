import { SiteFooter, SiteHeader } from "@/components/site/site-header";
import { listNavSections } from "@/lib/stories/queries";
import { activeBreakingBar } from "@/lib/site/breaking-bar";
import { getReaderContext } from "@/lib/site/reader";
import type { Metadata } from "next";
import Link from "next/link";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/**
 * Defaults for every reader page: absolute URLs, the site's feeds, Open Graph site name and a
 * Twitter card. Pages that set `alternates` or `openGraph` pass these again (shallow merge).
 */
export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getReaderContext();
  const origin = siteUrl();
  return {
    metadataBase: new URL(origin),
    alternates: pageAlternates(origin, null, { kind: "site" }, settings.siteName),
    openGraph: { siteName: settings.siteName, type: "website" },
    twitter: { card: "summary" },
  };
}

/** Reader pages: masthead, section navigation and footer around the page. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const { now, settings } = await getReaderContext();
  const sections = await listNavSections(now, 8);
  const bar = activeBreakingBar(settings, now);
  return (
    <>
      <SiteHeader siteName={settings.siteName} tagline={settings.tagline} sections={sections} logoUrl={settings.logoUrl} />
      {bar ? (
        <div role="region" aria-label="Breaking news" className="bg-brand text-white" data-testid="site-breaking-bar">
          <p className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2 text-sm">
            <span className="rounded-sm bg-white px-2 py-0.5 text-xs font-bold uppercase tracking-wider text-brand">Breaking News</span>
            {bar.url ? (
              <Link href={bar.url} className="font-semibold hover:underline" dir="auto">
                {bar.text}
              </Link>
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
