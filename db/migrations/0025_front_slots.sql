CREATE TABLE "front_slots" (
	"position" integer PRIMARY KEY NOT NULL,
	"story_id" uuid NOT NULL,
	"pinned_until" timestamp with time zone,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_slots_position_range" CHECK ("front_slots"."position" >= 0 and "front_slots"."position" < 10)
);
--> statement-breakpoint
ALTER TABLE "front_slots" ADD CONSTRAINT "front_slots_story_id_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_slots" ADD CONSTRAINT "front_slots_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "front_slots_story_key" ON "front_slots" USING btree ("story_id");