CREATE SCHEMA "orders";
--> statement-breakpoint
CREATE TABLE "orders"."order_lines" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"article" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" bigint NOT NULL,
	"vat" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"vat_included" boolean NOT NULL,
	"pack_multiple" integer DEFAULT 1 NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders"."order_numbers" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."orders" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text,
	"company_id" text NOT NULL,
	"user_id" text NOT NULL,
	"is_draft" boolean DEFAULT true NOT NULL,
	"name" text,
	"status_code" text NOT NULL,
	"workflow_version" integer,
	"comment" text,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders"."outbox" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders"."tenant_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"pack_rounding" boolean DEFAULT false NOT NULL,
	"vat_rounding" text DEFAULT 'per_line' NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."workflows" (
	"tenant_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflows_tenant_id_version_pk" PRIMARY KEY("tenant_id","version")
);
--> statement-breakpoint
ALTER TABLE "orders"."order_lines" ADD CONSTRAINT "order_lines_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "orders"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_tenant_order_idx" ON "orders"."order_lines" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_tenant_number_uq" ON "orders"."orders" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "orders_tenant_company_idx" ON "orders"."orders" USING btree ("tenant_id","company_id","is_draft","created_at");