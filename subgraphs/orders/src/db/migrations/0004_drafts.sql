CREATE TABLE "orders"."active_drafts" (
	"tenant_id" text NOT NULL,
	"user_id" text NOT NULL,
	"company_id" text NOT NULL,
	"order_id" text NOT NULL,
	CONSTRAINT "active_drafts_tenant_id_user_id_company_id_pk" PRIMARY KEY("tenant_id","user_id","company_id")
);
--> statement-breakpoint
ALTER TABLE "orders"."tenant_settings" ADD COLUMN "multiple_drafts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."active_drafts" ADD CONSTRAINT "active_drafts_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "orders"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;