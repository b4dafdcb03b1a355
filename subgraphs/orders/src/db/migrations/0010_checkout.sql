CREATE TABLE "orders"."delivery_addresses" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"company_id" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_addresses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "counterparty_id" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "checkout" jsonb;--> statement-breakpoint
ALTER TABLE "orders"."tenant_settings" ADD COLUMN "checkout" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_addresses_company_address_uq" ON "orders"."delivery_addresses" USING btree ("tenant_id","company_id","address");