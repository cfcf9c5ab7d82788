/**
 * A small newsroom for integration tests of the desk's flows (review, mail): the site's
 * settings, five people with bylines (writers Sahar and Jawid, editors Mina and Farid, admin
 * Laila, each at <key>@example.org with TEST_PASSWORD), and a save of a story as it stands with
 * an intent, as the editor's buttons send it. Call `seedNewsroom` once the test database is
 * installed (test/db.ts `useTestDatabase`), in a `beforeAll`.
 */
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { saveSiteSettings, upsertByline } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";

/** The site's name. */
export const TEST_SITE_NAME = "The Test Lantern";
/** Every seeded person's password. */
export const TEST_PASSWORD = "correct horse battery";

/** The seeded people: key (also the address's local part and byline slug's start), name, role. */
const STAFF = [
  ["sahar", "Sahar Ahmadi", "writer"],
  ["jawid", "Jawid Sultani", "writer"],
  ["mina", "Mina Rahimi", "editor"],
  ["farid", "Farid Haidari", "editor"],
  ["laila", "Laila Karimzada", "admin"],
] as const;

/**
 * Saves the site's settings (TEST_SITE_NAME, Asia/Kabul, en-US) and creates the staff, each
 * with a byline of their own.
 * @returns each person's viewer by key.
 */
export async function seedNewsroom(): Promise<Record<string, Viewer>> {
  await saveSiteSettings({ siteName: TEST_SITE_NAME, tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
  const viewers: Record<string, Viewer> = {};
  for (const [key, name, role] of STAFF) {
    await upsertByline({ slug: `${key}-byline`, name });
    const id = await createUser({ email: `${key}@example.org`, name, role, password: TEST_PASSWORD, bylineSlug: `${key}-byline` });
    viewers[key] = (await loadViewer(id))!;
  }
  return viewers;
}

/** A story body of one paragraph, as the editor sends it. */
export const storyBody = (text: string) => JSON.stringify(bodyFromParagraphs([text]));

/** Saves story `id` as it stands with `intent` (and `extra` fields), as `viewer`, at `now`. */
export async function saveWithIntent(viewer: Viewer, id: string, intent: string, extra: Record<string, unknown> = {}, now = new Date()) {
  const s = await getDeskStory(viewer, id);
  return saveStory(viewer, { id, version: s.version, title: s.title, body: JSON.stringify(s.body), tags: s.tags, bylineIds: s.bylineIds, intent, ...extra }, now);
}
