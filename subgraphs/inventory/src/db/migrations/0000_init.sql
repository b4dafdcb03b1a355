CREATE SCHEMA "inventory";
--> statement-breakpoint
CREATE TABLE "inventory"."stock_display" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'exact' NOT NULL,
	"threshold" integer,
	CONSTRAINT "stock_display_threshold_matches_mode" CHECK (("inventory"."stock_display"."mode" = 'exact' and "inventory"."stock_display"."threshold" is null) or ("inventory"."stock_display"."mode" = 'threshold' and "inventory"."stock_display"."threshold" > 0))
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_levels" (
	"tenant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_levels_tenant_id_product_id_warehouse_id_pk" PRIMARY KEY("tenant_id","product_id","warehouse_id"),
	CONSTRAINT "stock_levels_quantity_nonnegative" CHECK ("inventory"."stock_levels"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."warehouses" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	CONSTRAINT "warehouses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "inventory"."stock_levels" ADD CONSTRAINT "stock_levels_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_tenant_code_uq" ON "inventory"."warehouses" USING btree ("tenant_id","code");