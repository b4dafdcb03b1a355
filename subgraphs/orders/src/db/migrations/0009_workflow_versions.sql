ALTER TABLE "orders"."workflows" ADD COLUMN "author_user_id" text;--> statement-breakpoint
ALTER TABLE "orders"."workflows" ADD COLUMN "comment" text;