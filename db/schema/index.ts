/**
 * The whole data model of the newsroom, written once with
 * `drizzle-orm/pg-core` so the same schema runs on embedded PGlite and on PostgreSQL.
 *
 * Conventions:
 * - Table constants are plural camelCase; SQL names are snake_case.
 * - Every instant is `timestamp with time zone` in `mode: "date"`: the driver hands us a JS
 *   `Date` (an absolute instant), never a wall-clock string in the session's zone (string mode
 *   and zoneless columns came back shifted: https://github.com/drizzle-team/drizzle-orm/issues/1587).
 * - Keep migrations to SQL that both PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18) accept.
 */
import { sql, type SQL } from "drizzle-orm";
import { isPashtoSql, SEARCH_TRANSLATE } from "./search-fold";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** An instant, stored in UTC. */
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Text fields of a record in other languages: { "<BCP 47 tag>": { field: text } }; a missing field falls back to the record's own column. */
export type Translations<F extends string> = Record<string, Partial<Record<F, string>>>;

/** PostgreSQL's `tsvector`; written by the database only (generated columns), read in SQL only. */
const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

/**
 * The stored search document of a story: headline (weight A), dek and `searchTerms` (its tag
 * and byline names, B) and body text (C), each folded by the story's language's rule
 * (./search-fold.ts) and indexed twice, with `english` (stems: "running" finds "run") and
 * `simple` (every word as written, which is what Dari and Pashto need).
 */
function searchDocument(columns: { title: unknown; dek: unknown; terms: unknown; bodyText: unknown }) {
  const fold = (c: unknown) =>
    sql`(case when ${sql.raw(isPashtoSql('"language"'))} then translate(${c}, ${sql.raw(SEARCH_TRANSLATE.ps.from)}, ${sql.raw(SEARCH_TRANSLATE.ps.to)}) else translate(${c}, ${sql.raw(SEARCH_TRANSLATE.default.from)}, ${sql.raw(SEARCH_TRANSLATE.default.to)}) end)`;
  const part = (c: unknown, weight: "A" | "B" | "C") =>
    sql`setweight(to_tsvector('english'::regconfig, ${fold(c)}), '${sql.raw(weight)}') || setweight(to_tsvector('simple'::regconfig, ${fold(c)}), '${sql.raw(weight)}')`;
  return sql`${part(columns.title, "A")} || ${part(columns.dek, "B")} || ${part(columns.terms, "B")} || ${part(columns.bodyText, "C")}`;
}

/**
 * Characters of body text in a story's ranking document (`rankVector`): the lead, where a
 * news story states what it is about (the inverted pyramid). Ranking reads this small
 * document instead of the whole story, which costs a few milliseconds per search instead of
 * tens at 10k stories.
 */
export const RANK_LEAD_CHARS = 1000;

export const userRole = pgEnum("user_role", ["writer", "editor", "admin"]);

/**
 * Story workflow states. "Scheduled" is not a state: it is a `published` story whose
 * `published_at` is still in the future (lib/stories/visibility.ts).
 */
export const storyStatus = pgEnum("story_status", ["draft", "in_review", "published", "unpublished"]);

/** The kind of save a revision snapshot records (one snapshot per save). */
export const revisionKind = pgEnum("revision_kind", [
  "autosave",
  "draft",
  "submit",
  "publish",
  "update",
  "minor_edit",
  "correction",
  "unpublish",
  "schedule",
  "clarification",
  "restore",
  "pending",
]);

/** Revision kinds whose note readers see on the story ("Updates and corrections"). */
export const PUBLIC_NOTE_KINDS = ["update", "correction", "clarification"] as const;

export const textDirection = pgEnum("text_direction", ["ltr", "rtl"]);

