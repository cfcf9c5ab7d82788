/**
 * Imports a WordPress export (WXR) into the newsroom: posts (and, by option, pages) become
 * stories; authors become bylines (never users); categories and tags become tags, one per
 * name; `_wp_old_slug` and renamed term slugs become redirects; with a photo source
 * (`photos`: a local uploads folder or fetching from the old site) photo attachments, featured
 * images, body images and galleries become media-library photos (lib/import/photos.ts), and
 * without one images stay links to the old host. Comments, menus and other types are skipped
 * and counted.
 *
 * - One transaction per item: a bad item is reported and skipped, the rest import. An item
 *   whose content is over MAX_ITEM_CONTENT_BYTES (lib/import/wxr.ts) is skipped and reported.
 * - The event loop gets a turn after every item, so a server running an import stays responsive.
 * - Idempotent: items are matched by source site and WordPress post id (or GUID); an
 *   unchanged item is left alone, a changed one is updated as a minor edit, and a story edited
 *   on our desk since its import is never overwritten (reported instead).
 * - Resumable: stop at any item (AbortSignal); running again skips what is already in.
 * - Dry run: every item's transaction is rolled back; the report says what would happen.
 * Dates come from the export's GMT fields (lib/import/map.ts); content goes through the
 * editor's schema (lib/import/content.ts).
 */
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { getDatabase } from "@/db/handle";
import { storyBylines, storyMedia, storyRevisions, stories, storyTags, bylines, importItems, legacyRedirects, slugRedirects, tagRedirects, tags } from "@/db/schema";
import type { StoryStatus } from "@/db/schema";
import { isPubliclyVisible } from "@/lib/stories/visibility";
import type { LegacyKind } from "@/lib/redirects/legacy";
import { makeSlug } from "@/lib/text/slug";
import { uniqueSlug } from "@/lib/stories/store";
import { renderBody } from "@/lib/editor/render";
import { cleanText } from "@/lib/text/clean";
import { directionOf } from "@/lib/i18n/languages";
import { findOrCreateTag, normalizeTagName } from "@/lib/tags/admin";
import { loadPhotos } from "@/lib/media/refs";
import { attachmentInfo, emptyAttachmentIndex, isPhotoAttachment, readAttachmentIndex, type AttachmentIndex, type AttachmentInfo } from "./attachments";
import { resolveImages, wpContentToBody, wpPlainText, type ResolvedImage, type WpImage } from "./content";
import { createPhotoSource, type PhotoSourceOptions } from "./photo-source";
import { ImportPhotos, photoRef, photoRow, photoWords, type PhotoSourceRef, type PhotoResult } from "./photos";
import { itemDates, itemKey, itemStatus, wpSlug, type ImportStatus } from "./map";
import { authorAddresses, itemAddresses, parsePermalinkStructure, termAddresses, type LegacyAddress, type PermalinkStructure } from "./permalink";
import { MAX_ITEM_CONTENT_BYTES, readWxr, WxrError, type WxrChunks, type WxrItem, type WxrRecord, type WxrTerm } from "./wxr";
import { refreshSearchTerms } from "@/lib/search/terms";

export interface ImportOptions {
  /** IANA zone of the WordPress site, for items without a GMT date. */
  siteTimeZone: string;
  dryRun?: boolean;
  /** WordPress pages: imported as stories in a "Pages" section, or skipped (default). */
  pages?: "section" | "skip";
  /** The instant that decides "scheduled" vs "published" (tests set it). */
  now?: Date;
  /**
   * The WordPress site's permalink structure ("/%year%/%monthnum%/%day%/%postname%/"), so
   * its old post addresses redirect (lib/import/permalink.ts). Without it, an item's own
   * `<link>` on the export's host is used.
   */
  permalinkStructure?: string;
  /**
   * Where photos come from: a local copy of wp-content/uploads and/or fetching from the old
   * site. Without it, images stay links to the old host and featured images are left out
   * (both reported). Needs an input that can be read twice (see WxrSource).
   */
  photos?: PhotoSourceOptions;
  actorId?: string | null;
  signal?: AbortSignal;
  /** Called after every item. */
  onProgress?: (done: number) => void | Promise<void>;
}

export interface ImportReport {
  source: string;
  siteTitle: string;
  dryRun: boolean;
  items: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Stories edited on our desk since their import: left as they are. */
  keptLocalEdits: number;
  /** Stories imported, by our status. */
  statuses: Record<ImportStatus, number>;
  /** Items in the file, by WordPress type and status ("post/publish": 51). */
  byType: Record<string, number>;
  skipped: Record<string, number>;
  comments: number;
  /** Items that did not keep their WordPress status, and why (private, password…). */
  drafted: { title: string; reason: string }[];
  /** Item creators that match no author of the file, even after trimming stray characters. */
  unknownAuthors: string[];
  /** Stories given the "Unknown author" byline (their creator matched no author), by title. */
  unknownAuthorStories: string[];
  /**
   * Redirects created: old story slugs, old tag slugs, and old WordPress addresses by kind
   * (lib/redirects/legacy.ts).
   */
  redirects: { stories: number; tags: number; addresses: Partial<Record<LegacyKind, number>> };
  bylines: number;
  tags: number;
  /** Authors (`wp:author`) in the file. */
  authors: number;
  photos: PhotoReport;
  /**
   * Top-level categories of the file that are not sections here. An import never changes the
   * site's navigation: an editor marks sections on the Tags screen; these are proposals.
   */
  proposedSections: string[];
  warnings: string[];
  errors: { item: number; title: string; message: string }[];
  stopped: boolean;
  durationMs: number;
}

/** What an import did with photos. */
export interface PhotoReport {
  /** Where photos came from: "none" when no photo source was given (images stayed links). */
  source: "none" | "uploads" | "fetch" | "uploads and fetch";
  /** New media-library photos. */
  imported: number;
  /** Photos that were already in the library (the same picture), used again. */
  reused: number;
  /** Stories given their featured photo. */
  featured: number;
  /** Photos placed in story bodies (galleries included). */
  inBodies: number;
  /** Images of story bodies that stayed links to the old host. */
  leftAsLinks: number;
  /** New library photos without alt text (a story using one cannot be published from the desk until it has some). */
  withoutAlt: number;
  /** Photos that could not be had, each once, with why, by URL (at most MAX_LISTED). */
  missing: { url: string; reason: string }[];
  /** How many photos could not be had (all of them, when more than are listed). */
  missingCount: number;
}

/**
 * An export to import: a stream (read once), or a function that opens it, which photo imports
 * need: the file is read twice, attachments first (a post's featured photo or gallery may come
 * later in the file than the post).
 */
export type WxrSource = WxrChunks | (() => WxrChunks);

const MAX_LISTED = 200;

