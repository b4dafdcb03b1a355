CREATE TABLE "catalog"."presentation_lines" (
	"tenant_id" text NOT NULL,
	"presentation_id" text NOT NULL,
	"product_id" text NOT NULL,
	"position" integer NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "presentation_lines_tenant_id_presentation_id_product_id_pk" PRIMARY KEY("tenant_id","presentation_id","product_id"),
	CONSTRAINT "presentation_lines_quantity_positive" CHECK ("catalog"."presentation_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "catalog"."presentations" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"title" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"discount_bp" integer NOT NULL,
	"valid_until" date NOT NULL,
	"created_by" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presentations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "catalog"."price_settings" ADD COLUMN "presentations" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog"."presentation_lines" ADD CONSTRAINT "presentation_lines_tenant_id_presentation_id_presentations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","presentation_id") REFERENCES "catalog"."presentations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog"."presentation_lines" ADD CONSTRAINT "presentation_lines_tenant_id_product_id_products_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_id") REFERENCES "catalog"."products"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presentations_company_idx" ON "catalog"."presentations" USING btree ("tenant_id","company_id","created_at");