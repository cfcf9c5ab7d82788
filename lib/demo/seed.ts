/**
 * The demo newsroom: settings, sections, bylines and stories written for this project
 * (lib/demo/content.ts), and the featured photos of most stories, illustrations drawn for it
 * (lib/demo/photos.ts) and put in the media library as any upload is. Idempotent: settings,
 * tags and bylines are upserted by slug, and a story whose slug exists is left alone (its photo
 * is not even drawn), so seeding twice duplicates nothing.
 */
import "server-only";
import { count, eq, inArray } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb } from "@/db";
import { bylines, liveEntries, stories, settings } from "@/db/schema";
import { renderBody } from "@/lib/editor/render";
import { createStory, saveSiteSettings, upsertByline, upsertTag } from "@/lib/stories/store";
import { env } from "@/lib/env";
import { createUser, findUserByEmail } from "@/lib/users/store";
import { verifyPassword } from "@/lib/auth/password";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { updateMedia, uploadMedia } from "@/lib/media/library";
import type { UserRole } from "@/db/schema";
import { demoBylines, demoSettings, demoStories, demoTags, type DemoBlock, type DemoStory } from "./content";
import { renderJpeg } from "./drawing";
import { demoLiveEntries, demoLiveStory } from "./live";
import { DEMO_PHOTO_CREDIT, demoPhotos } from "./photos";
import { demoBylineNames, demoEditions, demoTagNames, demoTranslations } from "./translations";

const HOUR = 3_600_000;

/**
 * Demo logins, one per role, with the password from DEMO_PASSWORD. For trying the desk only:
 * a production install creates its first admin with `npm run user:create`.
 */
export const DEMO_USERS: { email: string; name: string; role: UserRole; bylineSlug: string }[] = [
  { email: "admin@example.com", name: "Laila Karimzada", role: "admin", bylineSlug: "laila-karimzada" },
  { email: "editor@example.com", name: "Farida Noorzai", role: "editor", bylineSlug: "farida-noorzai" },
  { email: "writer@example.com", name: "Jawid Sultani", role: "writer", bylineSlug: "jawid-sultani" },
];

/** Turns "**bold** and *italic*" markers into Tiptap text nodes with marks. */
export function inlineMarkup(text: string): JSONContent[] {
  const out: JSONContent[] = [];
  const re = /(\*\*[^*]+\*\*|\*[^*]+\*)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ type: "text", text: text.slice(last, m.index) });
    const bold = m[0].startsWith("**");
    out.push({ type: "text", text: m[0].slice(bold ? 2 : 1, bold ? -2 : -1), marks: [{ type: bold ? "bold" : "italic" }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: "text", text: text.slice(last) });
  return out;
}

/** Converts demo blocks into a Tiptap document. */
export function demoBlocksToDoc(blocks: DemoBlock[]): JSONContent {
  const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: inlineMarkup(text) });
  return {
    type: "doc",
    content: blocks.map((b): JSONContent => {
      switch (b.type) {
        case "paragraph":
          return paragraph(b.text);
        case "heading":
          return { type: "heading", attrs: { level: 2 }, content: inlineMarkup(b.text) };
        case "quote":
          return { type: "blockquote", content: [paragraph(b.text)] };
        case "bullets":
          return { type: "bulletList", content: b.items.map((i) => ({ type: "listItem", content: [paragraph(i)] })) };
      }
    }),
  };
}

export interface SeedReport {
  storiesCreated: number;
  storiesSkipped: number;
  /** Demo photos put in the media library by this run (0 when the library had them). */
  photosUploaded: number;
}

/**
 * Draws the demo photos of the stories about to be created and puts them in the media library
 * as `viewer` (the demo admin), through the same checks and processing as any upload, with
 * their alt text, caption and credit. A photo the library already holds (the same picture)
 * keeps the details an editor gave it; only one without alt text gets the demo's.
 * The drawings render concurrently on sharp's threads while earlier ones are stored.
 * @param slugs the stories that will be created. @returns library ids by story slug, and how
 *   many photos were new to the library.
 */
async function seedPhotos(viewer: Viewer, slugs: Set<string>): Promise<{ ids: Map<string, string>; uploaded: number }> {
  const wanted = demoPhotos.filter((p) => slugs.has(p.storySlug));
  const drawn = wanted.map((p) => renderJpeg(p.draw()));
  // A failed drawing is reported where it is awaited, not as an unhandled rejection meanwhile.
  for (const d of drawn) d.catch(() => {});
  const ids = new Map<string, string>();
  let uploaded = 0;
  for (const [i, p] of wanted.entries()) {
    const { data } = await drawn[i]!;
    const { item, duplicate } = await uploadMedia(viewer, { data, name: p.fileName });
    if (!duplicate) uploaded++;
    if (!item.altText) {
      await updateMedia(viewer, item.id, { altText: p.altText, caption: p.caption, creditName: DEMO_PHOTO_CREDIT, usageNotes: p.usageNotes });
    }
    ids.set(p.storySlug, item.id);
  }
  return { ids, uploaded };
}

/**
 * Seeds the demo newsroom into the process's database.
 * @param now the seeding instant; story times are relative to it.
 */