/**
 * Items commit without waiting for the disk (synchronous_commit off, see writeItemTx); at
 * most this many, or for at most FLUSH_EVERY_MS, before the importer flushes them (and it
 * flushes at the end). On embedded PGlite nothing else does before the database is closed: a
 * process killed mid-import lost every item it had reported done.
 */
export const FLUSH_EVERY_ITEMS = 25;

/** The longest time, in milliseconds, between two flushes while items commit (see FLUSH_EVERY_ITEMS). */
export const FLUSH_EVERY_MS = 2000;

class DryRunRollback extends Error {}

/**
 * Thrown in an item's transaction when a desk save committed after the item read the story's
 * version: the transaction is rolled back and the item reported as kept (see writeArticleRow).
 */
class ChangedOnDesk extends Error {}

/** A unique-key clash or deadlock between two parallel item transactions: worth one more try. */
function isRetryable(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === "23505" || code === "40P01";
}

function newReport(dryRun: boolean): ImportReport {
  return {
    source: "",
    siteTitle: "",
    dryRun,
    items: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    keptLocalEdits: 0,
    statuses: { published: 0, scheduled: 0, draft: 0 },
    byType: {},
    skipped: {},
    comments: 0,
    drafted: [],
    unknownAuthors: [],
    unknownAuthorStories: [],
    redirects: { stories: 0, tags: 0, addresses: {} },
    bylines: 0,
    tags: 0,
    authors: 0,
    photos: { source: "none", imported: 0, reused: 0, featured: 0, inBodies: 0, leftAsLinks: 0, withoutAlt: 0, missing: [], missingCount: 0 },
    proposedSections: [],
    warnings: [],
    errors: [],
    stopped: false,
    durationMs: 0,
  };
}

const PASHTO_LETTERS = /[ټډړږښګڼېۍځڅ]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/g;

/**
 * The story language: the export's language, unless the text is mostly Arabic script (then
 * Pashto when Pashto-only letters appear, else Dari), since one WordPress site often carries
 * several languages under one setting.
 */
function guessLanguage(text: string, siteLanguage: string): string {
  const letters = text.replace(/[^\p{L}]/gu, "");
  const arabic = text.match(ARABIC_SCRIPT)?.length ?? 0;
  if (letters.length > 0 && arabic / letters.length > 0.5) return PASHTO_LETTERS.test(text) ? "ps" : "fa";
  return (siteLanguage.split("-")[0] || "en").toLowerCase();
}

interface TermInfo {
  name: string;
  parent: string;
  taxonomy: string;
}

/** Finds the tag for a name (one per name, case-insensitively), creating it when missing. */
/** What one item's transaction added; merged into the report only when it commits. */
type Counts = Pick<ImportReport, "tags" | "bylines" | "redirects">;

const noCounts = (): Counts => ({ tags: 0, bylines: 0, redirects: { stories: 0, tags: 0, addresses: {} } });

/**
 * What creating something in an item's transaction counts in the report, as a key per thing
 * ("tag:<name>", "tag-redirect:<slug>", "byline:<slug>"), so each is counted once per run.
 */
type Facts = string[];

async function ensureTag(tx: Db, rawName: string, language: string, wpSlugs: string[], facts: Facts): Promise<string | null> {
  const row = await findOrCreateTag(tx, rawName, { language });
  if (!row) return null;
  if (row.created) facts.push(`tag:${row.slug}`);
  // Old archive URLs (/category/<slug>, /tag/<slug>) lead to the one tag.
  for (const old of wpSlugs) {
    if (!old || old === row.slug) continue;
    const [taken] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, old)).limit(1);
    if (taken) continue;
    const inserted = await tx.insert(tagRedirects).values({ oldSlug: old, tagId: row.id }).onConflictDoNothing().returning({ s: tagRedirects.oldSlug });
    if (inserted.length) facts.push(`tag-redirect:${old}`);
  }
  return row.id;
}

/** The slug of the byline of a WordPress author (by login). */
function bylineSlugOf(login: string): string {
  return login === UNKNOWN_AUTHOR.login ? UNKNOWN_AUTHOR.slug : makeSlug(login, `author-${createHash("sha256").update(login).digest("hex").slice(0, 8)}`);
}

/** The one byline of stories whose WordPress creator matches no author of the file. */
export const UNKNOWN_AUTHOR = { login: "\u0000unknown", slug: "unknown-author", name: "Unknown author" } as const;

/** Finds or creates the byline of a WordPress author (by login). */
async function ensureByline(tx: Db, login: string, displayName: string, facts: Facts): Promise<string> {
  const slug = bylineSlugOf(login);
  const [row] = await tx.select({ id: bylines.id }).from(bylines).where(eq(bylines.slug, slug)).limit(1);
  if (row) return row.id;
  const [created] = await tx.insert(bylines).values({ slug, name: displayName || login }).onConflictDoNothing({ target: bylines.slug }).returning({ id: bylines.id });
  if (created) {
    facts.push(`byline:${slug}`);
    return created.id;
  }
  return (await tx.select({ id: bylines.id }).from(bylines).where(eq(bylines.slug, slug)))[0]!.id;
}

/** An item made ready for writing (all CPU work done), or skipped. */
type Prepared =
  | { kind: "skip" }
  | { kind: "photo"; ref: PhotoSourceRef }
  | {
      kind: "story";
      key: string;
      title: string;
      hash: string;
      /**
       * The hash the item had when imported with photos, when this run has no photo source: a
       * story that has its photos is not turned back into links by an import without them.
       */
      withPhotosHash: string | null;
      status: "draft" | "published";
      decision: ReturnType<typeof itemStatus>;
      fields: {
        title: string;
        excerpt: string;
        body: ReturnType<typeof renderBody>["json"];
        bodyHtml: string;
        bodyText: string;
        language: string;
        direction: "ltr" | "rtl";
        status: "draft" | "published";
        publishedAt: Date | null;
        lastUpdatedAt: Date | null;
      };
      termList: { name: string; slug: string; top: boolean; addresses: LegacyAddress[] }[];
      author: { login: string; name: string };
      /** The item's old public addresses (permalink, link, ?p=), each leading to the story. */
      addresses: LegacyAddress[];
      oldSlugs: string[];
      slugBase: string;
      /** The body's images, in placeholder order (lib/import/content.ts). */
      images: WpImage[];
      /** The featured photo (`_thumbnail_id`): its attachment, or the id the export lacks. */
      featured: { attachment: AttachmentInfo } | { missingId: string } | null;
    };

type StoryItem = Extract<Prepared, { kind: "story" }>;

