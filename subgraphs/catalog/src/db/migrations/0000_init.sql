CREATE SCHEMA "catalog";
--> statement-breakpoint
CREATE TABLE "catalog"."discounts" (
	"tenant_id" text NOT NULL,
	"company_id" text NOT NULL,
	"price_group" text NOT NULL,
	"percent_bp" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	CONSTRAINT "discounts_tenant_id_company_id_price_group_valid_from_pk" PRIMARY KEY("tenant_id","company_id","price_group","valid_from")
);
--> statement-breakpoint
CREATE TABLE "catalog"."price_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"vat_rate_bp" integer DEFAULT 2000 NOT NULL,
	"prices_include_vat" text DEFAULT 'included' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog"."products" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"article" text NOT NULL,
	"name" text NOT NULL,
	"brand" text,
	"series" text,
	"unit" text DEFAULT 'шт' NOT NULL,
	"pack_multiple" integer DEFAULT 1 NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"weight_grams" integer,
	"volume_cm3" integer,
	"price_group" text,
	"base_price" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "products_tenant_article_uq" ON "catalog"."products" USING btree ("tenant_id","article");--> statement-breakpoint
CREATE INDEX "products_tenant_name_idx" ON "catalog"."products" USING btree ("tenant_id","name");