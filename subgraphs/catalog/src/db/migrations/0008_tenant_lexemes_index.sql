DROP INDEX "catalog"."products_search_idx";--> statement-breakpoint
CREATE INDEX "products_tenant_lexemes_idx" ON "catalog"."products" USING gin (catalog.tenant_lexemes("tenant_id", "search"));