/** The state of one import run, shared by its steps. */
interface ImportRun {
  options: ImportOptions;
  report: ImportReport;
  /** The instant that decides "scheduled" vs "published". */
  now: Date;
  db: Db;
  authorsByLogin: Map<string, string>;
  /** Author logins by their trimmed, lower-case form (several logins may share one). */
  authorsByLoose: Map<string, string[]>;
  permalink: PermalinkStructure | null;
  /** A category's parent slug by its slug. */
  categoryParents: Map<string, string>;
  /** The export's own host, for items' `<link>`. */
  host: string;
  terms: Map<string, TermInfo>;
  /** Item creators with no `<wp:author>` entry. */
  unknown: Set<string>;
  /** Ids of tags and bylines known to exist (filled only after a transaction commits). */
  tagIds: Map<string, string>;
  bylineIds: Map<string, string>;
  /**
   * The tags, tag redirects and bylines already counted. In a dry run each item's
   * transaction is rolled back, so a later item creates them again; counted once, as the
   * real run counts them, the dry run reports exactly what the real run will do.
   */
  counted: Set<string>;
  /** New story slugs taken in this run (parallel writes must not pick the same one). */
  reservedSlugs: Set<string>;
  /** Names of the top-level categories items use (proposed as sections in the report). */
  topCategories: Set<string>;
  siteLanguage: string;
  /** The site's own address, for images with relative URLs. */
  siteUrl: string;
  /** The export's attachments (read before its items when the source can be read twice). */
  attachments: AttachmentIndex;
  /** The photo getter, null without a photo source. */
  photos: ImportPhotos | null;
  /** Why each photo that could not be had failed, by URL (or "attachment:<id>"). */
  missingReasons: Map<string, string>;
  /** Items committed since the last flush, when it happened, and the flush chain (one at a time). */
  unflushed: number;
  flushedAt: number;
  flushing: Promise<void>;
}

function warn(run: ImportRun, message: string): void {
  if (run.report.warnings.length < MAX_LISTED) run.report.warnings.push(message);
}

function fail(run: ImportRun, item: WxrItem, e: unknown): void {
  if (run.report.errors.length < MAX_LISTED) run.report.errors.push({ item: item.index, title: wpPlainText(item.title) || "(untitled)", message: (e as Error).message });
}

/** Takes in a site, author or term record. @returns false for an item (which the caller writes). */
function noteRecord(run: ImportRun, record: WxrRecord): boolean {
  if (record.kind === "site") {
    run.report.source = record.site.baseBlogUrl || record.site.link || "wordpress";
    run.report.siteTitle = record.site.title;
    run.siteLanguage = record.site.language || "en";
    const hosts: string[] = [];
    for (const u of [record.site.baseBlogUrl, record.site.link, record.site.baseSiteUrl]) {
      try {
        const url = new URL(u);
        if (!run.host) {
          run.host = url.host;
          run.siteUrl = url.href;
        }
        hosts.push(url.hostname.toLowerCase());
      } catch {
        // not an address: try the next one
      }
    }
    if (run.options.photos) run.photos = new ImportPhotos(createPhotoSource(run.options.photos, [...new Set(hosts)]), !!run.options.dryRun);
    return true;
  }
  if (record.kind === "author") {
    run.authorsByLogin.set(record.author.login, record.author.displayName);
    const loose = looseLogin(record.author.login);
    run.authorsByLoose.set(loose, [...(run.authorsByLoose.get(loose) ?? []), record.author.login]);
    return true;
  }
  if (record.kind === "term") {
    const t: WxrTerm = record.term;
    run.terms.set(`${t.taxonomy}:${t.slug}`, { name: t.name, parent: t.parent, taxonomy: t.taxonomy });
    if (t.taxonomy === "category" && t.parent) run.categoryParents.set(t.slug, t.parent);
    return true;
  }
  return false;
}

