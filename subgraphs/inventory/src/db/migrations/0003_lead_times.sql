CREATE TABLE "inventory"."lead_time_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"shipping_days" integer NOT NULL,
	"replenishment_days" integer NOT NULL,
	"calendar" text NOT NULL,
	CONSTRAINT "lead_time_settings_days" CHECK ("inventory"."lead_time_settings"."shipping_days" >= 0 and "inventory"."lead_time_settings"."replenishment_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD COLUMN "replenishment_days" integer;--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD CONSTRAINT "warehouses_replenishment_days_positive" CHECK ("inventory"."warehouses"."replenishment_days" is null or "inventory"."warehouses"."replenishment_days" > 0);