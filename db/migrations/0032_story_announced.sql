ALTER TABLE "stories" ADD COLUMN "announced_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Stories public when webhooks arrive count as announced: receivers are told of changes from now on, not of the archive.
UPDATE "stories" SET "announced_public" = true WHERE "status" = 'published' AND "published_at" <= now() AND ("unpublish_at" IS NULL OR "unpublish_at" > now());--> statement-breakpoint
CREATE INDEX "stories_announce_due_idx" ON "stories" USING btree ("published_at") WHERE "stories"."status" = 'published' and not "stories"."announced_public";--> statement-breakpoint
CREATE INDEX "stories_unannounce_due_idx" ON "stories" USING btree ("unpublish_at") WHERE "stories"."announced_public" and "stories"."unpublish_at" is not null;