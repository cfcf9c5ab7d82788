-- The reader-list index also carries what sitemaps and section lists read (slug, update date,
-- section), so they are answered from the index alone (index-only scans) instead of reading
-- the whole table. drizzle-kit cannot express INCLUDE; the schema declares the key columns.
DROP INDEX IF EXISTS "articles_status_published_at_idx";--> statement-breakpoint
CREATE INDEX "articles_status_published_at_idx" ON "articles" USING btree ("status", "published_at" DESC NULLS FIRST, "id" DESC NULLS FIRST) INCLUDE ("slug", "last_updated_at", "primary_tag_id");
