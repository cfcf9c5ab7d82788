-- One word per concept: stories (not articles) and bylines (not authors), in tables, columns,
-- constraints, indexes and the status type. Renames only: no data moves.
ALTER TYPE "public"."article_status" RENAME TO "story_status";
--> statement-breakpoint
ALTER TABLE "article_authors" RENAME TO "story_bylines";
--> statement-breakpoint
ALTER TABLE "article_tags" RENAME TO "story_tags";
--> statement-breakpoint
ALTER TABLE "article_revisions" RENAME TO "story_revisions";
--> statement-breakpoint
ALTER TABLE "article_media" RENAME TO "story_media";
--> statement-breakpoint
ALTER TABLE "articles" RENAME TO "stories";
--> statement-breakpoint
ALTER TABLE "authors" RENAME TO "bylines";
--> statement-breakpoint
ALTER TABLE "story_bylines" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "story_bylines" RENAME COLUMN "author_id" TO "byline_id";
--> statement-breakpoint
ALTER TABLE "story_media" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "story_revisions" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "story_tags" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "byline_redirects" RENAME COLUMN "author_id" TO "byline_id";
--> statement-breakpoint
ALTER TABLE "import_items" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "import_items" RENAME COLUMN "article_version" TO "story_version";
--> statement-breakpoint
ALTER TABLE "slug_redirects" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "story_presence" RENAME COLUMN "article_id" TO "story_id";
--> statement-breakpoint
ALTER TABLE "story_bylines" RENAME CONSTRAINT "article_authors_article_id_articles_id_fk" TO "story_bylines_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_bylines" RENAME CONSTRAINT "article_authors_article_id_author_id_pk" TO "story_bylines_story_id_byline_id_pk";
--> statement-breakpoint
ALTER TABLE "story_bylines" RENAME CONSTRAINT "article_authors_author_id_authors_id_fk" TO "story_bylines_byline_id_bylines_id_fk";
--> statement-breakpoint
ALTER TABLE "story_media" RENAME CONSTRAINT "article_media_article_id_articles_id_fk" TO "story_media_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_media" RENAME CONSTRAINT "article_media_article_id_media_id_role_pk" TO "story_media_story_id_media_id_role_pk";
--> statement-breakpoint
ALTER TABLE "story_media" RENAME CONSTRAINT "article_media_media_id_media_id_fk" TO "story_media_media_id_media_id_fk";
--> statement-breakpoint
ALTER TABLE "story_revisions" RENAME CONSTRAINT "article_revisions_article_id_articles_id_fk" TO "story_revisions_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_revisions" RENAME CONSTRAINT "article_revisions_created_by_users_id_fk" TO "story_revisions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "story_revisions" RENAME CONSTRAINT "article_revisions_pkey" TO "story_revisions_pkey";
--> statement-breakpoint
ALTER TABLE "story_tags" RENAME CONSTRAINT "article_tags_article_id_articles_id_fk" TO "story_tags_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_tags" RENAME CONSTRAINT "article_tags_article_id_tag_id_pk" TO "story_tags_story_id_tag_id_pk";
--> statement-breakpoint
ALTER TABLE "story_tags" RENAME CONSTRAINT "article_tags_tag_id_tags_id_fk" TO "story_tags_tag_id_tags_id_fk";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_created_by_users_id_fk" TO "stories_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_featured_media_id_media_id_fk" TO "stories_featured_media_id_media_id_fk";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_pkey" TO "stories_pkey";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_primary_tag_id_tags_id_fk" TO "stories_primary_tag_id_tags_id_fk";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_updated_by_users_id_fk" TO "stories_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "stories" RENAME CONSTRAINT "articles_version_positive" TO "stories_version_positive";
--> statement-breakpoint
ALTER TABLE "bylines" RENAME CONSTRAINT "authors_pkey" TO "bylines_pkey";
--> statement-breakpoint
ALTER TABLE "bylines" RENAME CONSTRAINT "authors_user_id_users_id_fk" TO "bylines_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "byline_redirects" RENAME CONSTRAINT "byline_redirects_author_id_authors_id_fk" TO "byline_redirects_byline_id_bylines_id_fk";
--> statement-breakpoint
ALTER TABLE "import_items" RENAME CONSTRAINT "import_items_article_id_articles_id_fk" TO "import_items_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "slug_redirects" RENAME CONSTRAINT "slug_redirects_article_id_articles_id_fk" TO "slug_redirects_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_presence" RENAME CONSTRAINT "story_presence_article_id_articles_id_fk" TO "story_presence_story_id_stories_id_fk";
--> statement-breakpoint
ALTER TABLE "story_presence" RENAME CONSTRAINT "story_presence_article_id_user_id_pk" TO "story_presence_story_id_user_id_pk";
--> statement-breakpoint
ALTER INDEX "article_authors_author_idx" RENAME TO "story_bylines_byline_idx";
--> statement-breakpoint
ALTER INDEX "article_media_media_idx" RENAME TO "story_media_media_idx";
--> statement-breakpoint
ALTER INDEX "article_revisions_article_idx" RENAME TO "story_revisions_story_idx";
--> statement-breakpoint
ALTER INDEX "article_tags_tag_idx" RENAME TO "story_tags_tag_idx";
--> statement-breakpoint
ALTER INDEX "articles_breaking_idx" RENAME TO "stories_breaking_idx";
--> statement-breakpoint
ALTER INDEX "articles_primary_tag_idx" RENAME TO "stories_primary_tag_idx";
--> statement-breakpoint
ALTER INDEX "articles_search_idx" RENAME TO "stories_search_idx";
--> statement-breakpoint
ALTER INDEX "articles_slug_key" RENAME TO "stories_slug_key";
--> statement-breakpoint
ALTER INDEX "articles_status_published_at_idx" RENAME TO "stories_status_published_at_idx";
--> statement-breakpoint
ALTER INDEX "articles_updated_at_idx" RENAME TO "stories_updated_at_idx";
--> statement-breakpoint
ALTER INDEX "authors_slug_key" RENAME TO "bylines_slug_key";
--> statement-breakpoint
ALTER INDEX "authors_user_id_key" RENAME TO "bylines_user_id_key";
--> statement-breakpoint
ALTER INDEX "import_items_article_idx" RENAME TO "import_items_story_idx";
--> statement-breakpoint
ALTER INDEX "slug_redirects_article_idx" RENAME TO "slug_redirects_story_idx";
--> statement-breakpoint
UPDATE "audit_log" SET "entity_type" = 'story' WHERE "entity_type" = 'article';
--> statement-breakpoint
UPDATE "audit_log" SET "action" = 'story.' || substring("action" from 9) WHERE "action" LIKE 'article.%';
--> statement-breakpoint
-- PostgreSQL 18 (the embedded database) names NOT NULL constraints after their table and column;
-- PostgreSQL 15 has no such constraints, so this loop finds none there.
DO $$
DECLARE c record;
BEGIN
  FOR c IN
    SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND contype = 'n' AND (conname LIKE '%article%' OR conname LIKE '%author%')
  LOOP
    EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', c.tbl, c.conname,
      replace(replace(replace(replace(replace(replace(c.conname, 'article_authors', 'story_bylines'), 'article_id', 'story_id'), 'author_id', 'byline_id'), 'articles', 'stories'), 'authors', 'bylines'), 'article_', 'story_'));
  END LOOP;
END $$;
