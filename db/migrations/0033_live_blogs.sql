CREATE TYPE "public"."live_entry_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "live_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"story_id" uuid NOT NULL,
	"status" "live_entry_status" DEFAULT 'draft' NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"byline_id" uuid,
	"is_key_event" boolean DEFAULT false NOT NULL,
	"is_pinned" boolean DEFAULT false NOT NULL,
	"posted_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "live_entries_posted_when_published" CHECK (("live_entries"."status" = 'published') = ("live_entries"."posted_at" is not null)),
	CONSTRAINT "live_entries_version_positive" CHECK ("live_entries"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "live_entry_media" (
	"entry_id" uuid NOT NULL,
	"media_id" uuid NOT NULL,
	CONSTRAINT "live_entry_media_entry_id_media_id_pk" PRIMARY KEY("entry_id","media_id")
);
--> statement-breakpoint
CREATE TABLE "live_entry_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"headline" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "is_live_blog" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "coverage_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "coverage_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "writers_may_publish_entries" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_byline_id_bylines_id_fk" FOREIGN KEY ("byline_id") REFERENCES "public"."bylines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_media" ADD CONSTRAINT "live_entry_media_entry_id_live_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."live_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_media" ADD CONSTRAINT "live_entry_media_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_revisions" ADD CONSTRAINT "live_entry_revisions_entry_id_live_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."live_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_revisions" ADD CONSTRAINT "live_entry_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_entries_public_idx" ON "live_entries" USING btree ("story_id","posted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "live_entries"."status" = 'published';--> statement-breakpoint
CREATE INDEX "live_entries_story_idx" ON "live_entries" USING btree ("story_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "live_entries_one_pinned" ON "live_entries" USING btree ("story_id") WHERE "live_entries"."is_pinned";--> statement-breakpoint
CREATE INDEX "live_entry_media_media_idx" ON "live_entry_media" USING btree ("media_id");--> statement-breakpoint
CREATE UNIQUE INDEX "live_entry_revisions_version_key" ON "live_entry_revisions" USING btree ("entry_id","version");--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_coverage_order" CHECK ("stories"."coverage_ended_at" is null or ("stories"."coverage_started_at" is not null and "stories"."coverage_ended_at" >= "stories"."coverage_started_at"));