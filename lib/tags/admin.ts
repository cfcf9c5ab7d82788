/**
 * Tags and sections for editors and admins: create, rename, describe, change slug (the old
 * URL redirects), merge, and mark which tags are sections (the site's navigation, in order).
 *
 * Tag names are normalised — Unicode NFC, trimmed, inner spaces collapsed — and matched by
 * the tagging story's language's letter folding and case (lib/text/fold.ts), so one name
 * never becomes two tags and two different words never become one.
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Db } from "@/db";
import { stories, storyTags, auditLog, tagRedirects, tags, type Translations } from "@/db/schema";
import { changedFields } from "@/lib/audit/changes";
import { makeSlug, MAX_SLUG_LENGTH } from "@/lib/text/slug";
import { foldRuleOf, matchKey, type FoldRule } from "@/lib/text/fold";
import { SEARCH_TRANSLATE } from "@/db/schema/search-fold";
import { refreshSearchTerms } from "@/lib/search/terms";
import { gatherTranslationFields, translationsSchema } from "@/lib/i18n/translation-fields";
import { assertSlugFree, moveSlug, TAG_SLUGS } from "@/lib/stories/slug-redirects";
import type { Viewer } from "@/lib/auth/load-viewer";
import { cleanString, cleanText } from "@/lib/text/clean";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { nudgeWebhookWorker } from "@/lib/webhooks/nudge";
import { announceTagChange } from "@/lib/webhooks/taxonomy-events";

/** The canonical form of a tag name (NFC, trimmed, single spaces). */
export function normalizeTagName(name: string): string {
  return cleanText(name).normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The slug of a tag whose name transliterates to nothing (emoji, CJK): "tag-" and a short
 * hash of the name, so each such name gets its own stable slug.
 */
export function tagFallbackSlug(name: string): string {
  return `tag-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
}

/** SQL: `column` folded by a rule and lower-cased, for comparing with matchKey (lib/text/fold.ts). */
function foldedLower(column: SQL, rule: FoldRule): SQL {
  return sql`lower(translate(${column}, ${sql.raw(SEARCH_TRANSLATE[rule].from)}, ${sql.raw(SEARCH_TRANSLATE[rule].to)}))`;
}

/**
 * SQL: the tags whose name, or a translation's name, is `name` in `language` — the same word,
 * whatever keyboard typed it: both sides NFC, folded by the language's rule and lower-cased
 * (lib/text/fold.ts). Pashto never folds its distinct letters together, so two Pashto words
 * that differ by one of them stay two tags.
 */
export function tagNamed(name: string, language: string): SQL {
  const rule = foldRuleOf(language);
  const key = matchKey(name, language);
  return sql`(${foldedLower(sql`${tags.name}`, rule)} = ${key} or exists (select 1 from jsonb_each(${tags.translations}) where ${foldedLower(sql`value->>'name'`, rule)} = ${key}))`;
}

/** Names in Latin letters, digits and punctuation only: their slug spells them, so a slug names one word. */
const SLUG_SPELLS_NAME = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u;

/**
 * The one lookup from a tag name to a tag, for the desk and the WordPress importer: by name in
 * the story's language (tagNamed: NFC, letter folding, case), then, for a Latin-letter name, by
 * an old slug of a renamed or merged tag (so an old name never makes a new tag); else a new
 * tag. A slug is never a match on its own: transliteration gives two different Dari or Pashto
 * words the same Latin letters (ژ and ږ are both "zh"), so a new tag whose slug is taken gets
 * the next free one ("-2", "-3", …).
 * @param language BCP 47 tag of the story being tagged; it decides which letters are one.
 * @param mayCreate called before a new tag is made; throws to refuse (e.g. a role without
 *   `tag:create`).
 * @returns the tag's id and slug and whether it was made now; null for a name that is empty
 *   once normalised.
 */
export async function findOrCreateTag(
  tx: Db,
  rawName: string,
  options: { language?: string; isSection?: boolean; mayCreate?: () => void } = {},
): Promise<{ id: string; slug: string; created: boolean } | null> {
  const name = normalizeTagName(rawName);
  if (!name) return null;
  const language = options.language ?? "en";
  const [found] = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(tagNamed(name, language)).orderBy(asc(tags.createdAt)).limit(1);
  if (found) return { ...found, created: false };
  const base = makeSlug(name, tagFallbackSlug(name));
  if (SLUG_SPELLS_NAME.test(name)) {
    const [moved] = await tx
      .select({ id: tags.id, slug: tags.slug })
      .from(tagRedirects)
      .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
      .where(eq(tagRedirects.oldSlug, base))
      .limit(1);
    if (moved) return { ...moved, created: false };
  }
  options.mayCreate?.();
  for (let n = 1; n <= 50; n++) {
    const slug = n === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1).replace(/-+$/, "")}-${n}`;
    const [redirected] = await tx.select({ s: tagRedirects.oldSlug }).from(tagRedirects).where(eq(tagRedirects.oldSlug, slug)).limit(1);
    if (redirected) continue;
    const [created] = await tx
      .insert(tags)
      .values({ slug, name, isSection: options.isSection ?? false })
      .onConflictDoNothing({ target: tags.slug })
      .returning({ id: tags.id, slug: tags.slug });
    if (created) return { ...created, created: true };
    // The slug is another word's, or the same word was made by a concurrent save between the
    // lookup and the insert.
    const [raced] = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(and(eq(tags.slug, slug), tagNamed(name, language))).limit(1);
    if (raced) return { ...raced, created: false };
  }
  throw new AppError("conflict", `No free address for the tag "${name}". Rename a similar tag first.`);
}