/** A creator or login without stray characters around it (spaces, quotes, angle brackets, trailing punctuation), lower case. */
export function looseLogin(value: string): string {
  return value
    .trim()
    .replace(/^[\s"'“”‘’`<>«»()[\]{}.,;:!?]+|[\s"'“”‘’`<>«»()[\]{}.,;:!?]+$/gu, "")
    .toLowerCase();
}

/** The author login an item's `dc:creator` names: exact, else the one author it matches loosely, else null. */
function matchAuthor(run: ImportRun, creator: string): string | null {
  if (run.authorsByLogin.has(creator)) return creator;
  const loose = looseLogin(creator);
  const found = loose ? run.authorsByLoose.get(loose) : undefined;
  return found?.length === 1 ? found[0]! : null;
}

/** Why an item is skipped (the report's key), or null when it becomes a story. */
function skipReason(item: WxrItem, options: ImportOptions): string | null {
  const type = item.postType;
  if (type === "attachment" || type === "nav_menu_item" || (type === "page" && options.pages !== "section") || (type !== "post" && type !== "page")) {
    return type === "page"
      ? "pages (skipped by option)"
      : type === "attachment"
        ? options.photos
          ? "attachments that are not photos (left on the old host)"
          : "attachments (media files)"
        : type === "nav_menu_item"
          ? "menu items"
          : `other types (${type || "none"})`;
  }
  if (item.status === "trash" || item.status === "auto-draft" || item.status === "inherit") return `${item.status} items`;
  return null;
}

/** Of the tag names `names`, those that are not a section here (case-insensitive), in order. */
async function notYetSections(db: Db, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const sections = await db
    .select({ name: tags.name })
    .from(tags)
    .where(and(eq(tags.isSection, true), inArray(sql`lower(${tags.name})`, names.map((n) => n.toLowerCase()))));
  const taken = new Set(sections.map((t) => t.name.toLowerCase()));
  return names.filter((n) => !taken.has(n.toLowerCase()));
}

/** An item's terms: categories first (top-level ones proposed as sections), then tags; pages go to "Pages". */
function itemTermList(run: ImportRun, item: WxrItem): StoryItem["termList"] {
  const itemTerms = item.terms.filter((t) => t.taxonomy === "category" || t.taxonomy === "post_tag");
  itemTerms.sort((a, b) => (a.taxonomy === b.taxonomy ? 0 : a.taxonomy === "category" ? -1 : 1));
  const termList = itemTerms
    .filter((t) => !(t.taxonomy === "category" && t.slug === "uncategorized"))
    .map((t) => ({
      name: cleanText(t.name),
      slug: wpSlug(t.slug),
      top: t.taxonomy === "category" && !run.terms.get(`category:${t.slug}`)?.parent,
      addresses: termArchiveAddresses(run, t),
    }));
  if (item.postType === "page") termList.unshift({ name: "Pages", slug: "", top: true, addresses: [] });
  for (const t of termList) {
    const name = t.top ? normalizeTagName(t.name) : "";
    if (name) run.topCategories.add(name);
  }
  return termList;
}

/**
 * The archive addresses of a category or tag: `/tag/<slug>/`, `/category/<slug>/` and, for a
 * subcategory, `/category/<parent>/<slug>/` (which WordPress serves), with their feeds.
 */
function termArchiveAddresses(run: ImportRun, t: { taxonomy: string; slug: string }): LegacyAddress[] {
  if (t.taxonomy !== "category") return termAddresses("post_tag", t.slug);
  const path = [t.slug];
  for (let p = run.terms.get(`category:${t.slug}`)?.parent; p && path.length < 20 && !path.includes(p); p = run.terms.get(`category:${p}`)?.parent) path.unshift(p);
  const out = termAddresses("category", t.slug);
  if (path.length > 1) out.push(...termAddresses("category", path.join("/")));
  return out;
}

/** A size in megabytes, rounded up to a tenth (so an item just over the limit never reads as the limit). */
const megabytes = (bytes: number) => `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Converts an item (CPU work only, no database): a story ready to write, or a skip.
 * @throws Error for an item whose content is over MAX_ITEM_CONTENT_BYTES (the reader did not
 *   keep it), which the caller reports as the item's error.
 */
function prepareItem(run: ImportRun, item: WxrItem): Prepared {
  const { report, options } = run;
  // Photo attachments become library photos (used by a story or not) when photos are imported.
  const attachment = item.postType === "attachment" && run.photos ? attachmentInfo(item) : null;
  if (attachment && isPhotoAttachment(attachment) && item.status !== "trash") return { kind: "photo", ref: { url: attachment.url, attachment } };
  const why = skipReason(item, options);
  if (why) {
    report.skipped[why] = (report.skipped[why] ?? 0) + 1;
    return { kind: "skip" };
  }
  if (item.contentBytes > MAX_ITEM_CONTENT_BYTES) {
    throw new Error(`not imported: its content is ${megabytes(item.contentBytes)}, over the limit of ${megabytes(MAX_ITEM_CONTENT_BYTES)} for one item`);
  }
  const title = wpPlainText(item.title).slice(0, 300) || `Untitled (WordPress item ${item.postId || item.index})`;
  const { published, updated } = itemDates(item, options.siteTimeZone);
  const decision = itemStatus(item, published, run.now);
  if (decision.note && report.drafted.length < MAX_LISTED) report.drafted.push({ title, reason: decision.note });
  // A gallery without ids shows the post's own photo attachments (not its audio or video files).
  const childAttachments = run.attachments.byParent.get(item.postId.trim())?.filter((id) => isPhotoAttachment(run.attachments.byId.get(id)!));
  const converted = wpContentToBody(item.content, { childAttachments });
  const rendered = renderBody(converted.body);
  for (const n of converted.notes) warn(run, `“${title}”: ${n}`);
  const excerpt = wpPlainText(item.excerpt).slice(0, 1000);
  const language = guessLanguage(`${title} ${rendered.text.slice(0, 2000)}`, run.siteLanguage);
  const termList = itemTermList(run, item);

  const creator = item.creator.trim();
  const login = matchAuthor(run, creator);
  if (!login) {
    if (creator) run.unknown.add(creator);
    if (report.unknownAuthorStories.length < MAX_LISTED) report.unknownAuthorStories.push(title);
  }
  const addresses = itemAddresses(item, {
    host: run.host,
    structure: run.permalink,
    siteTimeZone: options.siteTimeZone,
    categoryParents: run.categoryParents,
  });
  const oldSlugs = item.meta.filter((m) => m.key === "_wp_old_slug").map((m) => wpSlug(m.value)).filter(Boolean);
  const slugBase = makeSlug(wpSlug(item.postName) || title, `wp-${item.postId || item.index}`);
  const thumbnail = item.meta.find((m) => m.key === "_thumbnail_id")?.value.trim() ?? "";
  const thumbnailInfo = thumbnail && thumbnail !== "0" ? run.attachments.byId.get(thumbnail) : undefined;
  const featured: StoryItem["featured"] = !thumbnail || thumbnail === "0" ? null : thumbnailInfo ? { attachment: thumbnailInfo } : { missingId: thumbnail };
  const status = decision.status === "draft" ? "draft" : "published";
  const publishedAt = decision.status === "draft" ? null : published;
  const lastUpdatedAt = decision.status === "draft" ? null : updated;
  const hashOf = (photos: boolean) => createHash("sha256")
    .update(
      JSON.stringify([
        title,
        excerpt,
        rendered.html,
        language,
        status,
        publishedAt,
        lastUpdatedAt,
        termList.map((t) => ({ name: t.name, slug: t.slug, top: t.top })),
        login ?? "",
        oldSlugs,
        slugBase,
        // Photos: what the post shows, and whether this run could bring them in.
        converted.images,
        !featured ? "" : "attachment" in featured ? featured.attachment.url : featured.missingId,
        photos,
      ]),
    )
    .digest("hex");
  const hash = hashOf(!!run.photos);
  return {
    kind: "story",
    key: itemKey(item),
    title,
    hash,
    withPhotosHash: run.photos || (converted.images.length === 0 && !featured) ? null : hashOf(true),
    status,
    decision,
    fields: { title, excerpt, body: rendered.json, bodyHtml: rendered.html, bodyText: rendered.text, language, direction: directionOf(language), status, publishedAt, lastUpdatedAt },
    termList,
    author: login ? { login, name: run.authorsByLogin.get(login) || login } : { login: UNKNOWN_AUTHOR.login, name: UNKNOWN_AUTHOR.name },
    addresses,
    oldSlugs,
    slugBase,
    images: converted.images,
    featured,
  };
}

/**
 * Tags and bylines learned in one item's transaction, remembered once it commits, and what
 * it created (see `Facts`).
 */
interface Learned {
  tags: [string, string][];
  bylines: [string, string][];
  facts: Facts;
  /** The story's photos as written: featured (0 or 1), placed in the body, left as links. */
  photos: { featured: number; inBodies: number; leftAsLinks: number };
}

const newLearned = (): Learned => ({ tags: [], bylines: [], facts: [], photos: { featured: 0, inBodies: 0, leftAsLinks: 0 } });

/** A story's photos, got before its transaction (a fetch may take seconds: never while holding it). */
interface GatheredPhotos {
  /** Where each body image comes from (null: nowhere). */
  refs: (PhotoSourceRef | null)[];
  /** Each body image's photo; null when not tried (no photo source). */
  images: (PhotoResult | null)[];
  featured: PhotoResult | null;
}

/** Gets the photos of a story (each URL once per run; see ImportPhotos). Never throws. */
async function gatherPhotos(run: ImportRun, p: StoryItem): Promise<GatheredPhotos> {
  const refs = p.images.map((image) => photoRef(image, run.attachments, run.siteUrl));
  const photos = run.photos;
  if (!photos) return { refs, images: refs.map(() => null), featured: null };
  const [images, featured] = await Promise.all([
    Promise.all(refs.map((ref) => (ref ? photos.get(ref) : Promise.resolve(null)))),
    p.featured && "attachment" in p.featured ? photos.get({ url: p.featured.attachment.url, attachment: p.featured.attachment }) : Promise.resolve(null),
  ]);
  return { refs, images, featured };
}

/** Records a photo that could not be had (listed once per run, by URL). */
function noteMissing(run: ImportRun, url: string, reason: string, learned: Learned): void {
  run.missingReasons.set(url, reason);
  learned.facts.push(`photo-missing:${url}`);
}

/** The library item of a photo, in an item's transaction (see photoRow); its creation is a fact. */
async function libraryPhoto(run: ImportRun, tx: Db, got: Extract<PhotoResult, { ok: true }>, words: ReturnType<typeof photoWords>, learned: Learned): Promise<string> {
  const row = await photoRow(tx, got, words, run.options.actorId ?? null);
  learned.facts.push(row.created ? `photo-new:${got.hash}` : `photo-reused:${got.hash}`);
  if (row.created && !words.alt) learned.facts.push(`photo-noalt:${got.hash}`);
  return row.id;
}

/**
 * Puts a story's photos in the library and its body: each placeholder becomes the library
 * photo, or a link to the old file when the photo could not be had (or no source was given).
 * @returns the body (JSON, HTML, text), the featured photo and the body photos' ids.
 */
async function placePhotos(
  run: ImportRun,
  tx: Db,
  p: StoryItem,
  gathered: GatheredPhotos,
  learned: Learned,
): Promise<{ body: StoryItem["fields"]["body"]; bodyHtml: string; bodyText: string; featuredMediaId: string | null; bodyPhotoIds: string[] }> {
  const ids: (string | null)[] = [];
  for (let i = 0; i < p.images.length; i++) {
    const got = gathered.images[i];
    const ref = gathered.refs[i];
    if (got?.ok && ref) {
      ids.push(await libraryPhoto(run, tx, got, photoWords(ref, p.images[i]), learned));
      if (ref.attachment) learned.facts.push(`attachment-applied:${ref.attachment.id}`);
    }
    else {
      ids.push(null);
      const image = p.images[i]!;
      if (got && !got.ok) noteMissing(run, got.url, got.reason, learned);
      else if (!ref && run.photos && image.attachmentId) noteMissing(run, `attachment:${image.attachmentId}`, `a photo of the story (attachment ${image.attachmentId}) is not in the export`, learned);
    }
  }
  let featuredMediaId: string | null = null;
  if (p.featured && "attachment" in p.featured && gathered.featured?.ok) {
    featuredMediaId = await libraryPhoto(run, tx, gathered.featured, photoWords({ url: p.featured.attachment.url, attachment: p.featured.attachment }), learned);
    learned.facts.push(`attachment-applied:${p.featured.attachment.id}`);
  } else if (gathered.featured && !gathered.featured.ok) noteMissing(run, gathered.featured.url, gathered.featured.reason, learned);
  else if (p.featured && "missingId" in p.featured && run.photos) noteMissing(run, `attachment:${p.featured.missingId}`, `the featured photo (attachment ${p.featured.missingId}) is not in the export`, learned);
  learned.photos = { featured: featuredMediaId ? 1 : 0, inBodies: 0, leftAsLinks: 0 };
  if (p.images.length === 0) return { body: p.fields.body, bodyHtml: p.fields.bodyHtml, bodyText: p.fields.bodyText, featuredMediaId, bodyPhotoIds: [] };
  const library = await loadPhotos(ids.filter((id): id is string => !!id), tx);
  const body = resolveImages(p.fields.body, (i): ResolvedImage => {
    const photo = ids[i] ? library.get(ids[i]!) : undefined;
    if (photo) {
      learned.photos.inBodies += 1;
      return { photo };
    }
    const ref = gathered.refs[i];
    if (!ref || !/^https?:\/\//i.test(ref.url)) return null;
    learned.photos.leftAsLinks += 1;
    const image = p.images[i]!;
    return { link: ref.url, label: image.alt || ref.attachment?.alt || ref.url.split("/").pop() || "photo", caption: image.caption || ref.attachment?.caption };
  });
  const rendered = renderBody(body);
  return { body: rendered.json, bodyHtml: rendered.html, bodyText: rendered.text, featuredMediaId, bodyPhotoIds: [...new Set(ids.filter((id): id is string => !!id))] };
}

/** The tag ids (in order) and byline ids of a story, found or created. */
async function linkTermsAndAuthor(run: ImportRun, tx: Db, p: StoryItem, counts: Counts, learned: Learned): Promise<{ tagIds: string[]; authorIds: string[]; termTagIds: (string | null)[] }> {
  const ids: string[] = [];
  const termTagIds: (string | null)[] = [];
  for (const t of p.termList) {
    // Keyed by name and WordPress slug: a known name under a new slug still gets its redirect.
    const cacheKey = `${normalizeTagName(t.name).toLowerCase()}\u0000${t.slug}`;
    let id = run.tagIds.get(cacheKey) ?? null;
    if (!id) {
      id = await ensureTag(tx, t.name, run.siteLanguage, t.slug ? [t.slug] : [], learned.facts);
      if (id) learned.tags.push([cacheKey, id]);
    }
    termTagIds.push(id);
    if (id && !ids.includes(id)) ids.push(id);
  }
  let id = run.bylineIds.get(p.author.login);
  if (!id) {
    id = await ensureByline(tx, p.author.login, p.author.name, learned.facts);
    learned.bylines.push([p.author.login, id]);
  }
  return { tagIds: ids, authorIds: [id], termTagIds };
}

/**
 * An import is not news: a story it writes public counts as announced to webhook receivers
 * (lib/webhooks/story-events.ts), so moving an archive sends no `story.published`; a
 * scheduled one is announced when its time comes.
 */
function silentlyPublic(run: ImportRun, fields: { status: StoryStatus; publishedAt: Date | null }): boolean {
  return isPubliclyVisible(fields, run.options.now ?? new Date());
}

/**
 * Updates the story an item was imported as before (`seen`: its id and the version the item
 * read), or creates it under a free slug.
 * @throws ChangedOnDesk when the story is no longer at the version read: a desk save
 *   committed meanwhile. The update is conditional on that version, as desk saves are
 *   (lib/stories/desk.ts, writeStoryRow): without it, on PostgreSQL, a save committed between
 *   the item's check and this update was overwritten.
 */
async function writeArticleRow(
  run: ImportRun,
  tx: Db,
  p: StoryItem,
  seen: { storyId: string; version: number } | null,
  fields: StoryItem["fields"] & { primaryTagId: string | null; featuredMediaId: string | null; updatedAt: Date; updatedBy: string | null },
): Promise<{ id: string; version: number; slug: string }> {
  if (seen) {
    const [row] = await tx
      .update(stories)
      .set({ ...fields, announcedPublic: silentlyPublic(run, fields), version: seen.version + 1 })
      .where(and(eq(stories.id, seen.storyId), eq(stories.version, seen.version)))
      .returning({ id: stories.id, version: stories.version, slug: stories.slug });
    if (!row) throw new ChangedOnDesk();
    await tx.delete(storyTags).where(eq(storyTags.storyId, row.id));
    await tx.delete(storyBylines).where(eq(storyBylines.storyId, row.id));
    await tx.delete(storyMedia).where(eq(storyMedia.storyId, row.id));
    return row;
  }
  // Parallel writes must not pick the same free slug: reserve it in this run.
  let slug = await uniqueSlug(tx, p.slugBase);
  for (let n = 2; run.reservedSlugs.has(slug); n++) slug = await uniqueSlug(tx, `${p.slugBase.slice(0, 74)}-r${n}`);
  run.reservedSlugs.add(slug);
  const [row] = await tx
    .insert(stories)
    .values({ ...fields, announcedPublic: silentlyPublic(run, fields), slug, createdBy: run.options.actorId ?? null, createdAt: new Date() })
    .returning({ id: stories.id, version: stories.version, slug: stories.slug });
  return row!;
}

/** Redirects from a post's old WordPress slugs (`_wp_old_slug`) that no story uses. */
async function recordOldSlugs(tx: Db, storyId: string, oldSlugs: string[], counts: Counts): Promise<void> {
  for (const old of oldSlugs) {
    const oldSlug = makeSlug(old, "");
    if (!oldSlug || oldSlug === "story") continue;
    const [clash] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.slug, oldSlug)).limit(1);
    if (clash) continue;
    const inserted = await tx.insert(slugRedirects).values({ oldSlug, storyId }).onConflictDoNothing().returning({ s: slugRedirects.oldSlug });
    counts.redirects.stories += inserted.length;
  }
}

/**
 * Stores old WordPress addresses (308 to their new ones): inserted, or pointed at the new
 * address when it moved. Each one inserted is a fact ("legacy:<kind>:<key>"), counted once
 * per run.
 */
async function recordLegacy(run: ImportRun, tx: Db, rows: { address: LegacyAddress; target: string }[], facts: Facts): Promise<void> {
  if (rows.length === 0) return;
  // In key order, so parallel items that share an archive take its row lock in the same order.
  const sorted = [...rows].sort((a, b) => (a.address.key < b.address.key ? -1 : a.address.key > b.address.key ? 1 : 0));
  const inserted = await tx
    .insert(legacyRedirects)
    .values(sorted.map((r) => ({ path: r.address.key, target: r.target, kind: r.address.kind, source: run.report.source })))
    .onConflictDoUpdate({
      target: legacyRedirects.path,
      set: { target: sql`excluded.target`, kind: sql`excluded.kind`, source: sql`excluded.source` },
      setWhere: sql`${legacyRedirects.target} <> excluded.target`,
    })
    .returning({ path: legacyRedirects.path, kind: legacyRedirects.kind, fresh: sql<boolean>`(xmax = 0)` });
  for (const r of inserted) if (r.fresh) facts.push(`legacy:${r.kind}:${r.path}`);
}

/** The old addresses of an item's story (its permalinks, ?p=) and of its terms and author. */
async function itemLegacyRows(tx: Db, p: StoryItem, storySlug: string, termTagIds: (string | null)[]): Promise<{ address: LegacyAddress; target: string }[]> {
  const story = `/news/${storySlug}`;
  const rows = p.addresses.map((address) => ({ address, target: story }));
  const ids = [...new Set(termTagIds.filter((id): id is string => !!id))];
  const slugs = ids.length ? new Map((await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.id, ids))).map((t) => [t.id, t.slug])) : new Map<string, string>();
  p.termList.forEach((t, i) => {
    const slug = slugs.get(termTagIds[i] ?? "");
    if (slug) for (const address of t.addresses) rows.push({ address, target: address.kind.endsWith("-feed") ? `/tag/${slug}/feed.xml` : `/tag/${slug}` });
  });
  if (p.author.login !== UNKNOWN_AUTHOR.login) {
    const slug = bylineSlugOf(p.author.login);
    for (const address of authorAddresses(p.author.login)) rows.push({ address, target: address.kind.endsWith("-feed") ? `/author/${slug}/feed.xml` : `/author/${slug}` });
  }
  // One row per address (a story's link may equal its permalink): the first wins.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.address.key) && !!seen.add(r.address.key));
}

type Outcome = "created" | "updated" | "unchanged" | "kept";

/**
 * One item's transaction: unchanged and locally edited stories are left alone. @returns what
 * happened. @throws ChangedOnDesk when a desk save commits while the item is written.
 */
async function writeItemTx(run: ImportRun, tx: Db, p: StoryItem, gathered: GatheredPhotos, counts: Counts, learned: Learned): Promise<Outcome> {
  // A bulk import need not wait for each commit to reach the disk: after a crash the items
  // since the last flush (flushIfDue) are simply imported again on resume (PostgreSQL stays
  // consistent).
  await tx.execute(sql`set local synchronous_commit = off`);
  const { report, options } = run;
  const [seen] = await tx
    .select({ storyId: importItems.storyId, hash: importItems.contentHash, version: importItems.storyVersion, current: stories.version, slug: stories.slug })
    .from(importItems)
    .innerJoin(stories, eq(stories.id, importItems.storyId))
    .where(and(eq(importItems.source, report.source), eq(importItems.itemKey, p.key)))
    .limit(1);
  const same = !!seen && (seen.hash === p.hash || seen.hash === p.withPhotosHash);
  if (seen && (same || seen.current !== seen.version)) {
    // Already in: its own old addresses are kept (a permalink structure given only now).
    await recordLegacy(run, tx, await itemLegacyRows(tx, { ...p, termList: [], author: { login: UNKNOWN_AUTHOR.login, name: "" } }, seen.slug, []), learned.facts);
    return same ? "unchanged" : "kept";
  }
  const { tagIds, authorIds, termTagIds } = await linkTermsAndAuthor(run, tx, p, counts, learned);
  const placed = await placePhotos(run, tx, p, gathered, learned);
  const fields = {
    ...p.fields,
    body: placed.body,
    bodyHtml: placed.bodyHtml,
    bodyText: placed.bodyText,
    featuredMediaId: placed.featuredMediaId,
    primaryTagId: tagIds[0] ?? null,
    updatedAt: new Date(),
    updatedBy: options.actorId ?? null,
  };
  const { id: storyId, version, slug: storySlug } = await writeArticleRow(run, tx, p, seen ? { storyId: seen.storyId, version: seen.current } : null, fields);
  if (tagIds.length) await tx.insert(storyTags).values(tagIds.map((tagId, position) => ({ storyId, tagId, position })));
  if (authorIds.length) await tx.insert(storyBylines).values(authorIds.map((bylineId, position) => ({ storyId, bylineId, position })));
  await refreshSearchTerms(tx, { storyIds: [storyId] });
  // Photo uses are recorded, as the desk records them, so the library will not delete a used photo.
  const uses = [
    ...(placed.featuredMediaId ? [{ storyId, mediaId: placed.featuredMediaId, role: "featured" as const }] : []),
    ...placed.bodyPhotoIds.map((mediaId) => ({ storyId, mediaId, role: "body" as const })),
  ];
  if (uses.length) await tx.insert(storyMedia).values(uses);
  await tx.insert(storyRevisions).values({
    storyId,
    version,
    kind: seen ? "minor_edit" : p.status === "published" ? "publish" : "draft",
    note: null,
    title: p.title,
    dek: "",
    body: placed.body,
    createdBy: options.actorId ?? null,
  });
  await recordOldSlugs(tx, storyId, p.oldSlugs, counts);
  await recordLegacy(run, tx, await itemLegacyRows(tx, p, storySlug, termTagIds), learned.facts);
  await tx
    .insert(importItems)
    .values({ source: report.source, itemKey: p.key, storyId, contentHash: p.hash, storyVersion: version })
    .onConflictDoUpdate({ target: [importItems.source, importItems.itemKey], set: { contentHash: p.hash, storyVersion: version, importedAt: new Date() } });
  return seen ? "updated" : "created";
}

/**
 * Makes every transaction committed so far durable. Items commit with synchronous_commit off:
 * PostgreSQL's WAL writer flushes such commits within a fraction of a second, but embedded
 * PGlite runs PostgreSQL in single-user mode, with no WAL writer, so they stay in the
 * process's memory until a synchronous commit flushes the log up to its own record (or the
 * database is closed). This transaction writes one WAL record (a transactional logical
 * decoding message, which touches no table and needs no privilege) and commits
 * synchronously. PGlite runs with fsync off, so "durable" there means written to the
 * operating system: safe from a killed process, not from a power cut.
 */
async function flushCommits(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = on`);
    await tx.execute(sql`select pg_logical_emit_message(true, 'newsroom-import', 'flush')`);
  });
}

