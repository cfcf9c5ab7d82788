-- Breaking news becomes one feature: a story marked breaking, with an expiry, shown as the
-- label on the story and the bar on every reader page. The site-wide bar of settings (free
-- text and link) goes. A story flagged without an expiry would stay "breaking" for ever:
-- it now expires three hours after this migration (or is cleared when already expired).
UPDATE "stories" SET "breaking_until" = now() + interval '3 hours' WHERE "is_breaking" AND "breaking_until" IS NULL;--> statement-breakpoint
UPDATE "stories" SET "is_breaking" = false, "breaking_until" = NULL WHERE "is_breaking" AND "breaking_until" <= now();--> statement-breakpoint
ALTER TABLE "settings" DROP COLUMN "breaking_text";--> statement-breakpoint
ALTER TABLE "settings" DROP COLUMN "breaking_url";--> statement-breakpoint
ALTER TABLE "settings" DROP COLUMN "breaking_until";
