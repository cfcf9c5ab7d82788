ALTER TYPE "public"."revision_kind" ADD VALUE 'schedule';--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'clarification';--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'restore';