CREATE TABLE "legacy_redirects" (
	"path" text PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "legacy_redirects_target_idx" ON "legacy_redirects" USING btree ("target");