ALTER TABLE "orders"."orders" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "submission_fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_tenant_company_submission_key_uq" ON "orders"."orders" USING btree ("tenant_id","company_id","submission_key");