export interface TagRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  isSection: boolean;
  sectionOrder: number;
  stories: number;
  /** Name and description in other languages. */
  translations: Translations<"name" | "description">;
}

function requireManage(viewer: Viewer): void {
  if (!can(viewer.role, "tag:manage")) throw new AppError("forbidden", "Only editors and admins can manage tags.");
}

/** All tags, sections first in their order, then by name. */
export async function listTags(viewer: Viewer): Promise<TagRow[]> {
  requireManage(viewer);
  const db = await getDb();
  return db
    .select({
      id: tags.id,
      slug: tags.slug,
      name: tags.name,
      description: tags.description,
      isSection: tags.isSection,
      sectionOrder: tags.sectionOrder,
      translations: tags.translations,
      stories: sql<number>`(select count(*)::int from ${storyTags} where ${storyTags.tagId} = ${tags.id})`,
    })
    .from(tags)
    .orderBy(sql`${tags.isSection} desc`, asc(tags.sectionOrder), asc(tags.name))
    .limit(2000);
}

const tagSchema = z.object({
  name: z
    .string()
    .transform(normalizeTagName)
    .pipe(z.string().min(1, "A tag needs a name.").max(60, "Keep tag names under 60 characters.")),
  slug: cleanString().default(""),
  description: cleanString(500, "description").default(""),
  isSection: z.union([z.boolean(), z.enum(["true", "on", "false", ""])]).transform((v) => v === true || v === "true" || v === "on").default(false),
  sectionOrder: z.coerce.number({ error: "Use a whole number." }).int("Use a whole number.").min(0).max(999).default(0),
  /** The name and description in other languages ("name:fa" on forms); absent keeps the current ones. */
  translations: translationsSchema({ name: { max: 60, label: "tag name" }, description: { max: 500, label: "description" } }).optional(),
});

/** Tag fields from a form or an object; per-language fields ("name:fa") become `translations`. */
function parse(raw: unknown) {
  const gathered = gatherTranslationFields(raw, ["name", "description"]) as Record<string, unknown>;
  // No per-language field sent: the translations are not being edited.
  const sent = raw && typeof raw === "object" && Object.keys(raw).some((k) => k === "translations" || /^(name|description):/.test(k));
  if (!sent) delete gathered.translations;
  const input = parseInput(tagSchema, gathered);
  return input.translations ? { ...input, translations: normalizeNames(input.translations) } : input;
}

/** Translated tag names normalised like names (NFC, single spaces). */
function normalizeNames(t: Record<string, { name?: string; description?: string }>): Record<string, { name?: string; description?: string }> {
  return Object.fromEntries(Object.entries(t).map(([code, f]) => [code, f.name ? { ...f, name: normalizeTagName(f.name) } : f]));
}

async function assertFree(tx: Db, name: string, slug: string, exceptId?: string) {
  const others = exceptId ? ne(tags.id, exceptId) : undefined;
  const [byName] = await tx.select({ id: tags.id }).from(tags).where(and(sql`lower(${tags.name}) = lower(${name})`, others)).limit(1);
  if (byName) throw new AppError("conflict", `A tag named "${name}" exists.`, { name: "A tag with this name exists." });
  await assertSlugFree(tx, TAG_SLUGS, slug, exceptId);
}

