ALTER TABLE "stories" ADD COLUMN "unpublish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "unpublish_set_by" uuid;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_unpublish_set_by_users_id_fk" FOREIGN KEY ("unpublish_set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_unpublish_after_publication" CHECK ("stories"."unpublish_at" is null or "stories"."published_at" is null or "stories"."unpublish_at" > "stories"."published_at");--> statement-breakpoint
-- Reader lists also check a scheduled unpublish now: the covering index carries it, so
-- sitemaps and section lists stay index-only scans. drizzle-kit cannot express INCLUDE.
DROP INDEX IF EXISTS "stories_status_published_at_idx";--> statement-breakpoint
CREATE INDEX "stories_status_published_at_idx" ON "stories" USING btree ("status", "published_at" DESC NULLS FIRST, "id" DESC NULLS FIRST) INCLUDE ("slug", "last_updated_at", "primary_tag_id", "unpublish_at");
