/**
 * The site's About page, from settings, in an edition's language and texts (`/about`,
 * `/fa/about`).
 */
import type { ReaderPage } from "@/components/site/render";
import { siteUrl } from "@/lib/env";
import { siteMeta } from "@/lib/seo/metadata";
import { cutExcerpt } from "@/lib/stories/excerpt";
import { t } from "@/lib/i18n/messages";
import { chromeLanguageOf } from "@/lib/site/chrome-language";
import type { ReaderContext } from "@/lib/site/reader";

/** The About page of the context's edition. */
export async function aboutPage({ settings, edition }: ReaderContext): Promise<ReaderPage> {
  const origin = siteUrl();
  const language = chromeLanguageOf(settings);
  const heading = t(language, "story.about", { site: settings.siteName });
  return {
    kind: "page",
    language,
    meta: {
      ...siteMeta(origin, settings.siteName, `${t(language, "about.title")} | ${settings.siteName}`),
      description: settings.tagline || cutExcerpt(settings.aboutText, 160) || heading,
      canonical: `${origin}${edition.prefix}/about`,
    },
    body: (
      <section className="mx-auto max-w-2xl">
        <h1 className="font-serif text-4xl font-bold">{heading}</h1>
        {settings.tagline ? <p className="mt-2 text-lg text-neutral-600">{settings.tagline}</p> : null}
        <div className="prose prose-lg prose-neutral dark:prose-invert mt-6">
          {settings.aboutText.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </section>
    ),
  };
}
