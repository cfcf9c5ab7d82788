/**
 * The content API's shapes, in zod: query parameters the handlers parse, and the JSON they
 * return. The OpenAPI document (lib/api/openapi.ts) is generated from these same schemas, so
 * the two cannot drift apart. JSON names are camelCase; instants are ISO 8601 strings in UTC
 * ("2026-12-07T09:30:00.000Z").
 */
import { z } from "zod";
import { cleanText } from "@/lib/text/clean";

/** The schemas that become named OpenAPI components (`#/components/schemas/<id>`). */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

const instant = () => z.iso.datetime({ offset: false }).describe("An instant, ISO 8601 in UTC.");

export const TagRefSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), url: z.url().describe("The tag's public page.") })
  .register(apiRegistry, { id: "TagRef", description: "A tag (or section) as a story names it." });

export const BylineRefSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), url: z.url().describe("The byline's public page.") })
  .register(apiRegistry, { id: "BylineRef", description: "An author profile as a story names it." });

export const PhotoSchema = z
  .object({
    url: z.url().describe("The stored file (the original size)."),
    width: z.int().positive(),
    height: z.int().positive(),
    alt: z.string().describe("What the photo shows, for readers who cannot see it."),
    caption: z.string(),
    credit: z.object({ name: z.string(), organization: z.string(), url: z.url().nullable() }),
    sizes: z.array(z.object({ width: z.int().positive(), url: z.url() })).describe("Resized copies (WebP or AVIF by the client's Accept header), smallest first."),
  })
  .register(apiRegistry, { id: "Photo", description: "A media-library photo." });

export const StoryNoteSchema = z
  .object({ kind: z.enum(["update", "correction", "clarification"]), note: z.string(), at: instant() })
  .register(apiRegistry, { id: "StoryNote", description: "A public note of an update, correction or clarification." });

export const LiveEntrySchema = z
  .object({
    id: z.uuid(),
    url: z.url().describe("The entry on the live blog's page (its anchor)."),
    headline: z.string().describe("The entry's own headline; may be empty."),
    bodyHtml: z.string().describe("The entry as sanitised HTML with absolute links and image URLs."),
    byline: BylineRefSchema.nullable(),
    keyEvent: z.boolean(),
    pinned: z.boolean(),
    postedAt: instant().describe("When it was published (never moved by an edit)."),
    editedAt: instant().nullable().describe("The last edit after it was published, or null."),
  })
  .register(apiRegistry, { id: "LiveEntry", description: "One entry of a live blog." });

export const LiveBlogSchema = z
  .object({
    coverageStartedAt: instant(),
    coverageEndedAt: instant().nullable().describe("When the live coverage ended; null while it runs."),
    entryCount: z.int().nonnegative().describe("Published entries in all."),
    entries: z.array(LiveEntrySchema).describe("The newest entries (up to 50), newest first."),
  })
  .register(apiRegistry, { id: "LiveBlog", description: "A live blog's coverage and newest entries." });

export const StorySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    url: z.url().describe("The story's public page."),
    canonicalUrl: z.url().describe("The canonical URL (another site's, for syndicated stories)."),
    headline: z.string(),
    dek: z.string().describe("The standfirst under the headline; may be empty."),
    excerpt: z.string().describe("The hand-written excerpt, or the body's beginning cut at a word."),
    language: z.string().describe("BCP 47 language tag, e.g. en, fa (Dari), ps (Pashto)."),
    direction: z.enum(["ltr", "rtl"]),
    bodyHtml: z.string().describe("The body as sanitised HTML with absolute links and image URLs."),
    body: z.looseObject({ type: z.literal("doc") }).describe("The body as the editor's JSON document (Tiptap/ProseMirror)."),
    bylines: z.array(BylineRefSchema),
    tags: z.array(TagRefSchema),
    section: TagRefSchema.nullable().describe("The story's section (its first tag)."),
    featuredPhoto: PhotoSchema.nullable(),
    publishedAt: instant(),
    lastUpdatedAt: instant().describe("The public \"Last Updated On\" instant."),
    notes: z.array(StoryNoteSchema).describe("Public updates and corrections, oldest first."),
    breaking: z.boolean().describe("Whether the breaking-news label shows now."),
    liveBlog: LiveBlogSchema.nullable().describe("Set when the story is a live blog (its body is the introduction)."),
  })
  .register(apiRegistry, { id: "Story", description: "A public story." });

