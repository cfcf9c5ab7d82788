import { SiteFooter, SiteHeader } from "@/components/site/site-header";
import { listActiveSections } from "@/lib/articles/queries";
import { getReaderContext } from "@/lib/site/reader";

/** Reader pages: masthead, section navigation and footer around the page. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const { now, settings } = await getReaderContext();
  const sections = await listActiveSections(now, 8);
  return (
    <>
      <SiteHeader siteName={settings.siteName} tagline={settings.tagline} sections={sections} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <SiteFooter siteName={settings.siteName} />
    </>
  );
}
