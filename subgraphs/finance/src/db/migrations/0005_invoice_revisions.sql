CREATE TABLE "finance"."invoice_revisions" (
	"tenant_id" text NOT NULL,
	"event_id" text NOT NULL,
	"invoice_id" text NOT NULL,
	"revision" integer NOT NULL,
	"amount" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"applied" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_revisions_tenant_id_event_id_pk" PRIMARY KEY("tenant_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "finance"."invoices" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "finance"."invoices" ADD COLUMN "revised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finance"."invoice_revisions" ADD CONSTRAINT "invoice_revisions_invoice_fk" FOREIGN KEY ("tenant_id","invoice_id") REFERENCES "finance"."invoices"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_revisions_invoice_idx" ON "finance"."invoice_revisions" USING btree ("tenant_id","invoice_id");