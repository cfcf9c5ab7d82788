/**
 * A record's name in other languages, after its own name in a desk list: small and muted,
 * each in its language's script and direction, so editors see at a glance what is translated.
 */
import { directionOf, STORY_LANGUAGES } from "@/lib/i18n/languages";

/** The names in `translations` ({ fa: { name } }), in the desk's language order; nothing when none. */
export function TranslatedNames({ translations, testId }: { translations: Partial<Record<string, Partial<Record<string, string>>>> | null | undefined; testId?: string }) {
  const names = STORY_LANGUAGES.flatMap((l) => {
    const name = translations?.[l.code]?.name;
    return name ? [{ code: l.code, language: l.name, name }] : [];
  });
  if (names.length === 0) return null;
  return (
    <span className="ms-2 inline-flex flex-wrap gap-x-2 text-xs font-normal text-neutral-600" data-testid={testId}>
      {names.map((n) => (
        <span key={n.code} lang={n.code} dir={directionOf(n.code)} title={n.language}>
          {n.name}
        </span>
      ))}
    </span>
  );
}