/** People who log in to the desk. E-mail is stored lower-cased. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("writer"),
    active: boolean("active").notNull().default(true),
    deactivatedAt: instant("deactivated_at"),
    /**
     * When the person first set their password (accepted the invitation), or was created with
     * one; null while an invitation is still open (invited, not joined).
     */
    joinedAt: instant("joined_at"),
    /** Bumped when a password changes: sessions minted before it stop working. */
    sessionVersion: integer("session_version").notNull().default(1),
    /** The hour (0–23, newsroom time zone) of this person's daily digest of notifications. */
    digestHour: smallint("digest_hour").notNull().default(8),
    /** When this person's last daily digest was made (null: never). */
    lastDigestAt: instant("last_digest_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** Bylines: public author profiles. `userId` is null for guest and wire bylines. */
export const bylines = pgTable(
  "bylines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    jobTitle: text("job_title").notNull().default(""),
    bio: text("bio").notNull().default(""),
    photoUrl: text("photo_url"),
    /** The name, job title and bio in other languages, by BCP 47 tag ({ fa: { name: "…" } }); a missing field falls back to the column. */
    translations: jsonb("translations").$type<Translations<"name" | "jobTitle" | "bio">>().notNull().default({}),
    /** A retired byline keeps its page and its stories but is no longer offered on the desk. */
    retired: boolean("retired").notNull().default(false),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("bylines_slug_key").on(t.slug), uniqueIndex("bylines_user_id_key").on(t.userId)],
);

/** Tags; the first tag of a story is its section. */
export const tags = pgTable(
  "tags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** A section: listed in the site's navigation, in `sectionOrder`. */
    isSection: boolean("is_section").notNull().default(false),
    sectionOrder: integer("section_order").notNull().default(0),
    /** The name and description in other languages, by BCP 47 tag ({ ps: { name: "…" } }); a missing field falls back to the column. */
    translations: jsonb("translations").$type<Translations<"name" | "description">>().notNull().default({}),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tags_slug_key").on(t.slug)],
);

/** Old tag slugs (renamed or merged tags); their pages redirect (308) to the current one. */
export const tagRedirects = pgTable("tag_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  tagId: uuid("tag_id")
    .notNull()
    .references(() => tags.id, { onDelete: "cascade" }),
  createdAt: instant("created_at").notNull().defaultNow(),
});

/**
 * Stories. Dates:
 * - `publishedAt`: first publication, or the scheduled instant while it is in the future;
 * - `lastUpdatedAt`: the public "Last Updated On" (set on publish, moved only by an update);
 * - `updatedAt`: any change at all (desk bookkeeping, never shown to readers).
 */
