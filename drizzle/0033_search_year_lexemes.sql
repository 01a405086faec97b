-- A dated search document holds its year as one more lexeme of both full-text vectors, "year 2019", so a search
-- within a year ANDs that lexeme to its words and the full-text index itself intersects the word's rows with the
-- year's (features/search/year-words.ts): a common word within a year read thousands of rows to keep the year's
-- 200 (Honduras in 2019: 22,700 matches). The lexeme holds a space, which no parsed word ever does, so no text
-- indexes it and no typed search finds it; it has no position, so no ranking or excerpt sees it (ranks and
-- headlines use the words' own query). btree_gin (the date in a multi-column index) did the same on PostgreSQL and
-- made PGlite hang: no extension here.
CREATE FUNCTION "search_year_lexeme"(year integer) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'year ' || year
$$;--> statement-breakpoint
-- The year lexeme of a date, as a vector to append (empty without a date: organizations).
CREATE FUNCTION "search_year_vector"(d date) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN d IS NULL THEN ''::tsvector
    ELSE array_to_tsvector(ARRAY[search_year_lexeme(extract(year FROM d)::integer)]) END
$$;--> statement-breakpoint
-- The query of a year's lexeme, ANDed to a search's words.
CREATE FUNCTION "search_year_query"(year integer) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT quote_literal(search_year_lexeme(year))::tsquery
$$;--> statement-breakpoint
-- A vector whose date changed from old_date to new_date: the old year's lexeme out, the new one's in.
CREATE FUNCTION "search_redated"(tsv tsvector, old_date date, new_date date) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN old_date IS NULL THEN tsv
    ELSE ts_delete(tsv, search_year_lexeme(extract(year FROM old_date)::integer)) END || search_year_vector(new_date)
$$;--> statement-breakpoint
-- As in migration 0021 (search_public_windows), with each dated row's year lexeme.
CREATE OR REPLACE FUNCTION "search_refresh"(doc_kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NOT NULL AND cardinality(ids) = 0 THEN RETURN; END IF;
  DELETE FROM search_documents WHERE kind = doc_kind AND (ids IS NULL OR source_id = ANY (ids));
  IF doc_kind = 'statement' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'statement', s.id, s.id, s.date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B') || search_year_vector(s.date),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B') || search_year_vector(s.date),
      w.public_from, w.public_until
    FROM statements s JOIN search_public_windows('statement', ids) w ON w.source_id = s.id,
      LATERAL (SELECT search_text(s.title, 'en') AS te, search_text(s.title, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(s.summary, 'en'), ''), nullif(search_text(s.occasion, 'en'), ''), nullif(search_plain(search_text(s.body, 'en')), '')) AS be,
        concat_ws(E'\n', nullif(search_text(s.summary, 'es'), ''), nullif(search_text(s.occasion, 'es'), ''), nullif(search_plain(search_text(s.body, 'es')), '')) AS bes) x
    WHERE ids IS NULL OR s.id = ANY (ids);
    -- A recommendation is dated by its statement, and so is its year lexeme.
    UPDATE search_documents d SET date = s.date,
      tsv_en = search_redated(d.tsv_en, d.date, s.date), tsv_es = search_redated(d.tsv_es, d.date, s.date)
    FROM statements s
    WHERE d.kind = 'recommendation' AND d.statement_id = s.id AND d.date IS DISTINCT FROM s.date
      AND (ids IS NULL OR s.id = ANY (ids));
    -- Recommendations, their follow-up entries and the releases presenting these statements are public
    -- only with them: their spans follow.
    PERFORM search_update_windows('recommendation', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT r.id FROM recommendations r WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('release', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT r.id FROM releases r WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('followup_response', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT f.id FROM followup_responses f JOIN recommendations r ON r.id = f.recommendation_id WHERE r.statement_id = ANY (ids)) END);
    PERFORM search_update_windows('followup_status_update', CASE WHEN ids IS NOT NULL THEN
      ARRAY(SELECT f.id FROM followup_status_updates f WHERE f.statement_id = ANY (ids)) END);
  ELSIF doc_kind = 'recommendation' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'recommendation', r.id, r.statement_id, r.id, s.date, search_text(r.text, 'en'), search_text(r.text, 'es'),
      setweight(to_tsvector('puente_english', search_text(r.text, 'en')), 'B') || search_year_vector(s.date),
      setweight(to_tsvector('puente_spanish', search_text(r.text, 'es')), 'B') || search_year_vector(s.date),
      w.public_from, w.public_until
    FROM recommendations r JOIN statements s ON s.id = r.statement_id
      JOIN search_public_windows('recommendation', ids) w ON w.source_id = r.id
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'release' THEN
    INSERT INTO search_documents (kind, source_id, date, title_en, title_es, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'release', r.id, r.release_date, te, tes, be, bes,
      setweight(to_tsvector('puente_english', te), 'A') || setweight(to_tsvector('puente_english', be), 'B') || search_year_vector(r.release_date),
      setweight(to_tsvector('puente_spanish', tes), 'A') || setweight(to_tsvector('puente_spanish', bes), 'B') || search_year_vector(r.release_date),
      w.public_from, w.public_until
    FROM releases r JOIN search_public_windows('release', ids) w ON w.source_id = r.id,
      LATERAL (SELECT search_text(r.headline, 'en') AS te, search_text(r.headline, 'es') AS tes,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'en'), ''), nullif(search_plain(search_text(r.lead, 'en')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'en')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS be,
        concat_ws(E'\n', nullif(search_text(r.subheadline, 'es'), ''), nullif(search_plain(search_text(r.lead, 'es')), ''),
          (SELECT string_agg(search_plain(search_text(b.text, 'es')), E'\n' ORDER BY b.position) FROM release_blocks b WHERE b.release_id = r.id)) AS bes) x
    WHERE ids IS NULL OR r.id = ANY (ids);
  ELSIF doc_kind = 'organization' THEN
    -- Names in every form (own name, per language, acronym, aliases) weigh most, in both languages.
    INSERT INTO search_documents (kind, source_id, title_en, title_es, body_en, body_es, names, tsv_en, tsv_es, public_from, public_until)
    SELECT 'organization', o.id, te, tes, search_text(o.boilerplate, 'en'), search_text(o.boilerplate, 'es'),
      lower(unaccent(allnames)),
      setweight(to_tsvector('puente_english', allnames), 'A') || setweight(to_tsvector('puente_english', search_text(o.boilerplate, 'en')), 'B'),
      setweight(to_tsvector('puente_spanish', allnames), 'A') || setweight(to_tsvector('puente_spanish', search_text(o.boilerplate, 'es')), 'B'),
      w.public_from, w.public_until
    FROM organizations o JOIN search_public_windows('organization', ids) w ON w.source_id = o.id,
      LATERAL (SELECT coalesce(nullif(search_text(o.localized_name, 'en'), ''), o.name) AS te,
        coalesce(nullif(search_text(o.localized_name, 'es'), ''), o.name) AS tes,
        concat_ws(' ', o.name, o.acronym, search_text(o.localized_name, 'en'), search_text(o.localized_name, 'es'),
          array_to_string(o.aliases, ' ')) AS allnames) x
    WHERE ids IS NULL OR o.id = ANY (ids);
  ELSIF doc_kind = 'followup_response' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'followup_response', f.id, r.statement_id, f.recommendation_id, f.date,
      concat_ws(E'\n', nullif(search_text(f.summary, 'en'), ''), f.source_title),
      concat_ws(E'\n', nullif(search_text(f.summary, 'es'), ''), f.source_title),
      setweight(to_tsvector('puente_english', concat_ws(E'\n', search_text(f.summary, 'en'), f.source_title)), 'B') || search_year_vector(f.date),
      setweight(to_tsvector('puente_spanish', concat_ws(E'\n', search_text(f.summary, 'es'), f.source_title)), 'B') || search_year_vector(f.date),
      w.public_from, w.public_until
    FROM followup_responses f JOIN recommendations r ON r.id = f.recommendation_id
      JOIN search_public_windows('followup_response', ids) w ON w.source_id = f.id
    WHERE ids IS NULL OR f.id = ANY (ids);
  ELSIF doc_kind = 'followup_status_update' THEN
    INSERT INTO search_documents (kind, source_id, statement_id, recommendation_id, date, body_en, body_es, tsv_en, tsv_es, public_from, public_until)
    SELECT 'followup_status_update', f.id, f.statement_id, f.recommendation_id, f.date,
      search_text(f.summary, 'en'), search_text(f.summary, 'es'),
      setweight(to_tsvector('puente_english', search_text(f.summary, 'en')), 'B') || search_year_vector(f.date),
      setweight(to_tsvector('puente_spanish', search_text(f.summary, 'es')), 'B') || search_year_vector(f.date),
      w.public_from, w.public_until
    FROM followup_status_updates f JOIN search_public_windows('followup_status_update', ids) w ON w.source_id = f.id
    WHERE ids IS NULL OR f.id = ANY (ids);
  END IF;
END
$$;--> statement-breakpoint
-- The rows already indexed get their year lexeme (their vectors, built by search_refresh, hold none). The full-text
-- indexes are dropped first and built again after, as they were (schema/search.ts): one build each rather than every
-- row's words inserted again into six indexes with fastupdate off.
DROP INDEX "search_documents_organization_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_organization_tsv_es_idx";--> statement-breakpoint
DROP INDEX "search_documents_titled_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_titled_tsv_es_idx";--> statement-breakpoint
DROP INDEX "search_documents_entries_tsv_en_idx";--> statement-breakpoint
DROP INDEX "search_documents_entries_tsv_es_idx";--> statement-breakpoint
UPDATE search_documents SET tsv_en = tsv_en || search_year_vector(date), tsv_es = tsv_es || search_year_vector(date)
WHERE date IS NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_organization_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" = 'organization';--> statement-breakpoint
CREATE INDEX "search_documents_organization_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" = 'organization';--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_titled_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('statement', 'release');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_en_idx" ON "search_documents" USING gin ("tsv_en") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');--> statement-breakpoint
CREATE INDEX "search_documents_entries_tsv_es_idx" ON "search_documents" USING gin ("tsv_es") WITH (fastupdate=false) WHERE "search_documents"."kind" in ('recommendation', 'followup_response', 'followup_status_update');--> statement-breakpoint
ANALYZE "search_documents";
