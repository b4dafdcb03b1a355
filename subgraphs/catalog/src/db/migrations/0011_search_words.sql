-- The tenant's word list (decision 0011): the distinct lexemes of its search documents, kept by
-- statement triggers on products. A word prefix ('смесител':*) read the lexeme index as a partial
-- match — 20–40 ms for a broad word at 200,000 products — and a typo compared trigrams with every
-- name of the tenant (50–280 ms). Against the word list a prefix becomes a handful of exact
-- lexemes (an exact-entry index scan, ~1 ms) and a typo finds its nearest words by trigrams over
-- distinct words instead of over every name. `word` is in byte order for prefix ranges.
CREATE TABLE "catalog"."search_words" (
	"tenant_id" text NOT NULL,
	"word" text COLLATE "C" NOT NULL,
	CONSTRAINT "search_words_tenant_id_word_pk" PRIMARY KEY("tenant_id","word")
);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "catalog"."search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Runs as the caller (row-level security applies): products are written in their tenant's
-- transaction, so are their words. Words of deleted or renamed products stay; a stale word only
-- expands to a lexeme no product has.
CREATE FUNCTION catalog.products_search_words_added() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO catalog.search_words (tenant_id, word)
  SELECT DISTINCT n.tenant_id, w FROM new_rows n, unnest(tsvector_to_array(n.search)) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION catalog.products_search_words_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  INSERT INTO catalog.search_words (tenant_id, word)
  SELECT DISTINCT n.tenant_id, w
  FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id AND o.search IS DISTINCT FROM n.search,
    unnest(tsvector_to_array(n.search)) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER products_search_words_insert AFTER INSERT ON catalog.products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.products_search_words_added();
--> statement-breakpoint
CREATE TRIGGER products_search_words_update AFTER UPDATE ON catalog.products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog.products_search_words_changed();
--> statement-breakpoint
INSERT INTO catalog.search_words (tenant_id, word)
SELECT DISTINCT p.tenant_id, w FROM catalog.products p, unnest(tsvector_to_array(p.search)) AS w
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- A lexeme as a tsquery operand: quoted, quotes doubled, backslashes escaped.
CREATE FUNCTION catalog.tsquery_operand(lexeme text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN '''' || pg_catalog.replace(pg_catalog.replace(lexeme, '\', '\\'), '''', '''''') || '''';
--> statement-breakpoint
-- Up to max_words + 1 of the tenant's words starting with `prefix` (byte order). Owner-run; the
-- tenant is an argument here only because its callers below take it from app.tenant_id.
CREATE FUNCTION catalog.search_words_with_prefix(tenant text, prefix text, max_words integer) RETURNS text[]
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, pg_temp
RETURN ARRAY(
  SELECT s.word FROM catalog.search_words s
  WHERE s.tenant_id = tenant AND s.word >= prefix AND s.word < prefix || chr(1114111) AND starts_with(s.word, prefix)
  ORDER BY s.word LIMIT max_words + 1);
--> statement-breakpoint
REVOKE ALL ON FUNCTION catalog.search_words_with_prefix(text, text, integer) FROM PUBLIC;
--> statement-breakpoint
-- The one term of a word query for the tenant: its words with the prefix when there are at most
-- 64 ('ten:a' | 'ten:b'), else the prefix itself ('ten:p':*); null when the tenant has none.
CREATE FUNCTION catalog.search_prefix_term(tenant text, prefix text) RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  words text[] := catalog.search_words_with_prefix(tenant, prefix, 64);
BEGIN
  IF cardinality(words) = 0 THEN
    RETURN NULL;
  ELSIF cardinality(words) > 64 THEN
    RETURN catalog.tsquery_operand(tenant || ':' || prefix) || ':*';
  END IF;
  RETURN '(' || array_to_string(ARRAY(SELECT catalog.tsquery_operand(tenant || ':' || w) FROM unnest(words) AS w), ' | ') || ')';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION catalog.search_prefix_term(text, text) FROM PUBLIC;
--> statement-breakpoint
-- Word candidates (a conjunction of prefix terms, what the catalog builds; any other shape matches
-- nothing), now through the word list: each prefix becomes the tenant's exact lexemes. The
-- qualified lexemes already select the tenant; the tenant test stays as a guard, written so that
-- the planner does not AND it with a bitmap of the tenant's 200,000 rows (`IS TRUE` is no index
-- condition).
CREATE OR REPLACE FUNCTION catalog.search_word_candidates(q tsquery, max_rows integer)
RETURNS TABLE (id text, article text, score integer)
LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tenant text := current_setting('app.tenant_id', true);
  term text;
  part text;
  parts text[] := '{}';
