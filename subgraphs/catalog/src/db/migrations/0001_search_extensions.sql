-- Trigram similarity for typo-tolerant name search, and btree_gin so the tenant id can lead GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;
