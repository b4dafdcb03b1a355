-- Search candidates for the services' role (decision 0011). Under row-level security PostgreSQL
-- uses an index only for leakproof operators, and `@@`, LIKE and `<%` are not: as dpp_app every
-- word, prefix or typo search read all of the tenant's rows. These functions run as their owner
-- (the migrator, a superuser, so row-level security does not apply inside) and therefore must
-- filter by tenant themselves: always the transaction's `app.tenant_id`, never an argument, so
-- unset means no rows. They return ids (and the ranking key); the caller reads the products by
-- primary key under row-level security as usual.

CREATE FUNCTION catalog.search_word_candidates(q tsquery, max_rows integer)
RETURNS TABLE (id text, article text, score integer)
LANGUAGE sql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT p.id, p.article, (ts_rank_cd(p.search, q) * 1000000)::integer
  FROM catalog.products p
  WHERE p.tenant_id = current_setting('app.tenant_id', true) AND p.search @@ q
  LIMIT max_rows
$$;
--> statement-breakpoint
-- Articles starting with `prefix`, in byte order after `after_article` (null: from the start).
-- EXECUTE plans with the actual prefix, so LIKE uses the (tenant_id, article collate "C") index.
CREATE FUNCTION catalog.search_article_prefix(prefix text, after_article text, max_rows integer)
RETURNS TABLE (id text, article text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF prefix IS NULL OR prefix = '' OR max_rows IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT p.id, p.article FROM catalog.products p
      WHERE p.tenant_id = current_setting(''app.tenant_id'', true)
        AND p.article COLLATE "C" LIKE $1
        AND ($2::text IS NULL OR p.article COLLATE "C" > $2)
      ORDER BY p.article COLLATE "C"
      LIMIT $3'
    USING replace(replace(replace(prefix, '\', '\\'), '%', '\%'), '_', '\_') || '%', after_article, max_rows;
END
$$;
--> statement-breakpoint
-- Names similar to `words` (typos), by trigram word similarity.
CREATE FUNCTION catalog.search_similar_candidates(words text, max_rows integer)
RETURNS TABLE (id text, article text, score integer)
LANGUAGE sql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT p.id, p.article, (public.word_similarity(words, p.name) * 1000000)::integer
  FROM catalog.products p
  WHERE p.tenant_id = current_setting('app.tenant_id', true) AND words OPERATOR(public.<%) p.name
  LIMIT max_rows
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION catalog.search_word_candidates(tsquery, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION catalog.search_article_prefix(text, text, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION catalog.search_similar_candidates(text, integer) FROM PUBLIC;
