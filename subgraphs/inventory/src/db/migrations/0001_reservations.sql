CREATE TABLE "inventory"."outbox" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inventory"."reservation_lines" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"product_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "reservation_lines_tenant_id_order_id_product_id_warehouse_id_pk" PRIMARY KEY("tenant_id","order_id","product_id","warehouse_id"),
	CONSTRAINT "reservation_lines_quantity_positive" CHECK ("inventory"."reservation_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."reservations" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "reservations_tenant_id_order_id_pk" PRIMARY KEY("tenant_id","order_id"),
	CONSTRAINT "reservations_closed_matches_status" CHECK (("inventory"."reservations"."status" = 'active') = ("inventory"."reservations"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "inventory"."stock_levels" ADD COLUMN "reserved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_reservation_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "inventory"."reservations"("tenant_id","order_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_stock_fk" FOREIGN KEY ("tenant_id","product_id","warehouse_id") REFERENCES "inventory"."stock_levels"("tenant_id","product_id","warehouse_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock_levels" ADD CONSTRAINT "stock_levels_reserved_nonnegative" CHECK ("inventory"."stock_levels"."reserved" >= 0);