/**
 * The story page's language switcher: links to the story's public versions in other
 * languages, each named in its own language, marked with `lang`, `dir` and `hreflang` (HTML
 * Living Standard §4.6.2: hreflang gives the linked document's language) so screen readers
 * pronounce each name in its language. Nothing is shown for a story without translations.
 */
import { directionOf, endonymOf } from "@/lib/i18n/languages";
import type { StoryVersionRef } from "@/lib/stories/queries";
import { t } from "@/lib/i18n/messages";

export function LanguageSwitcher({ versions, language }: { versions: StoryVersionRef[]; language: string }) {
  if (versions.length === 0) return null;
  const label = t(language, "story.alsoIn");
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="language-switcher">
      <span className="text-neutral-600">{label}:</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {versions.map((v) => (
          <li key={v.language}>
            <a
              href={`/news/${encodeURIComponent(v.slug)}`}
              hrefLang={v.language}
              lang={v.language}
              dir={directionOf(v.language)}
              className="font-semibold text-brand underline-offset-2 hover:underline"
            >
              {endonymOf(v.language)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
