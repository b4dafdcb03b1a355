DROP INDEX "catalog"."products_article_prefix_idx";--> statement-breakpoint
CREATE INDEX "products_article_c_idx" ON "catalog"."products" USING btree ("tenant_id","article" collate "C");