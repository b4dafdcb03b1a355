CREATE TABLE "inventory"."restock_subscriptions" (
	"tenant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_event_id" text,
	"notified_at" timestamp with time zone,
	CONSTRAINT "restock_subscriptions_tenant_id_product_id_user_id_pk" PRIMARY KEY("tenant_id","product_id","user_id")
);
--> statement-breakpoint
CREATE INDEX "restock_subscriptions_event_idx" ON "inventory"."restock_subscriptions" USING btree ("tenant_id","notified_event_id");