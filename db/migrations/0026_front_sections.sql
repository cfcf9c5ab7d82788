CREATE TABLE "front_section_blocks" (
	"tag_id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "front_section_pins" (
	"tag_id" uuid PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"pinned_until" timestamp with time zone,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "front_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"rule" text DEFAULT 'newest' NOT NULL,
	"blocks_chosen" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_settings_single_row" CHECK ("front_settings"."id" = 1),
	CONSTRAINT "front_settings_rule" CHECK ("front_settings"."rule" in ('newest', 'breaking_first', 'photo_lead'))
);
--> statement-breakpoint
ALTER TABLE "front_section_blocks" ADD CONSTRAINT "front_section_blocks_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_section_pins" ADD CONSTRAINT "front_section_pins_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_section_pins" ADD CONSTRAINT "front_section_pins_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_section_pins" ADD CONSTRAINT "front_section_pins_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_settings" ADD CONSTRAINT "front_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "front_section_blocks_position_key" ON "front_section_blocks" USING btree ("position");--> statement-breakpoint
CREATE INDEX "front_section_pins_story_idx" ON "front_section_pins" USING btree ("story_id");