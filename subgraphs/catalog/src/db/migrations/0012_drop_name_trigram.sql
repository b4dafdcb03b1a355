-- Typos go through catalog.search_words (0011); nothing reads names by trigrams any more, and the
-- index (tenant_id first through btree_gin) made the planner AND the tenant's whole posting list.
DROP INDEX "catalog"."products_name_trgm_idx";
