/**
 * The codes of the languages stories are written in (STORY_LANGUAGES in ./languages.ts, which
 * a test keeps equal to this list), in a module with no imports, so next.config.ts can build
 * its edition rewrites from it.
 */
export const STORY_LANGUAGE_CODES = ["en", "fa", "ps", "ar", "ur"] as const;
