CREATE TABLE "catalog"."personal_prices" (
	"tenant_id" text NOT NULL,
	"company_id" text NOT NULL,
	"product_id" text NOT NULL,
	"price" bigint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	CONSTRAINT "personal_prices_tenant_id_company_id_product_id_valid_from_pk" PRIMARY KEY("tenant_id","company_id","product_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "catalog"."price_tiers" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"percent_bp" integer NOT NULL,
	CONSTRAINT "price_tiers_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "catalog"."tier_assignments" (
	"tenant_id" text NOT NULL,
	"company_id" text NOT NULL,
	"month" date NOT NULL,
	"tier_code" text NOT NULL,
	CONSTRAINT "tier_assignments_tenant_id_company_id_month_pk" PRIMARY KEY("tenant_id","company_id","month")
);
--> statement-breakpoint
CREATE TABLE "catalog"."turnover_tiers" (
	"tenant_id" text NOT NULL,
	"min_turnover" bigint NOT NULL,
	"percent_bp" integer NOT NULL,
	CONSTRAINT "turnover_tiers_tenant_id_min_turnover_pk" PRIMARY KEY("tenant_id","min_turnover")
);
--> statement-breakpoint
CREATE TABLE "catalog"."vat_rates" (
	"tenant_id" text NOT NULL,
	"valid_from" date NOT NULL,
	"rate_bp" integer NOT NULL,
	CONSTRAINT "vat_rates_tenant_id_valid_from_pk" PRIMARY KEY("tenant_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "catalog"."price_settings" ADD COLUMN "navigation" text DEFAULT 'series' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."price_settings" ADD COLUMN "min_search_chars" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "group_path" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "hs_code" text;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "ean13" text;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "length_mm" integer;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "width_mm" integer;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "height_mm" integer;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "images" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "attributes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "discontinued" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "successors" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "retail_price" bigint;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(brand, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(series, '')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "products_article_prefix_idx" ON "catalog"."products" USING btree ("tenant_id","article" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "catalog"."products" USING gin ("tenant_id","search");--> statement-breakpoint
CREATE INDEX "products_name_trgm_idx" ON "catalog"."products" USING gin ("tenant_id","name" gin_trgm_ops);