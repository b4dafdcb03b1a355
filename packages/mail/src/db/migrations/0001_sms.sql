CREATE TABLE "mail"."dev_sms" (
	"id" text PRIMARY KEY NOT NULL,
	"source_address" text NOT NULL,
	"destination_address" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail"."sms_messages" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"source_key" text NOT NULL,
	"user_id" text,
	"to_address" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"provider_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "sms_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "dev_sms_created_at_idx" ON "mail"."dev_sms" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_source_uq" ON "mail"."sms_messages" USING btree ("tenant_id","source_key");