/**
 * Flushes the items committed so far when FLUSH_EVERY_ITEMS of them or FLUSH_EVERY_MS have
 * passed since the last flush, or (`final`) whenever any is waiting. Never throws: a failed
 * flush is a warning in the report (the items stay committed; only a crash could lose them).
 */
function flushIfDue(run: ImportRun, final = false): Promise<void> {
  run.flushing = run.flushing.then(async () => {
    const due = run.unflushed > 0 && (final || run.unflushed >= FLUSH_EVERY_ITEMS || Date.now() - run.flushedAt >= FLUSH_EVERY_MS);
    if (!due) return;
    run.unflushed = 0;
    run.flushedAt = Date.now();
    await flushCommits(run.db).catch((e: unknown) => warn(run, `Imported items could not be flushed to disk (${(e as Error).message}); after a crash, run the import again.`));
  });
  return run.flushing;
}

/**
 * Counts what an item's transaction created, each thing once per run (see `counted`): tags,
 * tag redirects, bylines and old addresses into `counts`, photos into the report.
 */
function countFacts(run: ImportRun, facts: Facts, counts: Counts): void {
  const photos = run.report.photos;
  for (const fact of facts) {
    if (run.counted.has(fact)) continue;
    const [kind, rest] = [fact.slice(0, fact.indexOf(":")), fact.slice(fact.indexOf(":") + 1)];
    run.counted.add(fact);
    if (kind === "tag") counts.tags += 1;
    else if (kind === "tag-redirect") counts.redirects.tags += 1;
    else if (kind === "byline") counts.bylines += 1;
    else if (kind === "legacy") {
      const legacyKind = rest.split(":")[0] as LegacyKind;
      counts.redirects.addresses[legacyKind] = (counts.redirects.addresses[legacyKind] ?? 0) + 1;
    } else if (kind === "photo-new") photos.imported += 1;
    else if (kind === "photo-noalt") photos.withoutAlt += 1;
    else if (kind === "photo-missing") {
      photos.missingCount += 1;
      if (photos.missing.length < MAX_LISTED) photos.missing.push({ url: rest, reason: run.missingReasons.get(rest) ?? "could not be had" });
    }
  }
}

