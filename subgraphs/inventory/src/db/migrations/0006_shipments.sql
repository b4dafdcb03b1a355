CREATE TABLE "inventory"."shipment_lines" (
	"tenant_id" text NOT NULL,
	"shipment_id" text NOT NULL,
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shipment_lines_tenant_id_shipment_id_order_id_product_id_pk" PRIMARY KEY("tenant_id","shipment_id","order_id","product_id"),
	CONSTRAINT "shipment_lines_quantity_positive" CHECK ("inventory"."shipment_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."shipments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"consignee" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"delivery_method" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "inventory"."shipment_lines" ADD CONSTRAINT "shipment_lines_shipment_fk" FOREIGN KEY ("tenant_id","shipment_id") REFERENCES "inventory"."shipments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipment_lines_order_idx" ON "inventory"."shipment_lines" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_number_uq" ON "inventory"."shipments" USING btree ("tenant_id","number");