export async function seedDemo(now: Date = new Date()): Promise<SeedReport> {
  const db = await getDb();
  const [existingSettings] = await db.select({ n: count() }).from(settings);
  // Settings are the admins' once they exist: seeding again does not overwrite them.
  if (!existingSettings?.n) await saveSiteSettings({ ...demoSettings, ...demoEditions });
  for (const t of demoTags) await upsertTag({ ...t, translations: demoTagNames[t.slug] ?? {} });
  for (const a of demoBylines) await upsertByline({ ...a, translations: demoBylineNames[a.slug] ?? {} });
  // Users are created once; an existing account (and its password) is never touched.
  const userBySlug = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const existing = await findUserByEmail(u.email);
    const id = existing?.id ?? (await createUser({ ...u, password: env().DEMO_PASSWORD }));
    userBySlug.set(u.bylineSlug, id);
  }
  const existing = new Set(
    (
      await db
        .select({ slug: stories.slug })
        .from(stories)
        .where(inArray(stories.slug, [...demoStories, ...demoTranslations].map((s) => s.slug)))
    ).map((r) => r.slug),
  );
  // Photos are uploaded by the demo admin; without that account (deactivated) stories get none.
  const adminId = userBySlug.get(DEMO_USERS.find((u) => u.role === "admin")!.bylineSlug);
  const admin = adminId ? await loadViewer(adminId) : null;
  const toCreate = new Set(demoStories.filter((s) => !existing.has(s.slug)).map((s) => s.slug));
  const photos = admin ? await seedPhotos(admin, toCreate) : { ids: new Map<string, string>(), uploaded: 0 };
  let created = 0;
  // Originals first: a translation is linked to its original as it is created.
  for (const s of [...demoStories, ...demoTranslations] as (DemoStory & { translationOf?: string })[]) {
    if (existing.has(s.slug)) continue;
    const publishedAt = s.status === "draft" ? null : new Date(now.getTime() - s.publishedHoursAgo * HOUR);
    const lastUpdatedAt =
      publishedAt && s.updatedHoursAfterPublish ? new Date(publishedAt.getTime() + s.updatedHoursAfterPublish * HOUR) : publishedAt;
    await createStory({
      slug: s.slug,
      title: s.title,
      dek: s.dek,
      body: demoBlocksToDoc(s.body),
      language: s.language,
      status: s.status === "draft" ? "draft" : "published",
      publishedAt,
      lastUpdatedAt,
      isBreaking: s.breaking ?? false,
      // The demo's breaking story stays breaking for half a day after seeding, so a new
      // install shows the label and the bar; then it ends, as breaking news does.
      breakingUntil: s.breaking ? new Date(now.getTime() + 12 * HOUR) : null,
      tagSlugs: s.tags,
      bylineSlugs: s.bylines,
      note: s.updateNote ?? null,
      featuredMediaId: photos.ids.get(s.slug) ?? null,
      ...(s.translationOf ? { translationOfSlug: s.translationOf } : {}),
      // The story belongs to the desk user behind its first byline, if any.
      actorId: userBySlug.get(s.bylines[0] ?? "") ?? null,
    });
    created++;
  }
  if (await seedLiveBlog(now, userBySlug)) created++;
  return { storiesCreated: created, storiesSkipped: demoStories.length + demoTranslations.length + 1 - created, photosUploaded: photos.uploaded };
}

/**
 * The demo live blog (lib/demo/live.ts), once: its story, made a live blog whose coverage
 * started `coverageHoursAgo` before `now`, and its entries at their minutes, published.
 * @returns whether it was created (false when its slug exists).
 */
async function seedLiveBlog(now: Date, userBySlug: Map<string, string>): Promise<boolean> {
  const db = await getDb();
  const s = demoLiveStory;
  const [exists] = await db.select({ id: stories.id }).from(stories).where(eq(stories.slug, s.slug)).limit(1);
  if (exists) return false;
  const start = new Date(now.getTime() - s.coverageHoursAgo * HOUR);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const newest = at(Math.max(...demoLiveEntries.map((e) => e.minutes)));
  const { id } = await createStory({
    slug: s.slug,
    title: s.title,
    dek: s.dek,
    body: demoBlocksToDoc(s.body),
    language: s.language,
    status: "published",
    publishedAt: start,
    lastUpdatedAt: newest,
    tagSlugs: s.tags,
    bylineSlugs: s.bylines,
    actorId: userBySlug.get(s.bylines[0] ?? "") ?? null,
  });
  await db.update(stories).set({ isLiveBlog: true, coverageStartedAt: start }).where(eq(stories.id, id));
  const bylineRows = await db.select({ id: bylines.id, slug: bylines.slug }).from(bylines).where(inArray(bylines.slug, [...new Set(demoLiveEntries.map((e) => e.byline))]));
  const bylineId = new Map(bylineRows.map((b) => [b.slug, b.id]));
  for (const e of demoLiveEntries) {
    const rendered = renderBody(demoBlocksToDoc([{ type: "paragraph", text: e.text }]));
    await db.insert(liveEntries).values({
      storyId: id,
      status: "published",
      headline: e.headline ?? "",
      body: rendered.json,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      bylineId: bylineId.get(e.byline) ?? null,
      isKeyEvent: e.keyEvent ?? false,
      isPinned: e.pinned ?? false,
      postedAt: at(e.minutes),
      createdAt: at(e.minutes),
      updatedAt: at(e.minutes),
      createdBy: userBySlug.get(e.byline) ?? null,
    });
  }
  return true;
}

/** True when the database holds no stories and no settings (a fresh install). */
export async function isDatabaseEmpty(): Promise<boolean> {
  const db = await getDb();
  const [[a], [s]] = await Promise.all([
    db.select({ n: count() }).from(stories),
    db.select({ n: count() }).from(settings),
  ]);
  return !a?.n && !s?.n;
}

/** Demo accounts that still exist and still accept the demo password (worth a warning). */
export async function demoLoginsInUse(): Promise<{ email: string; role: UserRole }[]> {
  const out: { email: string; role: UserRole }[] = [];
  for (const u of DEMO_USERS) {
    const user = await findUserByEmail(u.email);
    if (user?.active && (await verifyPassword(user.passwordHash, env().DEMO_PASSWORD))) out.push({ email: user.email, role: user.role });
  }
  return out;
}
