/**
 * Third-party test inputs that may not be copied into this repository: the WordPress theme
 * unit test export (GPL, https://github.com/WordPress/theme-test-data) and the seed article
 * (a news site's page, used as real input for the reader-page checks). They live in one folder
 * outside the checkout, named by `NEWSROOM_FIXTURES_DIR`; a relative value is taken from the
 * project root, and the default is `../shared/fixtures` (beside the checkout). Layout:
 * `wordpress/themeunittestdata.wordpress.xml`, `seed/ariana-news-article.json`.
 *
 * Used by Vitest and Playwright alike, so it imports neither. Tests that need a file call
 * `thirdPartyFixture` and skip with its `missing` text as the reason when the file is absent.
 */
import fs from "node:fs";
import path from "node:path";

export const FIXTURES_ENV = "NEWSROOM_FIXTURES_DIR";

const projectRoot = path.resolve(__dirname, "..");

/** The absolute folder the third-party fixtures are read from (it may not exist). */
export function thirdPartyFixturesDir(): string {
  return path.resolve(projectRoot, process.env[FIXTURES_ENV] || "../shared/fixtures");
}

const warned = new Set<string>();

/**
 * Finds one third-party fixture file.
 * @param relativePath the file's path inside the fixtures folder, e.g. "seed/ariana-news-article.json"
 * @returns `file`, its absolute path, and `missing`: null when the file exists, otherwise a
 *   one-line reason for skipping (also printed once per process on stderr).
 */
export function thirdPartyFixture(relativePath: string): { file: string; missing: string | null } {
  const file = path.join(thirdPartyFixturesDir(), relativePath);
  if (fs.existsSync(file)) return { file, missing: null };
  const missing = `third-party fixture ${file} not found (set ${FIXTURES_ENV} to the folder holding ${relativePath}); tests that need it are skipped`;
  if (!warned.has(file)) {
    warned.add(file);
    console.warn(missing);
  }
  return { file, missing };
}
