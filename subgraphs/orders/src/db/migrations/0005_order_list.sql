ALTER TABLE "orders"."orders" ADD COLUMN "erp_number" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "customer_number" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "tracked" boolean DEFAULT false NOT NULL;