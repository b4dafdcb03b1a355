CREATE SCHEMA "finance";
--> statement-breakpoint
CREATE TABLE "finance"."document_types" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"formats" text[] NOT NULL,
	"available_at" text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_types_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
