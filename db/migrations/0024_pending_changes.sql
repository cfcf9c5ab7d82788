ALTER TYPE "public"."revision_kind" ADD VALUE 'pending';--> statement-breakpoint
CREATE TABLE "pending_changes" (
	"story_id" uuid PRIMARY KEY NOT NULL,
	"base_version" integer NOT NULL,
	"input" jsonb NOT NULL,
	"apply_at" timestamp with time zone,
	"apply_kind" text,
	"note_kind" text,
	"note" text DEFAULT '' NOT NULL,
	"applying_since" timestamp with time zone,
	"failure" text,
	"scheduled_by" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_changes" ADD CONSTRAINT "pending_changes_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_changes" ADD CONSTRAINT "pending_changes_scheduled_by_users_id_fk" FOREIGN KEY ("scheduled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_changes" ADD CONSTRAINT "pending_changes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_changes_apply_at_idx" ON "pending_changes" USING btree ("apply_at");