BEGIN
  IF coalesce(tenant, '') = '' OR q::text !~ '^''([^'']|'''')+'':\*( & ''([^'']|'''')+'':\*)*$' THEN
    RETURN;
  END IF;
  FOREACH term IN ARRAY string_to_array(q::text, ' & ') LOOP
    -- 'prefix':* as tsquery prints it: quotes doubled, backslashes escaped
    part := catalog.search_prefix_term(tenant,
      replace(replace(substr(term, 2, length(term) - 4), '''''', ''''), '\\', '\'));
    IF part IS NULL THEN
      RETURN;
    END IF;
    parts := parts || part;
  END LOOP;
  RETURN QUERY EXECUTE
    'SELECT p.id, p.article, (ts_rank_cd(p.search, $1) * 1000000)::integer
       FROM catalog.products p
      WHERE catalog.tenant_lexemes(p.tenant_id, p.search) @@ $2::tsquery AND (p.tenant_id = $3) IS TRUE
      LIMIT $4'
    USING q, array_to_string(parts, ' & '), tenant, max_rows;
END
$$;
--> statement-breakpoint
-- Typos: each word of `words` (already lower case, letters and digits) is stemmed like the search
-- documents; a word the tenant has (as a prefix) stands, otherwise its nearest words of the
-- tenant's list by trigram similarity (≥ 0.5, at most 3) replace it. Every word must be found or
-- replaced (stop words are skipped). Ranked like words (ts_rank_cd of the corrected query): the
-- trigram similarity of every candidate's name cost ~50 µs a row.
CREATE OR REPLACE FUNCTION catalog.search_similar_candidates(words text, max_rows integer)
RETURNS TABLE (id text, article text, score integer)
LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tenant text := current_setting('app.tenant_id', true);
  w text;
  stem text;
  part text;
  near text[];
  parts text[] := '{}';
BEGIN
  IF coalesce(tenant, '') = '' THEN
    RETURN;
  END IF;
  FOREACH w IN ARRAY regexp_split_to_array(btrim(words), '\s+') LOOP
    stem := (tsvector_to_array(to_tsvector('russian', w)))[1];
    CONTINUE WHEN stem IS NULL;
    part := catalog.search_prefix_term(tenant, stem);
    IF part IS NULL THEN
      near := ARRAY(
        SELECT s.word FROM catalog.search_words s
        WHERE s.word OPERATOR(public.%) stem AND s.tenant_id = tenant AND public.similarity(s.word, stem) >= 0.5
        ORDER BY public.similarity(s.word, stem) DESC, s.word LIMIT 3);
      IF cardinality(near) = 0 THEN
        RETURN;
      END IF;
      part := '(' || array_to_string(ARRAY(SELECT catalog.tsquery_operand(tenant || ':' || n) FROM unnest(near) AS n), ' | ') || ')';
    END IF;
    parts := parts || part;
  END LOOP;
  IF cardinality(parts) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT p.id, p.article, (ts_rank_cd(p.search, $1::tsquery) * 1000000)::integer
       FROM catalog.products p
      WHERE catalog.tenant_lexemes(p.tenant_id, p.search) @@ $2::tsquery AND (p.tenant_id = $3) IS TRUE
      LIMIT $4'
    USING replace(array_to_string(parts, ' & '), '''' || tenant || ':', ''''), array_to_string(parts, ' & '), tenant, max_rows;
END
$$;