export const StoryListSchema = z
  .object({
    items: z.array(StorySchema),
    next: z.string().nullable().describe("The cursor of the next page (pass it as ?cursor=), null on the last page."),
    nextUrl: z.url().nullable().describe("The next page's URL, null on the last page."),
  })
  .register(apiRegistry, { id: "StoryList" });

export const TagSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), url: z.url(), isSection: z.boolean(), description: z.string() })
  .register(apiRegistry, { id: "Tag" });

export const TagListSchema = z
  .object({ items: z.array(TagSchema), next: z.string().nullable(), nextUrl: z.url().nullable() })
  .register(apiRegistry, { id: "TagList" });

export const BylineSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), url: z.url(), title: z.string(), bio: z.string() })
  .register(apiRegistry, { id: "Byline" });

export const BylineListSchema = z
  .object({ items: z.array(BylineSchema), next: z.string().nullable(), nextUrl: z.url().nullable() })
  .register(apiRegistry, { id: "BylineList" });

export const SearchResultSchema = z
  .object({ items: z.array(StorySchema), total: z.int().nonnegative().describe("Matches ranked (at most 300: a search ranks the newest 300 matches).") })
  .register(apiRegistry, { id: "SearchResult" });

export const ErrorSchema = z.object({ error: z.string().describe("What went wrong, in words.") }).register(apiRegistry, { id: "Error" });

/** The largest page of a list. */
export const MAX_LIMIT = 100;

const limit = z.coerce.number().int().min(1, "limit must be at least 1").max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`).default(20);
const cursor = z.string().max(200).optional();

/** Control characters, which no slug holds and PostgreSQL refuses (NUL) in text. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const slugParam = (name: string) =>
  z
    .string()
    .max(200, `${name} is at most 200 characters`)
    .refine((s) => !CONTROL.test(s), `${name} must be a slug, without control characters`);

/** ?tag=&byline=&language=&updated_since=&cursor=&limit= of GET /api/v1/stories. */
export const StoryListQuery = z.object({
  tag: slugParam("tag").optional().describe("Only stories with this tag (its slug)."),
  byline: slugParam("byline").optional().describe("Only stories with this byline (its slug)."),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "language must be a language tag such as en, fa or ps")
    .optional()
    .describe("Only stories in this language."),
  updated_since: z.iso
    .datetime({ offset: true, error: "updated_since must be an ISO 8601 instant, e.g. 2026-12-01T00:00:00Z" })
    .optional()
    .describe("Only stories last updated at or after this instant."),
  cursor,
  limit,
});

/** ?cursor=&limit= of the tag and byline lists. */
export const PageQuery = z.object({ cursor, limit });

/** ?q=&limit= of GET /api/v1/search. */
export const SearchQuery = z.object({
  // Without the characters no text may hold (NUL, which PostgreSQL refuses, among them), as
  // the reader search reads its query (lib/search/query.ts `parseSearchQuery`).
  q: z
    .string()
    .trim()
    .min(1, "q (the words to search for) is required")
    .max(200, "q is at most 200 characters")
    .transform((s) => cleanText(s).replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "q (the words to search for) is required")),
  limit: z.coerce.number().int().min(1).max(50, "limit must be at most 50").default(20),
});

export type ApiStory = z.infer<typeof StorySchema>;
export type ApiTag = z.infer<typeof TagSchema>;
export type ApiByline = z.infer<typeof BylineSchema>;
