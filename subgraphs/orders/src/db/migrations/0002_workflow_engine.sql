CREATE TABLE "orders"."order_comments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"author_side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "stock_reserved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "reserved_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "manager_user_id" text;--> statement-breakpoint
ALTER TABLE "orders"."tenant_settings" ADD COLUMN "reserve_hold_hours" integer;--> statement-breakpoint
ALTER TABLE "orders"."order_comments" ADD CONSTRAINT "order_comments_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "orders"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_comments_tenant_order_idx" ON "orders"."order_comments" USING btree ("tenant_id","order_id","created_at");