/** Creates a tag. @returns its id. @throws AppError: forbidden, bad_request, conflict. */
export async function createTag(viewer: Viewer, raw: unknown): Promise<string> {
  requireManage(viewer);
  const input = parse(raw);
  const slug = makeSlug(input.slug || input.name, tagFallbackSlug(input.name));
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    await assertFree(tx, input.name, slug);
    const [row] = await tx
      .insert(tags)
      .values({ slug, name: input.name, description: input.description, isSection: input.isSection, sectionOrder: input.sectionOrder, translations: input.translations ?? {} })
      .returning({ id: tags.id });
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "tag.create", entityType: "tag", entityId: row!.id, details: { name: input.name, slug } });
    await announceTagChange(tx, "created", { id: row!.id, slug, name: input.name });
    return row!.id;
  });
  nudgeWebhookWorker();
  return id;
}

/** Renames, re-describes or re-slugs a tag (the old slug redirects). @throws AppError */
export async function updateTag(viewer: Viewer, id: string, raw: unknown): Promise<{ slug: string; oldSlug: string }> {
  requireManage(viewer);
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", "No such tag.");
  const input = parse(raw);
  const db = await getDb();
  const moved = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(tags).where(eq(tags.id, id)).limit(1);
    if (!current) throw new AppError("not_found", "No such tag.");
    const slug = input.slug ? makeSlug(input.slug, current.slug) : current.slug;
    await assertFree(tx, input.name, slug, id);
    await moveSlug(tx, TAG_SLUGS, { id, from: current.slug, to: slug });
    const next = { slug, name: input.name, description: input.description, isSection: input.isSection, sectionOrder: input.sectionOrder, translations: input.translations ?? current.translations };
    const changes = changedFields(current, next, ["name", "slug", "description", "isSection", "sectionOrder", "translations"]);
    if (Object.keys(changes).length === 0) return { slug, oldSlug: current.slug };
    await tx.update(tags).set(next).where(eq(tags.id, id));
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "tag.update", entityType: "tag", entityId: id, details: { name: input.name, changes } });
    await announceTagChange(tx, "updated", { id, slug, name: input.name }, { previousSlug: current.slug });
    if (changes.name || changes.translations) await refreshSearchTerms(tx, { tagId: id });
    return { slug, oldSlug: current.slug };
  });
  nudgeWebhookWorker();
  return moved;
}

/**
 * Merges tag `fromId` into `intoId`: stories move over (a story's section follows), the old
 * tag page redirects, the old tag is deleted.
 * @throws AppError: forbidden, not_found, bad_request.
 */
export async function mergeTags(viewer: Viewer, fromId: string, intoId: string): Promise<{ fromSlug: string; intoSlug: string }> {
  requireManage(viewer);
  if (fromId === intoId) throw new AppError("bad_request", "Pick another tag to merge into.", { intoId: "Same tag" });
  if (!z.uuid().safeParse(fromId).success || !z.uuid().safeParse(intoId).success) throw new AppError("not_found", "No such tag.");
  const db = await getDb();
  const merged = await db.transaction(async (tx) => {
    const both = await tx.select().from(tags).where(inArray(tags.id, [fromId, intoId]));
    const from = both.find((t) => t.id === fromId);
    const into = both.find((t) => t.id === intoId);
    if (!from || !into) throw new AppError("not_found", "No such tag.");
    const already = (await tx.select({ a: storyTags.storyId }).from(storyTags).where(eq(storyTags.tagId, intoId))).map((r) => r.a);
    if (already.length) await tx.delete(storyTags).where(and(eq(storyTags.tagId, fromId), inArray(storyTags.storyId, already)));
    const moving = (await tx.select({ s: storyTags.storyId }).from(storyTags).where(eq(storyTags.tagId, fromId))).map((r) => r.s);
    await tx.update(storyTags).set({ tagId: intoId }).where(eq(storyTags.tagId, fromId));
    await tx.update(stories).set({ primaryTagId: intoId }).where(eq(stories.primaryTagId, fromId));
    await tx.update(tagRedirects).set({ tagId: intoId }).where(eq(tagRedirects.tagId, fromId));
    await tx.delete(tags).where(eq(tags.id, fromId));
    await TAG_SLUGS.addRedirect(tx, from.slug, intoId);
    await tx.insert(auditLog).values({ actorId: viewer.id, action: "tag.merge", entityType: "tag", entityId: intoId, details: { merged: { name: from.name, slug: from.slug } } });
    await announceTagChange(tx, "merged", from, { mergedInto: into });
    await refreshSearchTerms(tx, { storyIds: [...new Set([...moving, ...already])] });
    return { fromSlug: from.slug, intoSlug: into.slug };
  });
  nudgeWebhookWorker();
  return merged;
}