export const stories = pgTable(
  "stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    dek: text("dek").notNull().default(""),
    /** A hand-written excerpt; when empty, readers see one cut from `bodyText`. */
    excerpt: text("excerpt").notNull().default(""),
    /** Tiptap (ProseMirror) JSON document. */
    body: jsonb("body").notNull(),
    /** Sanitised HTML rendered from `body` at save time; reader requests do no Tiptap work. */
    bodyHtml: text("body_html").notNull().default(""),
    /** Plain text of the body, for automatic excerpts and search. */
    bodyText: text("body_text").notNull().default(""),
    /** BCP 47 language tag of the story, e.g. "en", "fa", "ps". */
    language: text("language").notNull().default("en"),
    direction: textDirection("direction").notNull().default("ltr"),
    status: storyStatus("status").notNull().default("draft"),
    publishedAt: instant("published_at"),
    lastUpdatedAt: instant("last_updated_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    /** Optimistic locking: a save carries the version it started from. */
    version: integer("version").notNull().default(1),
    isBreaking: boolean("is_breaking").notNull().default(false),
    /**
     * While `isBreaking`, the label on the story and the breaking-news bar on every reader page
     * show until this instant (always set for a breaking story: breaking news expires).
     */
    breakingUntil: instant("breaking_until"),
    /**
     * An embargo: before this instant the story cannot become public by any path (publishing
     * now and earlier schedules are refused, and reader queries hold it back).
     */
    embargoUntil: instant("embargo_until"),
    /**
     * A scheduled unpublish: from this instant readers no longer see the story (the reader rule
     * checks it, so it holds to the millisecond); the scheduler then records it as unpublished.
     */
    unpublishAt: instant("unpublish_at"),
    /** Who set the scheduled unpublish. */
    unpublishSetBy: uuid("unpublish_set_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    primaryTagId: uuid("primary_tag_id").references(() => tags.id, { onDelete: "set null" }),
    seoTitle: text("seo_title").notNull().default(""),
    seoDescription: text("seo_description").notNull().default(""),
    canonicalUrl: text("canonical_url"),
    /**
     * When the story went to the trash (null: not trashed). A trashed story is off the site and
     * out of the desk's lists; editors may restore it until it is purged (TRASH_DAYS later).
     */
    trashedAt: instant("trashed_at"),
    trashedBy: uuid("trashed_by").references(() => users.id, { onDelete: "set null" }),
    /** When the story was last submitted for review, and by whom (null once it leaves review). */
    submittedAt: instant("submitted_at"),
    submittedBy: uuid("submitted_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    /** The lead (featured) photo: shown on the story and as its card image. */
    featuredMediaId: uuid("featured_media_id").references((): AnyPgColumn => media.id, { onDelete: "restrict" }),
    /**
     * Whether webhook receivers were last told the story is public (`story.published`) rather
     * than not (never, `story.unpublished` or `story.deleted`). Changes to it are made with the
     * event, in one transaction, so each public/not-public transition is announced once.
     */
    announcedPublic: boolean("announced_public").notNull().default(false),
    /**
     * A live blog: rolling coverage told in short timestamped entries (`live_entries`), posted
     * one by one without saving the story. The story's body is the live blog's introduction.
     */
    isLiveBlog: boolean("is_live_blog").notNull().default(false),
    /** When the live coverage began (set when the story becomes a live blog) and ended (null: still live). */
    coverageStartedAt: instant("coverage_started_at"),
    coverageEndedAt: instant("coverage_ended_at"),
    /** An editor lets writers publish their entries on this live blog directly (else they post drafts). */
    writersMayPublishEntries: boolean("writers_may_publish_entries").notNull().default(false),
    /**
     * The names a reader may search a story by besides its text: its tags' and bylines' names,
     * in every language they are given in, one per line. Written by the data layer
     * (lib/search/terms.ts) whenever a story's tags or bylines, or their names, change.
     */
    searchTerms: text("search_terms").notNull().default(""),
    /**
     * Translations: the versions of one story in other languages share a group id (null: no
     * translation linked). `translatedFromId` is the version this one was translated from, and
     * `translationSyncedAt` that version's "Last Updated On" (or, unpublished, its last change)
     * when this translation was made or last marked caught up with it.
     */
    translationGroupId: uuid("translation_group_id"),
    translatedFromId: uuid("translated_from_id").references((): AnyPgColumn => stories.id, { onDelete: "set null" }),
    translationSyncedAt: instant("translation_synced_at"),
    /** Generated from title, dek, search terms and body text; see `searchDocument`. */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs((): SQL => searchDocument({ title: sql.raw('"title"'), dek: sql.raw('"dek"'), terms: sql.raw('"search_terms"'), bodyText: sql.raw('"body_text"') })),
    /**
     * The ranking document: headline, dek and the first RANK_LEAD_CHARS of the body, built like
     * `searchVector`. Search matches on `searchVector` (every word of the story) and ranks the
     * matches on this one.
     */
    rankVector: tsvector("rank_vector")
      .notNull()
      .generatedAlwaysAs((): SQL => searchDocument({ title: sql.raw('"title"'), dek: sql.raw('"dek"'), terms: sql.raw('"search_terms"'), bodyText: sql.raw(`left("body_text", ${RANK_LEAD_CHARS})`) })),
  },
  (t) => [
    uniqueIndex("stories_slug_key").on(t.slug),
    index("stories_search_idx").using("gin", t.searchVector),
    // Reader lists order by (published_at, id): one index gives that order both ways (newest
    // first for pages and feeds, oldest first for sitemaps) without a sort. NULLS FIRST is what
    // a plain `ORDER BY … DESC` means; an index sorted NULLS LAST could not serve it.
    // Migration 0013 adds INCLUDE (slug, last_updated_at, primary_tag_id), which drizzle-kit
    // cannot express, so sitemaps and section lists are index-only scans.
    index("stories_status_published_at_idx").on(t.status, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("stories_primary_tag_idx").on(t.primaryTagId),
    index("stories_translation_group_idx").on(t.translationGroupId).where(sql`${t.translationGroupId} is not null`),
    index("stories_breaking_idx").on(t.isBreaking).where(sql`${t.isBreaking}`),
    index("stories_updated_at_idx").on(t.updatedAt.desc()),
    index("stories_trashed_at_idx").on(t.trashedAt).where(sql`${t.trashedAt} is not null`),
    // The webhook sweep's two questions: which published stories not yet announced have come
    // to their instant, and which announced ones have reached a scheduled unpublish.
    index("stories_announce_due_idx").on(t.publishedAt).where(sql`${t.status} = 'published' and not ${t.announcedPublic}`),
    index("stories_unannounce_due_idx").on(t.unpublishAt).where(sql`${t.announcedPublic} and ${t.unpublishAt} is not null`),
    check("stories_version_positive", sql`${t.version} > 0`),
    // An embargo holds by any path: a published (or scheduled) story's publication instant is
    // never before its embargo, so the reader rule "published and its time has come" implies
    // "the embargo is over".
    check("stories_unpublish_after_publication", sql`${t.unpublishAt} is null or ${t.publishedAt} is null or ${t.unpublishAt} > ${t.publishedAt}`),
    check("stories_coverage_order", sql`${t.coverageEndedAt} is null or (${t.coverageStartedAt} is not null and ${t.coverageEndedAt} >= ${t.coverageStartedAt})`),
    check("stories_embargo_respected", sql`${t.embargoUntil} is null or ${t.status} <> 'published' or ${t.publishedAt} >= ${t.embargoUntil}`),
  ],
);

/**
 * Photos in the media library. The stored file is the upload re-encoded without its metadata
 * (EXIF, GPS, XMP are dropped; the colour profile is kept), named by its content hash, so an
 * image URL never changes meaning and may be cached for a year.
 */
export const media = pgTable(
  "media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** File name in storage: `<first 32 hex of SHA-256>.<ext>`. */
    storageKey: text("storage_key").notNull(),
    /** SHA-256 of the stored bytes (hex); the same photo uploaded twice is one item. */
    contentHash: text("content_hash").notNull(),
    mimeType: text("mime_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    originalName: text("original_name").notNull().default(""),
    /** What the photo shows, for readers who cannot see it. Required before a story using it is published. */
    altText: text("alt_text").notNull().default(""),
    caption: text("caption").notNull().default(""),
    /** A longer account of the photo for staff (WordPress's attachment description); not shown to readers. */
    description: text("description").notNull().default(""),
    creditName: text("credit_name").notNull().default(""),
    creditOrg: text("credit_org").notNull().default(""),
    creditUrl: text("credit_url"),
    /** Rights and restrictions for staff ("one-time use", "not for social"). Never public. */
    usageNotes: text("usage_notes").notNull().default(""),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("media_storage_key_key").on(t.storageKey),
    uniqueIndex("media_content_hash_key").on(t.contentHash),
    index("media_created_at_idx").on(t.createdAt.desc()),
    index("media_uploaded_by_idx").on(t.uploadedBy),
  ],
);

/** Where each photo is used: the story's featured photo, or a photo in its body. */
export const storyMedia = pgTable(
  "story_media",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "restrict" }),
    role: text("role", { enum: ["featured", "body"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.mediaId, t.role] }), index("story_media_media_idx").on(t.mediaId)],
);