/** Whether a story item is in already, unchanged (its photos need not be got again). */
async function unchangedSinceImport(run: ImportRun, p: StoryItem): Promise<boolean> {
  const [seen] = await run.db
    .select({ hash: importItems.contentHash })
    .from(importItems)
    .where(and(eq(importItems.source, run.report.source), eq(importItems.itemKey, p.key)))
    .limit(1);
  return !!seen && (seen.hash === p.hash || seen.hash === p.withPhotosHash);
}

/** Imports a photo attachment into the library (its own transaction, rolled back in a dry run). */
async function writePhotoItem(run: ImportRun, p: Extract<Prepared, { kind: "photo" }>): Promise<void> {
  const learned = newLearned();
  const got = await run.photos!.get(p.ref);
  if (!got.ok) noteMissing(run, got.url, got.reason, learned);
  else if (p.ref.attachment && run.counted.has(`attachment-applied:${p.ref.attachment.id}`)) {
    // A post already put it in the library with this attachment's words (a post's photos come
    // before their attachment items in the file): nothing left to write.
  } else {
    try {
      await run.db.transaction(async (tx) => {
        await libraryPhoto(run, tx, got, photoWords(p.ref), learned);
        if (run.options.dryRun) throw new DryRunRollback();
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
    }
    if (!run.options.dryRun && learned.facts.some((f) => f.startsWith("photo-new:"))) run.unflushed += 1;
  }
  countFacts(run, learned.facts, noCounts());
}

/** Writes one prepared item in its own transaction (rolled back in a dry run) and counts it. */
async function writeItem(run: ImportRun, p: Prepared): Promise<void> {
  if (p.kind === "skip") return;
  if (p.kind === "photo") return writePhotoItem(run, p);
  const { report } = run;
  const learned = newLearned();
  const counts = noCounts();
  let outcome = "unchanged" as Outcome;
  // Photos are got before the transaction, and not at all for an item that is in already.
  const hasPhotos = p.images.length > 0 || !!p.featured;
  const gathered = hasPhotos && !(await unchangedSinceImport(run, p)) ? await gatherPhotos(run, p) : { refs: p.images.map(() => null), images: p.images.map(() => null), featured: null };
  try {
    await run.db.transaction(async (tx) => {
      outcome = await writeItemTx(run, tx, p, gathered, counts, learned);
      // A dry run writes nothing (an unchanged item may still have added old addresses).
      if (run.options.dryRun) throw new DryRunRollback();
    });
    for (const [k, v] of learned.tags) run.tagIds.set(k, v);
    for (const [k, v] of learned.bylines) run.bylineIds.set(k, v);
  } catch (e) {
    if (e instanceof ChangedOnDesk) {
      // Rolled back: the tags and bylines it created are gone, so nothing of it is counted.
      outcome = "kept";
      learned.facts.length = 0;
    } else if (!(e instanceof DryRunRollback)) throw e;
  }
  // What this item created, each thing counted once (see `counted`).
  countFacts(run, learned.facts, counts);
  // Reached only when the transaction committed (or was a dry run's deliberate rollback).
  if (!run.options.dryRun && (outcome === "created" || outcome === "updated")) run.unflushed += 1;
  // Old addresses are kept for every story, whatever happened to it.
  for (const [kind, n] of Object.entries(counts.redirects.addresses) as [LegacyKind, number][]) report.redirects.addresses[kind] = (report.redirects.addresses[kind] ?? 0) + n;
  if (outcome === "kept") {
    report.keptLocalEdits += 1;
    warn(run, `“${p.title}” was edited here after its import; the newer WordPress version was not applied.`);
    return;
  }
  report[outcome] += 1;
  report.statuses[p.decision.status] += 1;
  report.tags += counts.tags;
  report.bylines += counts.bylines;
  report.redirects.stories += counts.redirects.stories;
  report.redirects.tags += counts.redirects.tags;
  if (outcome === "created" || outcome === "updated") {
    report.photos.featured += learned.photos.featured;
    report.photos.inBodies += learned.photos.inBodies;
    report.photos.leftAsLinks += learned.photos.leftAsLinks;
  }
}

/**
 * Runs an import.
 * @param input the WXR file as a stream (read once, in order).
 * @returns the report. Never throws for a bad item or a broken file: the failure is in the
 *   report's errors (the items before the file's first XML error are imported, none after it).
 */
export async function importWxr(source: WxrSource, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const report = newReport(!!options.dryRun);
  // A photo source with neither a folder nor fetching gives no photo: the same as none.
  if (options.photos && !options.photos.uploadsDir && !options.photos.fetch) options = { ...options, photos: undefined };
  if (options.photos && typeof source !== "function") throw new Error("Importing photos reads the export twice: pass a function that opens it.");
  const attachments = typeof source === "function" ? await readAttachmentIndex(source()) : emptyAttachmentIndex();
  const input = typeof source === "function" ? source() : source;
  const photoSource = options.photos;
  if (photoSource) report.photos.source = photoSource.uploadsDir && photoSource.fetch ? "uploads and fetch" : photoSource.uploadsDir ? "uploads" : photoSource.fetch ? "fetch" : "none";
  const run: ImportRun = {
    options,
    report,
    now: options.now ?? new Date(),
    db: await getDb(),
    authorsByLogin: new Map(),
    authorsByLoose: new Map(),
    permalink: options.permalinkStructure?.trim() ? parsePermalinkStructure(options.permalinkStructure) : null,
    categoryParents: new Map(),
    host: "",
    terms: new Map(),
    unknown: new Set(),
    tagIds: new Map(),
    bylineIds: new Map(),
    counted: new Set(),
    reservedSlugs: new Set(),
    topCategories: new Set(),
    siteLanguage: "en",
    siteUrl: "",
    attachments,
    photos: null,
    missingReasons: new Map(),
    unflushed: 0,
    flushedAt: Date.now(),
    flushing: Promise.resolve(),
  };
  let done = 0;

  // While items are written (database time, in the database server's own process), the next
  // ones are converted here (CPU time). PGlite runs in this thread, so one write at a time.
  const parallel = (await getDatabase()).kind === "postgres" ? 3 : 1;
  const inFlight = new Set<Promise<void>>();
  const retry: { item: WxrItem; prepared: Prepared }[] = [];
  try {
    for await (const record of readWxr(input)) {
      if (noteRecord(run, record) || record.kind !== "item") continue;
      if (options.signal?.aborted) {
        report.stopped = true;
        break;
      }
      const item = record.item;
      report.items += 1;
      report.comments += item.comments;
      const typeKey = `${item.postType || "unknown"}/${item.status || "none"}`;
      report.byType[typeKey] = (report.byType[typeKey] ?? 0) + 1;
      let prepared: Prepared | null = null;
      try {
        prepared = prepareItem(run, item);
      } catch (e) {
        fail(run, item, e);
      }
      while (inFlight.size >= parallel) await Promise.race(inFlight);
      if (options.signal?.aborted) {
        report.stopped = true;
        break;
      }
      const ready = prepared;
      const task: Promise<void> = (
        ready ? writeItem(run, ready).catch((e: unknown) => (isRetryable(e) && parallel > 1 ? void retry.push({ item, prepared: ready }) : fail(run, item, e))) : Promise.resolve()
      )
        .then(async () => {
          // Flushed before the progress says so: an item reported done survives a crash.
          await flushIfDue(run);
          done += 1;
          await options.onProgress?.(done);
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      // Let the server answer requests between items: records already parsed, skipped items
      // and (on PGlite, in this thread) quick writes would otherwise chain promise callbacks
      // through a whole chunk of the file without returning to the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    // The reader stops at the first XML error: the items before it are imported, none after.
    const message = e instanceof WxrError ? `${e.message}; nothing after that point was imported.` : (e as Error).message;
    report.errors.push({ item: report.items + 1, title: "(the file)", message });
  }
  await Promise.all(inFlight);
  // Items that collided with a parallel one (same new tag or slug at the same moment): again, alone.
  for (const r of retry) await writeItem(run, r.prepared).catch((e: unknown) => fail(run, r.item, e));
  await flushIfDue(run, true);
  report.unknownAuthors = [...run.unknown];
  report.authors = run.authorsByLogin.size;
  // Items are written in parallel on PostgreSQL: the photos not imported are listed in one
  // order whatever order their items finished in (so a dry run's list is the real run's).
  report.photos.missing.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  // "Already in the library" is counted once all items are in: a photo this run created and
  // another item then found is not, whichever of the two items was counted first.
  for (const fact of run.counted) {
    if (fact.startsWith("photo-reused:") && !run.counted.has(`photo-new:${fact.slice("photo-reused:".length)}`)) report.photos.reused += 1;
  }
  report.proposedSections = await notYetSections(run.db, [...run.topCategories]);
  report.durationMs = Date.now() - started;
  return report;
}

/** Counts `<item>` elements in a file quickly (for progress), without parsing it. */
export async function countWxrItems(input: AsyncIterable<Buffer | string>): Promise<number> {
  let n = 0;
  let tail = "";
  for await (const chunk of input) {
    const text = tail + (typeof chunk === "string" ? chunk : chunk.toString("latin1"));
    n += text.split("<item>").length - 1;
    tail = text.slice(-5);
  }
  return n;
}
