ALTER TABLE "orders"."order_lines" ADD COLUMN "unit" text DEFAULT 'шт' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders"."order_lines" ADD COLUMN "base_price" bigint;--> statement-breakpoint
ALTER TABLE "orders"."order_lines" ADD COLUMN "weight_grams" integer;--> statement-breakpoint
ALTER TABLE "orders"."order_lines" ADD COLUMN "volume_cm3" integer;