/**
 * Stories that came from a WordPress export: one row per source item, so importing the same
 * file again matches instead of duplicating, and a newer export updates what changed.
 */
export const importItems = pgTable(
  "import_items",
  {
    /** The source site (its blog URL from the export). */
    source: text("source").notNull(),
    /** "post:<wp post id>", or "guid:<guid>" when an item has no id. */
    itemKey: text("item_key").notNull(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** SHA-256 of what the import wrote, to tell "unchanged" from "updated". */
    contentHash: text("content_hash").notNull(),
    /** The story's version after the import wrote it: a later version means it was edited here. */
    storyVersion: integer("story_version").notNull(),
    importedAt: instant("imported_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.itemKey] }), index("import_items_story_idx").on(t.storyId)],
);

/** Import runs started from the desk, with their progress and report. */
export const importRuns = pgTable("import_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  /** Where the uploaded file is kept (under DATA_DIR) until the run is finished. */
  filePath: text("file_path").notNull(),
  options: jsonb("options").notNull(),
  status: text("status", { enum: ["queued", "running", "done", "failed", "stopped"] }).notNull().default("queued"),
  itemsTotal: integer("items_total").notNull().default(0),
  itemsDone: integer("items_done").notNull().default(0),
  report: jsonb("report"),
  error: text("error"),
  startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: instant("created_at").notNull().defaultNow(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/** Ordered bylines of a story. */
export const storyBylines = pgTable(
  "story_bylines",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    bylineId: uuid("byline_id")
      .notNull()
      .references(() => bylines.id, { onDelete: "restrict" }),
    position: smallint("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.bylineId] }), index("story_bylines_byline_idx").on(t.bylineId)],
);

/** Ordered tags of a story; position 0 is the section. */
export const storyTags = pgTable(
  "story_tags",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    position: smallint("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.tagId] }), index("story_tags_tag_idx").on(t.tagId)],
);

/** A snapshot for every save, with who, when, what kind, and its public note. */
export const storyRevisions = pgTable(
  "story_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: revisionKind("kind").notNull(),
    /** Public note (shown to readers for updates and corrections). */
    note: text("note"),
    title: text("title").notNull(),
    dek: text("dek").notNull().default(""),
    body: jsonb("body").notNull(),
    /** The other fields at this revision (slug, excerpt, language, tag and byline names, breaking). */
    fields: jsonb("fields").$type<RevisionFields>(),
    createdAt: instant("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("story_revisions_story_idx").on(t.storyId, t.createdAt.desc())],
);

/** What a revision records besides headline, dek and body. */
export interface RevisionFields {
  slug: string;
  excerpt: string;
  language: string;
  tags: string[];
  bylines: string[];
  isBreaking: boolean;
}

/** Old slugs of a story; requests for them redirect (308) to the current slug. */
export const slugRedirects = pgTable(
  "slug_redirects",
  {
    oldSlug: text("old_slug").primaryKey(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("slug_redirects_story_idx").on(t.storyId)],
);

/**
 * Addresses a WordPress site served, kept after an import: a request for `path` answers 308
 * to `target`. `path` is normalised (lib/redirects/legacy.ts: lower case, percent-encoding
 * of non-ASCII in lower-case hex, no trailing slash); query addresses live in their own key
 * space without a leading slash (`p:123`, `page_id:45`). `kind` says what it came from
 * (permalink, post-id, page-id, category, tag, author, and their `-feed` variants).
 */
export const legacyRedirects = pgTable(
  "legacy_redirects",
  {
    path: text("path").primaryKey(),
    target: text("target").notNull(),
    kind: text("kind").notNull(),
    /** The import's source site (ImportReport.source). */
    source: text("source").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("legacy_redirects_target_idx").on(t.target)],
);

/** Old byline slugs (renamed or merged bylines); their pages redirect (308) to the current one. */
export const bylineRedirects = pgTable("byline_redirects", {
  oldSlug: text("old_slug").primaryKey(),
  bylineId: uuid("byline_id")
    .notNull()
    .references(() => bylines.id, { onDelete: "cascade" }),
  createdAt: instant("created_at").notNull().defaultNow(),
});

/** Site-wide settings: exactly one row (id = 1). */
export const settings = pgTable(
  "settings",
  {
    id: smallint("id").primaryKey().default(1),
    siteName: text("site_name").notNull(),
    tagline: text("tagline").notNull().default(""),
    aboutText: text("about_text").notNull().default(""),
    /** IANA time zone in which readers see dates, e.g. "Asia/Kabul". */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** BCP 47 locale for dates and the site's own language, e.g. "en-US". */
    locale: text("locale").notNull().default("en-US"),
    /** Language new stories start in. */
    defaultLanguage: text("default_language").notNull().default("en"),
    logoUrl: text("logo_url"),
    /**
     * Languages with their own edition besides `defaultLanguage` (its front page, navigation and
     * feeds under /<language>/), in the order the language switcher lists them.
     */
    editionLanguages: text("edition_languages").array().notNull().default(sql`'{}'::text[]`),
    /** The site's name, tagline and About text in other languages, by BCP 47 tag; a missing field falls back to the column. */
    translations: jsonb("translations").$type<Translations<"siteName" | "tagline" | "aboutText">>().notNull().default({}),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [check("settings_single_row", sql`${t.id} = 1`)],
);

/** Who did what to which record, and when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: jsonb("details"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_created_idx").on(t.createdAt)],
);

/**
 * Sign-in attempts, kept in the database so rate limits hold across restarts and instances.
 * `email` is the lower-cased address as typed (it may match no user).
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.createdAt),
    index("login_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

/**
 * Desk sessions, one per sign-in. The session cookie (a signed JWT) carries this row's id; a
 * request is signed in only while the row exists and is not revoked, so signing out, "sign out
 * everywhere", a password change and deactivation end a session even for a copied cookie.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    /** Set when the session was ended (signed out, or every session of the user ended). */
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Stories editors pinned to the front page: position 0 is the lead, 1… the top stories in
 * order. A pin holds until `pinnedUntil` (null: until unpinned) and only while the story is
 * public; empty and lapsed positions fill with the newest public stories.
 */
export const frontSlots = pgTable(
  "front_slots",
  {
    position: integer("position").primaryKey(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    pinnedUntil: instant("pinned_until"),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    setAt: instant("set_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("front_slots_story_key").on(t.storyId), check("front_slots_position_range", sql`${t.position} >= 0 and ${t.position} < 10`)],
);

/**
 * The lead of a section (tag) page, `/tag/<slug>`, pinned by an editor: one per tag. It holds
 * until `pinnedUntil` (null: until unpinned) and only while its story is public and carries the
 * tag; otherwise the page is newest first, as without a pin.
 */
export const frontSectionPins = pgTable(
  "front_section_pins",
  {
    tagId: uuid("tag_id")
      .primaryKey()
      .references(() => tags.id, { onDelete: "cascade" }),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    pinnedUntil: instant("pinned_until"),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    setAt: instant("set_at").notNull().defaultNow(),
  },
  (t) => [index("front_section_pins_story_idx").on(t.storyId)],
);

/** The automatic rules for the front page's unpinned positions (lib/front/arrange.ts). */
export const FRONT_RULES = ["newest", "breaking_first", "photo_lead"] as const;

/**
 * The front page's own settings: exactly one row (id = 1), absent until an editor changes one.
 * `rule` fills the positions no pin holds; `blocksChosen` says whether editors chose the
 * section blocks below the top stories (front_section_blocks, in order) or the front shows the
 * first sections of the navigation.
 */
export const frontSettings = pgTable(
  "front_settings",
  {
    id: smallint("id").primaryKey().default(1),
    rule: text("rule", { enum: FRONT_RULES }).notNull().default("newest"),
    blocksChosen: boolean("blocks_chosen").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("front_settings_single_row", sql`${t.id} = 1`),
    check("front_settings_rule", sql`${t.rule} in ('newest', 'breaking_first', 'photo_lead')`),
  ],
);

/** The section blocks editors chose for the front page, in order (`position` from 0). */
export const frontSectionBlocks = pgTable(
  "front_section_blocks",
  {
    tagId: uuid("tag_id")
      .primaryKey()
      .references(() => tags.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("front_section_blocks_position_key").on(t.position)],
);

/**
 * Pending changes to a live story: the editor's fields (the input of a save), prepared while
 * readers keep the published version, then published now or at `applyAt` as an update or a
 * minor edit. One set per story. Applying them over a story changed since `baseVersion` is
 * refused, so nothing published meanwhile is overwritten.
 */
export const pendingChanges = pgTable(
  "pending_changes",
  {
    storyId: uuid("story_id")
      .primaryKey()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** The story's version when the changes were prepared. */
    baseVersion: integer("base_version").notNull(),
    /** The save input (headline, dek, body, tags, bylines, photo…), without id, version or intent. */
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    /** When scheduled: the instant, how readers see it, and the public note of an update. */
    applyAt: instant("apply_at"),
    applyKind: text("apply_kind", { enum: ["update", "minor"] }),
    noteKind: text("note_kind", { enum: ["update", "correction", "clarification"] }),
    note: text("note").notNull().default(""),
    /** Set while an instance applies them (a claim; a stale claim is retried). */
    applyingSince: instant("applying_since"),
    /** Why a scheduled application did not happen, in words for the desk. */
    failure: text("failure"),
    scheduledBy: uuid("scheduled_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [index("pending_changes_apply_at_idx").on(t.applyAt)],
);

/**
 * Shareable preview links: anyone holding one sees the story's saved state, without signing
 * in, until it expires or is revoked. The link names its row (`id`, not secret) and carries a
 * 256-bit secret whose SHA-256 alone is stored, compared in constant time.
 */
export const previewLinks = pgTable(
  "preview_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull(),
    /** Whom the link is for ("for Pajhwok"), as the desk shows it. */
    label: text("label").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    useCount: integer("use_count").notNull().default(0),
    lastUsedAt: instant("last_used_at"),
  },
  (t) => [index("preview_links_story_idx").on(t.storyId)],
);

/**
 * One-time links to set a password: an invitation for a new user, or a reset. Only the
 * SHA-256 of the token is stored; a link works once, before it expires.
 */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_tokens_hash_key").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId)],
);

/** Who has a story open in the editor, refreshed by a heartbeat (presence). */
export const storyPresence = pgTable(
  "story_presence",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seenAt: instant("seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] })],
);

export type User = typeof users.$inferSelect;
export type Tag = typeof tags.$inferSelect;
export type StoryRow = typeof stories.$inferSelect;
export type Media = typeof media.$inferSelect;
export type Settings = typeof settings.$inferSelect;
export type StoryStatus = (typeof storyStatus.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type RevisionKind = (typeof revisionKind.enumValues)[number];

/**
 * The outbox: every e-mail the newsroom sends, written in the same transaction as the change
 * that causes it and sent by the in-process worker (lib/mail), each row claimed with
 * `FOR UPDATE SKIP LOCKED` so several instances send it once. Without SMTP the rows stay
 * readable on the desk's Outbox screen.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What caused it: invite, reset, password_changed, review_submitted, review_returned, published, correction, webhook_failing, digest. */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    toUserId: uuid("to_user_id").references(() => users.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "held"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    /** The SMTP server's Message-ID once sent. */
    messageId: text("message_id"),
    sentAt: instant("sent_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("mail_outbox_created_idx").on(t.createdAt.desc()),
  ],
);

/** A person's notifications in the desk (the bell), newest first; mailed per their preferences. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** review_submitted, review_returned, published, correction, webhook_failing. */
    kind: text("kind").notNull(),
    storyId: uuid("story_id").references(() => stories.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** One line, e.g. "Sahar Ahmadi submitted “River rises” for review". */
    message: text("message").notNull(),
    /** The note that came with it (a return note), if any. */
    note: text("note"),
    /** Desk path it links to. */
    link: text("link").notNull(),
    readAt: instant("read_at"),
    /** When it went out by mail (at once or in a digest), or was settled unmailed (its kind moved from Off to the digest); null: not (yet) mailed. */
    mailedAt: instant("mailed_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt.desc()), index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`)],
);

/** How a person wants each kind of notification by mail: at once, in the daily digest, or not. */
export const notificationPrefs = pgTable(
  "notification_prefs",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: ["immediate", "digest", "off"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** The review thread of a story: submissions, returns with their note, resubmissions. Kept with its history. */
export const reviewNotes = pgTable(
  "review_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["submit", "return", "approve", "comment"] }).notNull(),
    note: text("note").notNull().default(""),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [index("review_notes_story_idx").on(t.storyId, t.createdAt)],
);

/** Editors assigned to a section: stories in it submitted for review notify them (else every editor). */
export const sectionEditors = pgTable(
  "section_editors",
  {
    tagId: uuid("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.tagId, t.userId] })],
);


/**
 * Keys of the read-only content API (`/api/v1`). The key is shown once when created; only its
 * SHA-256 is kept (a key is 192 random bits, so a fast hash is enough: there is nothing to
 * guess from it, unlike a password). Revoked keys stay listed, with when.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The key's first characters ("nr_AbC12…"), so admins can tell keys apart. */
    prefix: text("prefix").notNull(),
    /** SHA-256 (hex) of the whole key. */
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    /** Updated at most once a minute per key (a write per request would cost more than the read). */
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash)],
);

/**
 * Receivers of outgoing webhooks (lib/webhooks): a URL, the events it subscribes to, and its
 * signing secret. The secret is stored as given, not hashed: the worker needs it to sign each
 * delivery (HMAC-SHA256), so anyone who can read this table can forge deliveries to it.
 * It is shown once when created and never listed again.
 */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** An absolute http(s) URL. */
  url: text("url").notNull(),
  /** Event names it receives (lib/webhooks/events.ts), at least one. */
  events: text("events").array().notNull(),
  /** `whsec_` + 32 random bytes base64url; the HMAC key of every delivery. */
  secret: text("secret").notNull(),
  /** Inactive endpoints are sent nothing; their pending deliveries wait until re-enabled. */
  active: boolean("active").notNull().default(true),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: instant("created_at").notNull().defaultNow(),
  /** Set when a delivery is given up on (failed); cleared by the next successful one. */
  failingSince: instant("failing_since"),
  /** The last attempt's time, whatever its outcome. */
  lastDeliveryAt: instant("last_delivery_at"),
});

/**
 * Facts to tell webhook receivers about, written in the transaction of the change. `id` is the
 * delivery id receivers see (X-Newsroom-Delivery), the same on every retry. `dedupe_key`
 * makes one fact one event even when two instances emit it.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    event: text("event").notNull(),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
    data: jsonb("data").notNull(),
    dedupeKey: text("dedupe_key"),
  },
  (t) => [uniqueIndex("webhook_events_dedupe_key").on(t.dedupeKey), index("webhook_events_occurred_idx").on(t.occurredAt)],
);

/**
 * One event for one endpoint: pending until delivered (a 2xx) or given up on (failed, 24 h
 * after the event). Claimed by the worker with `FOR UPDATE SKIP LOCKED` like the mail outbox.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    /** The last attempt's whole exchange, in milliseconds. */
    lastDurationMs: integer("last_duration_ms"),
    /** The last attempt's time. */
    lastAttemptAt: instant("last_attempt_at"),
    deliveredAt: instant("delivered_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_key").on(t.eventId, t.endpointId),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc()),
  ],
);

/** A live blog entry's state: a draft waits for an editor; a published one is public with its live blog. */
export const liveEntryStatus = pgEnum("live_entry_status", ["draft", "published"]);

/**
 * The entries of a live blog (a story with `isLiveBlog`), each its own record so several
 * people post at once without conflicts. `postedAt` is the entry's public time (set when it is
 * published, never moved by an edit); `editedAt` the last edit after that. Deleting an entry
 * removes the row (and its revisions and photo uses): its text is gone from every output.
 */
export const liveEntries = pgTable(
  "live_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    status: liveEntryStatus("status").notNull().default("draft"),
    /** An optional short headline for the entry. */
    headline: text("headline").notNull().default(""),
    /** Tiptap (ProseMirror) JSON, rendered at save time like a story's body. */
    body: jsonb("body").notNull(),
    bodyHtml: text("body_html").notNull().default(""),
    bodyText: text("body_text").notNull().default(""),
    bylineId: uuid("byline_id").references(() => bylines.id, { onDelete: "set null" }),
    /** Listed among the key events at the top of the live blog. */
    isKeyEvent: boolean("is_key_event").notNull().default(false),
    /** Shown first, above the newest entries (one per live blog). */
    isPinned: boolean("is_pinned").notNull().default(false),
    postedAt: instant("posted_at"),
    editedAt: instant("edited_at"),
    /** Optimistic locking, as stories: an edit carries the version it started from. */
    version: integer("version").notNull().default(1),
    createdAt: instant("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // Readers' order: newest first, the id breaking ties (and serving as the paging cursor).
    index("live_entries_public_idx").on(t.storyId, t.postedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.status} = 'published'`),
    index("live_entries_story_idx").on(t.storyId, t.createdAt.desc()),
    uniqueIndex("live_entries_one_pinned").on(t.storyId).where(sql`${t.isPinned}`),
    check("live_entries_posted_when_published", sql`(${t.status} = 'published') = (${t.postedAt} is not null)`),
    check("live_entries_version_positive", sql`${t.version} > 0`),
  ],
);

/** Every saved version of a live blog entry (staff only), written with the save. */
export const liveEntryRevisions = pgTable(
  "live_entry_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => liveEntries.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    headline: text("headline").notNull(),
    body: jsonb("body").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("live_entry_revisions_version_key").on(t.entryId, t.version)],
);

/** Library photos used in live blog entries (so the library will not delete them). */
export const liveEntryMedia = pgTable(
  "live_entry_media",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => liveEntries.id, { onDelete: "cascade" }),
    mediaId: uuid("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.mediaId] }), index("live_entry_media_media_idx").on(t.mediaId)],
);

export type LiveEntryRow = typeof liveEntries.$inferSelect;
