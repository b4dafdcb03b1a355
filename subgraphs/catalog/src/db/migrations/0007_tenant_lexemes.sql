-- Word search per tenant (decision 0011): the search document's lexemes qualified by the tenant
-- ("ten_keaz:смесител"), for a GIN index whose posting lists hold one tenant's rows only. With
-- btree_gin's (tenant_id, search) index a prefix query read every tenant's matches and the whole
-- tenant's posting list; here it reads only the tenant's matches.
CREATE FUNCTION catalog.tenant_lexemes(tenant text, doc tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN pg_catalog.array_to_tsvector(ARRAY(SELECT tenant || ':' || l FROM pg_catalog.unnest(pg_catalog.tsvector_to_array(doc)) AS l));
--> statement-breakpoint
-- The candidates for a conjunction of prefix terms ('смесител':* & 'кухн':*, what the catalog
-- builds): the same terms qualified by the transaction's tenant, through that index. Any other
-- shape of query matches nothing.
CREATE OR REPLACE FUNCTION catalog.search_word_candidates(q tsquery, max_rows integer)
RETURNS TABLE (id text, article text, score integer)
LANGUAGE sql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  WITH t AS (SELECT current_setting('app.tenant_id', true) AS tenant),
  qualified AS (
    SELECT string_agg('''' || t.tenant || ':' || substr(term, 2), ' & ')::tsquery AS tq
    FROM t, unnest(string_to_array(q::text, ' & ')) AS term
    WHERE t.tenant <> '' AND q::text ~ '^''([^'']|'''')+'':\*( & ''([^'']|'''')+'':\*)*$'
  )
  SELECT p.id, p.article, (ts_rank_cd(p.search, q) * 1000000)::integer
  FROM catalog.products p, qualified, t
  WHERE catalog.tenant_lexemes(p.tenant_id, p.search) @@ qualified.tq AND p.tenant_id = t.tenant
  LIMIT max_rows
$$;
