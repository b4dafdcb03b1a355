CREATE TABLE "inventory"."distributor_stock" (
	"tenant_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"product_id" text NOT NULL,
	"company_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"link" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "distributor_stock_tenant_id_warehouse_id_product_id_pk" PRIMARY KEY("tenant_id","warehouse_id","product_id"),
	CONSTRAINT "distributor_stock_quantity_nonnegative" CHECK ("inventory"."distributor_stock"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."distributor_warehouses" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"contacts" text NOT NULL,
	CONSTRAINT "distributor_warehouses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "inventory"."distributor_stock" ADD CONSTRAINT "distributor_stock_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."distributor_warehouses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "distributor_stock_company_idx" ON "inventory"."distributor_stock" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "distributor_stock_product_idx" ON "inventory"."distributor_stock" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "distributor_warehouses_code_uq" ON "inventory"."distributor_warehouses" USING btree ("tenant_id","company_id","code");