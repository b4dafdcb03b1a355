CREATE TABLE "inventory"."line_readiness" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"company_id" text NOT NULL,
	"status" text NOT NULL,
	"ready_quantity" integer,
	"guaranteed_date" date,
	"ready_date" date,
	"warehouse_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "line_readiness_tenant_id_order_id_product_id_pk" PRIMARY KEY("tenant_id","order_id","product_id"),
	CONSTRAINT "line_readiness_ready_nonnegative" CHECK ("inventory"."line_readiness"."ready_quantity" is null or "inventory"."line_readiness"."ready_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."shipment_subscriptions" (
	"tenant_id" text NOT NULL,
	"company_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipment_subscriptions_tenant_id_company_id_user_id_pk" PRIMARY KEY("tenant_id","company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."tenant_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"distributor_network" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory"."shipments" ADD COLUMN "company_id" text;--> statement-breakpoint
ALTER TABLE "inventory"."shipments" ADD COLUMN "amount" bigint;--> statement-breakpoint
ALTER TABLE "inventory"."shipments" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "inventory"."line_readiness" ADD CONSTRAINT "line_readiness_warehouse_fk" FOREIGN KEY ("tenant_id","warehouse_id") REFERENCES "inventory"."warehouses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "line_readiness_company_idx" ON "inventory"."line_readiness" USING btree ("tenant_id","company_id");--> statement-breakpoint
CREATE INDEX "shipments_company_idx" ON "inventory"."shipments" USING btree ("tenant_id","company_id");