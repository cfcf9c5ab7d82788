ALTER TABLE "users" ADD COLUMN "joined_at" timestamp with time zone;--> statement-breakpoint
-- Everyone has joined except those whose invitation is still open (an unused invite link):
-- they joined when they used their invitation, or when their account was created.
UPDATE "users" SET "joined_at" = COALESCE(
  (SELECT min("used_at") FROM "user_tokens" t WHERE t."user_id" = "users"."id" AND t."purpose" = 'invite' AND t."used_at" IS NOT NULL),
  "created_at"
)
WHERE NOT EXISTS (SELECT 1 FROM "user_tokens" t WHERE t."user_id" = "users"."id" AND t."purpose" = 'invite' AND t."used_at" IS NULL);
