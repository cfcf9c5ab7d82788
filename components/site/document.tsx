/**
 * The HTML document around every reader page: <head> from the page's PageMeta, the reader
 * stylesheet, and the page's body. Plain HTML: no script of the framework, so a
 * phone paints the story as soon as the bytes arrive.
 */
import type { PageMeta } from "@/lib/seo/metadata";
import { serializeJsonLd } from "@/lib/seo/json-ld";
import { directionOf } from "@/lib/i18n/languages";

/** The brand colour of the browser's toolbar on phones. */
const THEME_COLOR = "#9f1d20";

function OpenGraphTags({ og }: { og: NonNullable<PageMeta["openGraph"]> }) {
  const props: [string, string | number | undefined][] = [
    ["og:type", og.type],
    ["og:site_name", og.siteName],
    ["og:title", og.title],
    ["og:description", og.description],
    ["og:url", og.url],
    ...(og.images ?? []).flatMap((i): [string, string | number | undefined][] => [
      ["og:image", i.url],
      ["og:image:width", i.width],
      ["og:image:height", i.height],
      ["og:image:alt", i.alt],
    ]),
    ["article:published_time", og.publishedTime],
    ["article:modified_time", og.modifiedTime],
    ["article:section", og.section],
    ...(og.tags ?? []).map((t): [string, string] => ["article:tag", t]),
  ];
  return props.filter(([, v]) => v !== undefined && v !== "").map(([p, v], i) => <meta key={i} property={p} content={String(v)} />);
}

/**
 * `<html>` for a reader page. `lang`/`dir` are those of `language`, the language of the page's
 * own words (default English); a story or card in another language sets its own on its element.
 * `font` is the Arabic-script web font's address: preloaded only on a right-to-left page (its
 * own words, or its story: `meta.direction`), whose text needs it at once; other pages fetch it
 * only if Arabic-script text shows (its `unicode-range`).
 */
export function ReaderDocument({ meta, stylesheet, font, language = "en", children }: { meta: PageMeta; stylesheet: string; font: string; language?: string; children: React.ReactNode }) {
  const tw = meta.twitter;
  return (
    <html lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.robots ? <meta name="robots" content={`${meta.robots.index ? "index" : "noindex"}, ${meta.robots.follow ? "follow" : "nofollow"}`} /> : null}
        <meta name="theme-color" content={THEME_COLOR} />
        {meta.canonical ? <link rel="canonical" href={meta.canonical} /> : null}
        {Object.entries(meta.languages ?? {}).map(([lang, href]) => (
          <link key={lang} rel="alternate" hrefLang={lang} href={href} />
        ))}
        {meta.feeds.map((f) => (
          <link key={f.type} rel="alternate" type={f.type} href={f.href} title={f.title} />
        ))}
        {/* Static files in public/: the tab icon (SVG, with an ICO for browsers without SVG
            icons), the iOS home-screen icon and the web app manifest. */}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" sizes="180x180" />
        <link rel="manifest" href="/manifest.webmanifest" />
        {meta.openGraph ? <OpenGraphTags og={meta.openGraph} /> : null}
        {tw ? <meta name="twitter:card" content={tw.card} /> : null}
        {tw?.title ? <meta name="twitter:title" content={tw.title} /> : null}
        {tw?.description ? <meta name="twitter:description" content={tw.description} /> : null}
        {(tw?.images ?? []).map((src) => (
          <meta key={src} name="twitter:image" content={src} />
        ))}
        {/* One small stylesheet for every reader page, kept by the browser across pages (its
            address changes with its content). Kept out of the HTML so each cached page
            stays small. */}
        <link rel="stylesheet" href={stylesheet} />
        {/* Fonts are fetched in CORS mode, so the preload must be too (`crossorigin`) or the
            browser fetches the font twice (https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Attributes/rel/preload#cors-enabled_fetches). */}
        {meta.direction === "rtl" || directionOf(language) === "rtl" ? <link rel="preload" href={font} as="font" type="font/woff2" crossOrigin="anonymous" /> : null}
        {/* Structured data for search engines; "<" is escaped so it cannot close the script. */}
        {(meta.jsonLd ?? []).map((ld, i) => (
          <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(ld) }} />
        ))}
      </head>
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
