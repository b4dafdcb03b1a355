CREATE SCHEMA "mail";
--> statement-breakpoint
CREATE TABLE "mail"."dev_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"recipient_tenant_id" text,
	"to_address" text NOT NULL,
	"from_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dev_messages_created_at_idx" ON "mail"."dev_messages" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);