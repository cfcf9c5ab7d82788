import type { Metadata } from "next";
import { getReaderContext } from "@/lib/site/reader";
import { siteUrl } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/metadata";

/** The site's About page, from settings. Rendered per request (no params; no build-time reads). */
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getReaderContext();
  return {
    title: `About | ${settings.siteName}`,
    description: settings.tagline || undefined,
    alternates: pageAlternates(siteUrl(), "/about", { kind: "site" }, settings.siteName),
  };
}

export default async function AboutPage() {
  const { settings } = await getReaderContext();
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="font-serif text-4xl font-bold">About {settings.siteName}</h1>
      {settings.tagline ? <p className="mt-2 text-lg text-neutral-600">{settings.tagline}</p> : null}
      <div className="prose prose-lg mt-6">
        {settings.aboutText.split(/\n{2,}/).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  );
}
